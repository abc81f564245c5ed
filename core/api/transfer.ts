import { z } from 'zod';
import { EntityId, EntityKindSchema } from '../model/entity.ts';
import { method } from './define.ts';

const Counts = z.object({ new: z.number().int(), same: z.number().int() });

export const TransferConflict = z.object({
  /** `entity:<id>`, `map:<id>` or `decision:<id>`: the key of its resolution. */
  key: z.string(),
  type: z.enum(['entity', 'map', 'decision']),
  id: z.string(),
  here: z.object({ title: z.string(), updatedAt: z.string() }),
  incoming: z.object({ title: z.string(), updatedAt: z.string().nullable() }),
});
export type TransferConflict = z.infer<typeof TransferConflict>;

const Resolution = z.enum(['keep', 'replace', 'copy']);
const Outcome = z.object({ created: z.number().int(), replaced: z.number().int(), copied: z.number().int(), unchanged: z.number().int(), kept: z.number().int() });

const BundleInput = { content: z.string(), fileName: z.string().max(500).default('bundle.json') };

export const transferMethods = {
  'transfer.export': method({
    summary: 'A bundle of selected knowledge-base entries (by kind or id, with the relations between them), maps (with their presentations) and decisions, to move into another workspace.',
    input: z
      .object({
        kinds: z.array(EntityKindSchema).max(20).default([]),
        entities: z.array(EntityId).max(200_000).default([]),
        maps: z.array(z.string().max(140)).max(500).default([]),
        decisions: z.array(z.string().max(140)).max(2_000).default([]),
      })
      .strict(),
    output: z.object({ content: z.string(), fileName: z.string(), entities: z.number().int(), maps: z.number().int(), decisions: z.number().int() }),
    writes: false,
  }),
  'transfer.preview': method({
    summary: 'What importing a bundle would do: new and identical items, and the conflicts (same id, different content here) the user must resolve.',
    input: z.object(BundleInput).strict(),
    output: z.object({ workspace: z.string(), entities: Counts, maps: Counts, decisions: Counts, conflicts: z.array(TransferConflict) }),
    writes: false,
  }),
  'transfer.import': method({
    summary: 'Import a bundle in one transaction. Every conflict needs a resolution (keep this workspace’s, replace with the bundle’s, or for maps and decisions keep both); none is overwritten silently.',
    input: z
      .object({ ...BundleInput, resolutions: z.record(z.string().max(200), Resolution).default({}), jobId: z.string().min(1).max(100).optional() })
      .strict(),
    output: z.object({ entities: Outcome, maps: Outcome, decisions: Outcome }),
    writes: true,
  }),
};
