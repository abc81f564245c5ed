import { z } from 'zod';
import { method } from './define.ts';
import { EntityId, EntityKindSchema, RelationKindSchema } from '../model/entity.ts';
import { MapDocument } from '../graph/model.ts';

export const MapId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/, 'must be lowercase letters, digits and dashes');

export const MapSummary = z.object({
  id: MapId,
  title: z.string(),
  concepts: z.number().int(),
  propositions: z.number().int(),
  origin: z.enum(['seed', 'user']),
  updatedAt: z.string(),
});
export type MapSummary = z.infer<typeof MapSummary>;

const Lang = z.enum(['zh', 'en']);

/** Steps of presentations that lost concepts deleted from their map (by label), to tell the author. */
export const PrunedSteps = z.array(
  z.object({ presentation: z.string(), title: z.string(), steps: z.array(z.object({ stepTitle: z.string(), removed: z.array(z.string()) })) }),
);
export type PrunedSteps = z.infer<typeof PrunedSteps>;
const ImportedShape = z.object({
  id: MapId,
  title: z.string(),
  concepts: z.array(z.object({ id: z.string(), label: z.string() })),
  propositions: z.array(z.object({ from: z.string(), phrase: z.string(), to: z.string() })),
  groups: z.array(z.object({ id: z.string(), title: z.string(), members: z.array(z.string()) })),
  dropped: z.array(z.object({ line: z.number().optional(), path: z.string().optional(), message: z.string() })),
});

export const GenerateSource = z.discriminatedUnion('from', [
  z
    .object({
      from: z.literal('entity'),
      entity: EntityId,
      depth: z.number().int().min(1).max(6).default(2),
      relationKinds: z.array(RelationKindSchema).max(20).optional(),
      entityKinds: z.array(EntityKindSchema).max(20).optional(),
    })
    .strict(),
  z
    .object({
      from: z.literal('kind'),
      kind: EntityKindSchema,
      /** Relations that bring in their other ends (e.g. uses-model brings the cases using each model). */
      relationKinds: z.array(RelationKindSchema).max(20).default([]),
    })
    .strict(),
]);
export type GenerateSource = z.infer<typeof GenerateSource>;

export const mapMethods = {
  'maps.list': method({
    summary: 'Every map in the workspace, newest first.',
    input: z.object({}).strict(),
    output: z.array(MapSummary),
    writes: false,
  }),
  'maps.get': method({
    summary: 'One map document with its revision.',
    input: z.object({ id: MapId }).strict(),
    output: z.object({ id: MapId, revision: z.number().int(), origin: z.enum(['seed', 'user']), updatedAt: z.string(), document: MapDocument }),
    writes: false,
  }),
  'maps.create': method({
    summary: 'A new map, empty or from a document.',
    input: z.object({ title: z.string().trim().min(1).max(500), document: MapDocument.optional() }).strict(),
    output: z.object({ id: MapId, revision: z.number().int() }),
    writes: true,
  }),
  'maps.save': method({
    summary: 'Save a map; `revision` is the one the editor started from (a newer one is a conflict). Steps of its presentations that showed deleted concepts are updated, and listed in `pruned`.',
    input: z.object({ id: MapId, revision: z.number().int().min(1), document: MapDocument }).strict(),
    output: z.object({ revision: z.number().int(), pruned: PrunedSteps }),
    writes: true,
  }),
  'maps.delete': method({
    summary: 'Delete a map.',
    input: z.object({ id: MapId }).strict(),
    output: z.object({}),
    writes: true,
  }),
  'maps.generate': method({
    summary: 'Draw a new map from the knowledge base: an entity’s neighbourhood, or a whole kind with what relates to it.',
    input: z
      .object({ source: GenerateSource, lang: Lang.default('en'), title: z.string().trim().max(500).optional(), groupByKind: z.boolean().default(false) })
      .strict(),
    output: z.object({ id: MapId, revision: z.number().int(), concepts: z.number().int(), propositions: z.number().int() }),
    writes: true,
  }),
  'maps.import': method({
    summary: 'Import a Mermaid flowchart or a CmapTools CXL file as a new map; says what could not be carried over.',
    input: z
      .object({
        format: z.enum(['mermaid', 'cxl']),
        content: z.string(),
        fileName: z.string().max(500).default('import'),
        title: z.string().max(500).optional(),
      })
      .strict(),
    output: ImportedShape,
    writes: true,
  }),
  'maps.export': method({
    summary: 'A map as Mermaid, CXL, SVG, PNG (base64) or JSON.',
    input: z
      .object({
        id: MapId,
        format: z.enum(['mermaid', 'cxl', 'svg', 'png', 'json']),
        scale: z.number().min(0.25).max(8).default(1),
        theme: z.enum(['light', 'dark']).default('light'),
      })
      .strict(),
    output: z.object({ content: z.string(), encoding: z.enum(['utf8', 'base64']), fileName: z.string(), mime: z.string() }),
    writes: false,
  }),
};
