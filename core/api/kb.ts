import { z } from 'zod';
import { method } from './define.ts';
import { Entity, EntityId, EntityKindSchema, EntitySummary, Relation } from '../model/entity.ts';
import { Bilingual } from '../model/text.ts';
import { ENTITY_KINDS } from '../model/kinds.ts';

/** A relation seen from one entity, with the title of the entity at its other end. */
export const RelationView = Relation.extend({
  direction: z.enum(['outgoing', 'incoming']),
  other: z.object({ id: EntityId, kind: EntityKindSchema, title: Bilingual }),
});
export type RelationView = z.infer<typeof RelationView>;

export const SectionInfo = z.object({ id: z.string(), title: Bilingual });
export type SectionInfo = z.infer<typeof SectionInfo>;

export const KB_SORTS = ['title', 'kind', 'source', 'updated'] as const;

export const kbMethods = {
  'kb.stats': method({
    summary: 'How many entities of each kind, and how many relations.',
    input: z.object({}).strict(),
    output: z.object({
      entities: z.number().int(),
      relations: z.number().int(),
      byKind: z.record(z.enum(ENTITY_KINDS), z.number().int()),
    }),
    writes: false,
  }),
  'kb.list': method({
    summary: 'A page of entities, optionally of one kind, sorted.',
    input: z
      .object({
        kind: EntityKindSchema.optional(),
        sort: z.enum(KB_SORTS).default('title'),
        lang: z.enum(['zh', 'en']).default('en'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(EntitySummary) }),
    writes: false,
  }),
  'kb.get': method({
    summary: 'One entity with its relations in both directions.',
    input: z.object({ id: EntityId }).strict(),
    output: z.object({ entity: Entity, relations: z.array(RelationView) }),
    writes: false,
  }),
  'kb.sections': method({
    summary: "The seed book's sections, for showing where an item comes from.",
    input: z.object({}).strict(),
    output: z.array(SectionInfo),
    writes: false,
  }),
};
