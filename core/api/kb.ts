import { z } from 'zod';
import { method } from './define.ts';
import {
  Entity,
  EntityContent,
  EntityId,
  EntityKindSchema,
  EntitySummary,
  Relation,
  RelationContent,
  Tag,
} from '../model/entity.ts';
import { Bilingual } from '../model/text.ts';
import { Source } from '../model/source.ts';
import { ENTITY_KINDS } from '../model/kinds.ts';

/** A relation seen from one entity, with the title of the entity at its other end. */
export const RelationView = Relation.extend({
  direction: z.enum(['outgoing', 'incoming']),
  other: z.object({ id: EntityId, kind: EntityKindSchema, title: Bilingual }),
});
export type RelationView = z.infer<typeof RelationView>;

export const SectionInfo = z.object({ id: z.string(), title: Bilingual });
export type SectionInfo = z.infer<typeof SectionInfo>;

export const KB_SORTS = ['relevance', 'title', 'kind', 'source', 'updated'] as const;
const Lang = z.enum(['zh', 'en']);
const Paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) };

/** Facet filters: AND across facets, OR within one. */
export const KbFilters = z
  .object({
    kinds: z.array(EntityKindSchema).max(50).optional(),
    outcomes: z.array(z.string().max(40)).max(10).optional(),
    models: z.array(EntityId).max(200).optional(),
    segments: z.array(EntityId).max(200).optional(),
    tags: z.array(Tag).max(200).optional(),
    sections: z.array(z.string().max(40)).max(200).optional(),
  })
  .strict();
export type KbFilters = z.infer<typeof KbFilters>;

const Highlights = z.array(z.tuple([z.number().int(), z.number().int()]));
export const KbHit = EntitySummary.extend({
  titleHighlights: Highlights.optional(),
  /** An excerpt around the match, in the reading language where possible, with [start, end) marks. */
  snippet: z.object({ text: z.string(), highlights: Highlights }).optional(),
});
export type KbHit = z.infer<typeof KbHit>;

const FacetValue = z.object({ value: z.string(), count: z.number().int(), label: Bilingual });
export const KbFacets = z.object({
  kinds: z.array(FacetValue),
  outcomes: z.array(FacetValue),
  models: z.array(FacetValue),
  segments: z.array(FacetValue),
  tags: z.array(FacetValue),
  sections: z.array(FacetValue),
});
export type KbFacets = z.infer<typeof KbFacets>;

const ChangeLabel = z.object({
  action: z.enum(['create', 'update', 'delete', 'relate', 'unrelate', 'edit-relation', 'restore']),
  title: Bilingual,
});

export const ImportFormat = z.enum(['bundle', 'cases-csv', 'markdown']);
export const ExportFormat = z.enum(['bundle', 'cases-csv', 'markdown']);
export const ImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  relations: z.number().int(),
  ids: z.array(z.string()).max(10),
});
export type ImportReport = z.infer<typeof ImportReport>;

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
        sort: z.enum(['title', 'kind', 'source', 'updated']).default('title'),
        lang: Lang.default('en'),
        ...Paging,
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(EntitySummary) }),
    writes: false,
  }),
  'kb.query': method({
    summary: 'The library list: optional full-text query, facet filters, sort and a page, with snippets for matches.',
    input: z
      .object({
        text: z.string().max(500).optional(),
        filters: KbFilters.default({}),
        sort: z.enum(KB_SORTS).default('relevance'),
        lang: Lang.default('en'),
        ...Paging,
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(KbHit) }),
    writes: false,
  }),
  'kb.facets': method({
    summary: 'Counts per facet value for a query and filters.',
    input: z.object({ text: z.string().max(500).optional(), filters: KbFilters.default({}) }).strict(),
    output: KbFacets,
    writes: false,
  }),
  'kb.search': method({
    summary: 'Full-text search, ranked best first: ids, titles and snippets.',
    input: z
      .object({
        query: z.string().min(1).max(500),
        kinds: z.array(EntityKindSchema).max(50).optional(),
        lang: Lang.default('en'),
        limit: z.number().int().min(1).max(200).default(20),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      hits: z.array(z.object({ id: EntityId, kind: EntityKindSchema, title: z.string(), snippet: z.string() })),
    }),
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
  'kb.tags': method({
    summary: 'Every tag in use, with how many entities carry it.',
    input: z.object({}).strict(),
    output: z.array(z.object({ tag: z.string(), count: z.number().int() })),
    writes: false,
  }),
  'kb.create': method({
    summary: 'Create an entity; the id is derived from the title unless given.',
    input: z.object({ content: EntityContent, id: EntityId.optional() }).strict(),
    output: Entity,
    writes: true,
  }),
  'kb.update': method({
    summary: 'Replace an entity’s content; `revision` is the one the user edited (a newer one is a conflict).',
    input: z.object({ id: EntityId, revision: z.number().int().min(1), content: EntityContent }).strict(),
    output: Entity,
    writes: true,
  }),
  'kb.delete': method({
    summary: 'Delete an entity and its relations (undoable, kept in history).',
    input: z.object({ id: EntityId }).strict(),
    output: z.object({ relations: z.number().int() }),
    writes: true,
  }),
  'kb.history': method({
    summary: 'The saved revisions of an entity, newest first.',
    input: z.object({ id: EntityId }).strict(),
    output: z.array(
      z.object({
        revision: z.number().int(),
        action: z.enum(['create', 'update', 'delete', 'restore', 'import']),
        at: z.string(),
        entity: Entity,
      }),
    ),
    writes: false,
  }),
  'kb.restore': method({
    summary: 'Bring an entity back to an earlier revision, or back from deletion.',
    input: z.object({ id: EntityId, revision: z.number().int().min(1) }).strict(),
    output: Entity,
    writes: true,
  }),
  'kb.relations.create': method({
    summary: 'Relate two entities.',
    input: z.object({ relation: RelationContent }).strict(),
    output: Relation,
    writes: true,
  }),
  'kb.relations.update': method({
    summary: 'Change a relation’s note and source.',
    input: z.object({ id: z.number().int(), note: Bilingual, source: Source }).strict(),
    output: Relation,
    writes: true,
  }),
  'kb.relations.delete': method({
    summary: 'Remove a relation.',
    input: z.object({ id: z.number().int() }).strict(),
    output: z.object({}),
    writes: true,
  }),
  'kb.undo': method({
    summary: 'Undo the newest change to the knowledge base.',
    input: z.object({}).strict(),
    output: ChangeLabel,
    writes: true,
  }),
  'kb.undoState': method({
    summary: 'What kb.undo would undo, if anything.',
    input: z.object({}).strict(),
    output: z.object({ next: ChangeLabel.nullable() }),
    writes: false,
  }),
  'kb.export': method({
    summary: 'The whole knowledge base as a JSON bundle, the cases as CSV, or one entity as Markdown.',
    input: z.object({ format: ExportFormat, id: EntityId.optional() }).strict(),
    output: z.object({ content: z.string(), fileName: z.string() }),
    writes: false,
  }),
  'kb.import': method({
    summary: 'Import a file’s text; validated first, written in one transaction, cancellable with jobs.cancel.',
    input: z
      .object({
        format: ImportFormat,
        content: z.string(),
        fileName: z.string().max(500).default('import'),
        onConflict: z.enum(['fail', 'keep', 'replace']).default('fail'),
        /** Per entry: keep the workspace's version or replace it with the file's (overrides onConflict). */
        resolutions: z.record(EntityId, z.enum(['keep', 'replace'])).default({}),
        jobId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: ImportReport,
    writes: true,
  }),
};
