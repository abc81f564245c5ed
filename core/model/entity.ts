import { z } from 'zod';
import { ENTITY_KINDS, KINDS, RELATION_KINDS, type EntityKind } from './kinds.ts';
import { Bilingual, RequiredBilingual } from './text.ts';
import { Source } from './source.ts';

/** Entity ids read as `kind/slug`, e.g. `case/ibm-watson`: stable, human-readable, URL-safe. */
export const ENTITY_ID_PATTERN = /^[a-z]+\/[a-z0-9][a-z0-9-]{0,120}$/;
export const EntityId = z.string().regex(ENTITY_ID_PATTERN, 'must look like kind/slug, e.g. case/ibm-watson');
export const EntityKindSchema = z.enum(ENTITY_KINDS);
export const RelationKindSchema = z.enum(RELATION_KINDS);

export const Tag = z.string().trim().min(1).max(60);

/** The editable content of an entity: what a user types, what the seed and imports supply. */
export const EntityContent = z.object({
  kind: EntityKindSchema,
  title: RequiredBilingual,
  summary: Bilingual.default({ zh: '', en: '' }),
  attrs: z.record(z.string(), z.string()).default({}),
  texts: z.record(z.string(), Bilingual).default({}),
  lists: z.record(z.string(), z.array(Bilingual).max(500)).default({}),
  tags: z.array(Tag).max(50).default([]),
  source: Source,
});
export type EntityContent = z.output<typeof EntityContent>;
export type EntityContentInput = z.input<typeof EntityContent>;

/** Checks attribute values and field keys against the kind's declaration; returns problems by path. */
export function checkKindFields(content: EntityContent): { path: (string | number)[]; message: string }[] {
  const def = KINDS[content.kind];
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [key, value] of Object.entries(content.attrs)) {
    const attr = def.attributes.find((a) => a.key === key);
    if (!attr) problems.push({ path: ['attrs', key], message: `a ${content.kind} has no attribute "${key}"` });
    else if (!attr.options.some((o) => o.value === value))
      problems.push({
        path: ['attrs', key],
        message: `"${value}" is not one of ${attr.options.map((o) => o.value).join(', ')}`,
      });
  }
  for (const attr of def.attributes)
    if (attr.required && !(attr.key in content.attrs))
      problems.push({ path: ['attrs', attr.key], message: `a ${content.kind} needs "${attr.key}"` });
  for (const key of Object.keys(content.texts))
    if (!def.texts.some((f) => f.key === key))
      problems.push({ path: ['texts', key], message: `a ${content.kind} has no text field "${key}"` });
  for (const key of Object.keys(content.lists))
    if (!def.lists.some((f) => f.key === key))
      problems.push({ path: ['lists', key], message: `a ${content.kind} has no list "${key}"` });
  return problems;
}

export const Entity = EntityContent.extend({
  id: EntityId,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 'seed' while the entity is as the default knowledge base shipped it; 'user' once edited or created. */
  origin: z.enum(['seed', 'user']),
});
export type Entity = z.output<typeof Entity>;

/** A short form for lists: enough to show a row and to facet. */
export const EntitySummary = z.object({
  id: EntityId,
  kind: EntityKindSchema,
  title: Bilingual,
  summary: Bilingual,
  attrs: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  source: z.string(),
  updatedAt: z.string(),
});
export type EntitySummary = z.output<typeof EntitySummary>;

export const RelationContent = z.object({
  kind: RelationKindSchema,
  from: EntityId,
  to: EntityId,
  note: Bilingual.default({ zh: '', en: '' }),
  source: Source,
});
export type RelationContent = z.output<typeof RelationContent>;

export const Relation = RelationContent.extend({
  id: z.number().int(),
  origin: z.enum(['seed', 'user']),
});
export type Relation = z.output<typeof Relation>;

/** Whether every item is greater than the one before (in code-unit order): already sorted, no duplicates. */
const ascending = (items: readonly string[]): boolean => items.every((item, i) => i === 0 || (items[i - 1] as string) < item);

// Imports canonicalise every entry, and most records and tag lists are already in order: those
// are copied as they are instead of being taken apart and sorted.
const sortedKeys = <T>(record: Record<string, T>): Record<string, T> =>
  ascending(Object.keys(record))
    ? { ...record }
    : Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The content in one canonical shape (keys and tags sorted), for storing and comparing. */
export function canonicalContent(content: EntityContent): EntityContent {
  return {
    kind: content.kind,
    title: { zh: content.title.zh, en: content.title.en },
    summary: { zh: content.summary.zh, en: content.summary.en },
    attrs: sortedKeys(content.attrs),
    texts: sortedKeys(content.texts),
    lists: sortedKeys(content.lists),
    tags: ascending(content.tags) ? [...content.tags] : [...new Set(content.tags)].sort(),
    source: content.source,
  };
}

export function sameContent(a: EntityContent, b: EntityContent): boolean {
  return JSON.stringify(canonicalContent(a)) === JSON.stringify(canonicalContent(b));
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'item'
  );
}

export function kindOfId(id: string): EntityKind | undefined {
  const kind = id.split('/')[0];
  return (ENTITY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as EntityKind) : undefined;
}
