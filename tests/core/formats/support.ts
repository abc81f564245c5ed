import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { AppError, type Problem } from '../../../core/api/result.ts';
import { Entity, type EntityContent } from '../../../core/model/entity.ts';
import { ENTITY_KINDS, KINDS, RELATIONS, relationAllowed, type EntityKind, type RelationKind } from '../../../core/model/kinds.ts';
import type { Bilingual } from '../../../core/model/text.ts';
import type { BundleRelation, BundleSection } from '../../../core/formats/bundle.ts';

const SEED_DIR = path.join(import.meta.dirname, '../../../data/seed');

interface SeedRelation {
  kind: RelationKind;
  to: string;
  source: string;
  note?: Bilingual;
}

/** The default knowledge base as the app would hold it right after seeding (fixed revision and times). */
export function loadSeed(): { sections: BundleSection[]; entities: Entity[]; relations: BundleRelation[] } {
  const entities: Entity[] = [];
  const relations: BundleRelation[] = [];
  let sections: BundleSection[] = [];
  for (const name of readdirSync(SEED_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const items = parse(readFileSync(path.join(SEED_DIR, name), 'utf8')) as Record<string, unknown>[];
    if (name === 'sections.yaml') {
      sections = items as unknown as BundleSection[];
      continue;
    }
    for (const { relations: rels = [], ...item } of items as (Record<string, unknown> & { relations?: SeedRelation[] })[]) {
      const entity = Entity.parse({ ...item, revision: 1, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', origin: 'seed' });
      entities.push(entity);
      for (const r of rels)
        relations.push({ kind: r.kind, from: entity.id, to: r.to, source: r.source, note: r.note ?? { zh: '', en: '' }, origin: 'seed' });
    }
  }
  return { sections, entities, relations };
}

/** Runs `fn`, expecting an AppError with this code; returns it for further checks. */
export function appError(code: AppError['code'], fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected an AppError "${code}", but nothing was thrown`);
}

export const problemsOf = (error: AppError): Problem[] => (error.details?.problems ?? []) as Problem[];

/** The 1-based line of the first line of `text` that contains `needle` (from `from` on). */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line, i) => i >= from - 1 && line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}

/**
 * Content as the formats promise to keep it: lists and single texts that are empty in both
 * languages carry nothing and may come back absent; tags are a set.
 */
export function comparable(content: EntityContent): EntityContent {
  const lists: Record<string, Bilingual[]> = {};
  for (const [key, items] of Object.entries(content.lists)) {
    const kept = items.filter((i) => i.zh !== '' || i.en !== '');
    if (kept.length > 0) lists[key] = kept;
  }
  return {
    kind: content.kind,
    title: content.title,
    summary: content.summary,
    attrs: content.attrs,
    texts: Object.fromEntries(Object.entries(content.texts).filter(([, t]) => t.zh !== '' || t.en !== '')),
    lists,
    tags: [...new Set(content.tags)].sort(),
    source: content.source,
  };
}

export const contentOf = ({ kind, title, summary, attrs, texts, lists, tags, source }: EntityContent): EntityContent => ({
  kind,
  title,
  summary,
  attrs,
  texts,
  lists,
  tags,
  source,
});

// ---- generators ----

/** Characters that stress Markdown, CSV, YAML and JSON: structure marks, quotes, CJK, spaces, line breaks. */
const TRICKY = [
  ...'aZ9 中文§',
  '#', '-', '*', '_', '=', '`', '~', '<', '>', '[', ']', '(', ')', '\\', '|', '!', '+', '.', '1',
  '"', "'", ',', ';', ':', '{', '}', '&', '%', '@', '\t', '\n', '\n\n', '  ', '---', '```', '### ', '## ', '- ',
];

export const trickyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...TRICKY), { maxLength }).map((parts) => parts.join(''));

/** Text with no leading or trailing whitespace (Markdown trims summaries and items). */
export const trimmedText = (maxLength = 40): fc.Arbitrary<string> => trickyText(maxLength).map((t) => t.trim());

export const bilingual = (text: fc.Arbitrary<string>): fc.Arbitrary<Bilingual> => fc.record({ zh: text, en: text });

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);

export const entityId = (kind: EntityKind): fc.Arbitrary<string> => slug.map((s) => `${kind}/${s}`);

/** A single-line, trimmed, non-empty string without `;` (tags and sources in every format). */
const word = fc
  .array(fc.constantFrom(...'abc中文§-_#*.1 ,:[]{}"\'&!?|>'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').trim())
  .filter((s) => s !== '');

export interface ContentOptions {
  /** How summaries, titles and items are generated. */
  text?: fc.Arbitrary<string>;
}

export function entityContent(kind: EntityKind, options: ContentOptions = {}): fc.Arbitrary<EntityContent> {
  const text = options.text ?? trickyText();
  const def = KINDS[kind];
  const attrs = fc.record(
    Object.fromEntries(def.attributes.map((a) => [a.key, fc.constantFrom(...a.options.map((o) => o.value))])),
    { requiredKeys: def.attributes.filter((a) => a.required).map((a) => a.key) },
  ) as fc.Arbitrary<Record<string, string>>;
  const texts = fc.record(Object.fromEntries(def.texts.map((t) => [t.key, bilingual(text)])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, Bilingual>
  >;
  const lists = fc.record(
    Object.fromEntries(def.lists.map((l) => [l.key, fc.array(bilingual(text), { maxLength: 4 })])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, Bilingual[]>>;
  const title = bilingual(text).filter((t) => t.zh.trim() !== '' || t.en.trim() !== '');
  return fc.record({
    kind: fc.constant(kind),
    title,
    summary: bilingual(text),
    attrs,
    texts,
    lists,
    tags: fc.uniqueArray(word, { maxLength: 4 }),
    source: word,
  });
}

export const anyKind = fc.constantFrom(...ENTITY_KINDS);

export function entity(kind: EntityKind, options: ContentOptions = {}): fc.Arbitrary<Entity> {
  return fc
    .record({
      content: entityContent(kind, options),
      id: entityId(kind),
      revision: fc.integer({ min: 1, max: 1000 }),
      createdAt: fc.constantFrom('2024-01-01T00:00:00.000Z', '2025-06-30T12:34:56.789Z'),
      updatedAt: fc.constantFrom('2024-01-01T00:00:00.000Z', '2025-07-01T08:00:00.000Z'),
      origin: fc.constantFrom('seed' as const, 'user' as const),
    })
    .map(({ content, ...rest }) => ({ ...content, ...rest }));
}

/** Entities with distinct ids and relations allowed between them (no duplicates). */
export function knowledgeBase(options: ContentOptions = {}): fc.Arbitrary<{ entities: Entity[]; relations: BundleRelation[] }> {
  return fc
    .uniqueArray(anyKind.chain((kind) => entity(kind, options)), { maxLength: 8, selector: (e) => e.id })
    .chain((entities) => {
      const pairs: { kind: RelationKind; from: Entity; to: Entity }[] = [];
      for (const from of entities)
        for (const to of entities)
          for (const kind of Object.keys(RELATIONS) as RelationKind[])
            if (relationAllowed(kind, from.kind, to.kind)) pairs.push({ kind, from, to });
      const relation = (p: (typeof pairs)[number]): fc.Arbitrary<BundleRelation> =>
        fc.record({
          kind: fc.constant(p.kind),
          from: fc.constant(p.from.id),
          to: fc.constant(p.to.id),
          note: bilingual(trickyText(20)),
          source: word,
          origin: fc.constantFrom('seed' as const, 'user' as const),
        });
      const none = fc.constant<BundleRelation[]>([]);
      const relations =
        pairs.length === 0
          ? none
          : fc
              .uniqueArray(fc.constantFrom(...pairs), { maxLength: 10, selector: (p) => `${p.from.id} ${p.kind} ${p.to.id}` })
              .chain((chosen) => (chosen.length === 0 ? none : fc.tuple(...chosen.map(relation)).map((rs) => [...rs])));
      return relations.map((rels) => ({ entities, relations: rels }));
    });
}

