import type Database from 'better-sqlite3';
import type { KbFilters, KbHit, KbFacets } from '../../../core/api/kb.ts';
import { KINDS, type EntityKind } from '../../../core/model/kinds.ts';
import { pick, type Bilingual, type Language } from '../../../core/model/text.ts';
import { parseQuery, toFtsQuery, type QueryTerm } from '../../../core/search/cjk.ts';
import { findMatches, makeSnippet } from '../../../core/search/snippet.ts';
import { sectionAncestors } from '../../../core/model/source.ts';
import { getEntity } from '../store/entities.ts';
import { stmt } from '../store/statements.ts';

/**
 * Listing, searching and faceting the knowledge base. Filters combine with AND across facets
 * and OR within one; facet counts are computed with every filter but the facet's own, so a user
 * sees how many entries each further choice would give.
 */

type FacetName = keyof KbFacets;
type Params = Record<string, string | number>;

/** Column weights for bm25: title, own text, titles of related entries. */
const BM25 = 'bm25(entity_fts, 10.0, 2.0, 1.0)';
const SECTION_DEPTH = 2;

function inList(prefix: string, values: readonly string[], params: Params): string {
  return values
    .map((v, i) => {
      params[`${prefix}${i}`] = v;
      return `@${prefix}${i}`;
    })
    .join(', ');
}

function whereClauses(filters: KbFilters, params: Params, except?: FacetName): string[] {
  const where: string[] = [];
  if (filters.kinds?.length && except !== 'kinds') where.push(`e.kind IN (${inList('k', filters.kinds, params)})`);
  if (filters.outcomes?.length && except !== 'outcomes')
    where.push(`json_extract(e.attrs, '$.outcome') IN (${inList('o', filters.outcomes, params)})`);
  if (filters.models?.length && except !== 'models')
    where.push(
      `EXISTS (SELECT 1 FROM relations r WHERE r.from_id = e.id AND r.kind = 'uses-model' AND r.to_id IN (${inList('m', filters.models, params)}))`,
    );
  if (filters.segments?.length && except !== 'segments')
    where.push(
      `EXISTS (SELECT 1 FROM relations r WHERE r.from_id = e.id AND r.kind = 'targets-segment' AND r.to_id IN (${inList('s', filters.segments, params)}))`,
    );
  if (filters.tags?.length && except !== 'tags')
    where.push(`EXISTS (SELECT 1 FROM entity_tags t WHERE t.entity_id = e.id AND t.tag IN (${inList('t', filters.tags, params)}))`);
  if (filters.sections?.length && except !== 'sections')
    where.push(
      `(${filters.sections
        .map((section, i) => {
          params[`sec${i}`] = section;
          params[`secl${i}`] = `${section}.%`;
          return `e.source = @sec${i} OR e.source LIKE @secl${i}`;
        })
        .join(' OR ')})`,
    );
  return where;
}

interface Plan {
  from: string;
  where: string[];
  params: Params;
}

/** The FROM and WHERE of a query: all entities, or the full-text matches. */
function plan(text: string | undefined, filters: KbFilters, except?: FacetName): Plan & { terms: QueryTerm[] } {
  const params: Params = {};
  const terms = text ? parseQuery(text) : [];
  const where = whereClauses(filters, params, except);
  if (terms.length === 0) return { from: 'entities e', where, params, terms };
  params.q = toFtsQuery(terms);
  return {
    from: 'entity_fts JOIN search_docs d ON d.doc = entity_fts.rowid JOIN entities e ON e.id = d.entity_id',
    where: ['entity_fts MATCH @q', ...where],
    params,
    terms,
  };
}

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

const SORTS = {
  relevance: { zh: '', en: '' },
  title: { zh: 'e.title_zh COLLATE NOCASE, e.id', en: 'e.title_en COLLATE NOCASE, e.id' },
  kind: { zh: 'e.kind, e.title_zh, e.id', en: 'e.kind, e.title_en COLLATE NOCASE, e.id' },
  source: { zh: 'e.source, e.id', en: 'e.source, e.id' },
  updated: { zh: 'e.updated_at DESC, e.id', en: 'e.updated_at DESC, e.id' },
} as const;

export interface QueryInput {
  text?: string;
  filters: KbFilters;
  sort: keyof typeof SORTS;
  lang: Language;
  offset: number;
  limit: number;
}

/** Snippet candidates in the reading language first: summary, texts, list items, then the other language. */
function snippetSources(entity: NonNullable<ReturnType<typeof getEntity>>, lang: Language): string[] {
  const inLang = (l: Language) => [
    entity.summary[l],
    ...Object.values(entity.texts).map((t) => t[l]),
    ...Object.values(entity.lists).flatMap((items) => items.map((i) => i[l])),
  ];
  return [...inLang(lang), ...inLang(lang === 'zh' ? 'en' : 'zh'), ...entity.tags];
}

/** Above this many matches, bm25 over every match costs more than a keystroke's budget. */
const FULL_RANK_LIMIT = 4000;

/**
 * A text query without filters, ranked by relevance, is answered from the full-text index alone:
 * count and rank there, and join only the page of hits to the entities. For very common terms
 * (thousands of matches) entries matching in their title are ranked by bm25 and come first; the
 * rest follow in index order, which keeps every keystroke fast on 100,000 entries.
 */
function rankedFromIndex(db: Database.Database, params: Params, limit: number, offset: number): { total: number; ids: string[] } {
  const total = stmt(db, 'SELECT count(*) FROM entity_fts WHERE entity_fts MATCH @q').pluck().get(params) as number;
  const page = (sql: string, p: Params) => stmt(db, sql).pluck().all(p) as number[];
  let docs: number[];
  if (total <= FULL_RANK_LIMIT) {
    docs = page(`SELECT rowid FROM entity_fts WHERE entity_fts MATCH @q ORDER BY ${BM25}, rowid LIMIT @limit OFFSET @offset`, { ...params, limit, offset });
  } else {
    const titleParams = { ...params, q: `title : (${String(params.q)})` };
    const inTitle = stmt(db, 'SELECT count(*) FROM entity_fts WHERE entity_fts MATCH @q').pluck().get(titleParams) as number;
    docs =
      offset < inTitle
        ? page(`SELECT rowid FROM entity_fts WHERE entity_fts MATCH @q ORDER BY ${BM25}, rowid LIMIT @limit OFFSET @offset`, { ...titleParams, limit, offset })
        : [];
    if (docs.length < limit)
      docs.push(
        ...page(
          `SELECT rowid FROM entity_fts WHERE entity_fts MATCH @q AND rowid NOT IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH @t)
           ORDER BY rowid LIMIT @limit OFFSET @offset`,
          { q: params.q as string, t: titleParams.q, limit: limit - docs.length, offset: Math.max(0, offset - inTitle) },
        ),
      );
  }
  const idOf = stmt(db, 'SELECT entity_id FROM search_docs WHERE doc = ?').pluck();
  return { total, ids: docs.map((doc) => idOf.get(doc) as string).filter(Boolean) };
}

export function queryEntities(db: Database.Database, input: QueryInput): { total: number; items: KbHit[] } {
  const { from, where, params, terms } = plan(input.text, input.filters);
  const byRelevance = input.sort === 'relevance' && terms.length > 0;
  let total: number;
  let ids: string[];
  if (byRelevance && where.length === 1) ({ total, ids } = rankedFromIndex(db, params, input.limit, input.offset));
  else {
    total = stmt(db, `SELECT count(*) FROM ${from} ${whereSql(where)}`).pluck().get(params) as number;
    const order = byRelevance ? `${BM25}, e.id` : SORTS[input.sort === 'relevance' ? 'title' : input.sort][input.lang];
    ids = stmt(db, `SELECT e.id FROM ${from} ${whereSql(where)} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: input.limit, offset: input.offset }) as string[];
  }
  const items = ids.flatMap((id): KbHit[] => {
    const entity = getEntity(db, id);
    if (!entity) return [];
    const hit: KbHit = {
      id: entity.id,
      kind: entity.kind,
      title: entity.title,
      summary: entity.summary,
      attrs: entity.attrs,
      tags: entity.tags,
      source: entity.source,
      updatedAt: entity.updatedAt,
    };
    if (terms.length === 0) return [hit];
    const title = pick(entity.title, input.lang);
    return [
      {
        ...hit,
        titleHighlights: findMatches(title, terms),
        snippet: makeSnippet(snippetSources(entity, input.lang), terms) ?? undefined,
      },
    ];
  });
  return { total, items };
}

function facetRows(db: Database.Database, sql: string, params: Params): { value: string; count: number }[] {
  return stmt(db, sql).all(params) as { value: string; count: number }[];
}

function titled(db: Database.Database, rows: { value: string; count: number }[]): { value: string; count: number; label: Bilingual }[] {
  return rows.map((r) => ({ ...r, label: getEntity(db, r.value)?.title ?? { zh: r.value, en: r.value } }));
}

/** Counts for every facet value under the current query and the other facets' filters. */
export function facetCounts(db: Database.Database, text: string | undefined, filters: KbFilters): KbFacets {
  const scoped = (except: FacetName) => plan(text, filters, except);
  const group = (except: FacetName, select: string, join = '', extraWhere: string[] = []) => {
    const p = scoped(except);
    return facetRows(
      db,
      `SELECT ${select} AS value, count(DISTINCT e.id) AS count FROM ${p.from} ${join} ${whereSql([...p.where, ...extraWhere])}
       GROUP BY value ORDER BY count DESC, value`,
      p.params,
    );
  };
  const kinds = group('kinds', 'e.kind').map((r) => ({ ...r, label: KINDS[r.value as EntityKind]?.plural ?? { zh: r.value, en: r.value } }));
  const outcomeLabels = KINDS.case.attributes.find((a) => a.key === 'outcome')?.options ?? [];
  const outcomes = group('outcomes', "json_extract(e.attrs, '$.outcome')", '', ["e.kind = 'case'"])
    .filter((r) => r.value !== null)
    .map((r) => ({ ...r, label: outcomeLabels.find((o) => o.value === r.value)?.label ?? { zh: r.value, en: r.value } }));
  const models = titled(db, group('models', 'r.to_id', "JOIN relations r ON r.from_id = e.id AND r.kind = 'uses-model'"));
  const segments = titled(db, group('segments', 'r.to_id', "JOIN relations r ON r.from_id = e.id AND r.kind = 'targets-segment'"));
  const tags = group('tags', 't.tag', 'JOIN entity_tags t ON t.entity_id = e.id')
    .slice(0, 60)
    .map((r) => ({ ...r, label: { zh: r.value, en: r.value } }));
  // Sources group into sections at two levels (§5.2.1 counts under §5.2); other sources under "".
  const bySource = group('sections', 'e.source');
  const sectionCounts = new Map<string, number>();
  for (const { value, count } of bySource) {
    const bucket = sectionAncestors(value)[SECTION_DEPTH - 1] ?? sectionAncestors(value)[0] ?? '';
    sectionCounts.set(bucket, (sectionCounts.get(bucket) ?? 0) + count);
  }
  const sectionTitles = new Map(
    (stmt(db, 'SELECT id, title_zh, title_en FROM sections').all() as { id: string; title_zh: string; title_en: string }[]).map((s) => [
      s.id,
      { zh: s.title_zh, en: s.title_en },
    ]),
  );
  const sections = [...sectionCounts]
    .map(([value, count]) => ({ value, count, label: sectionTitles.get(value) ?? { zh: value || '其他出处', en: value || 'Other sources' } }))
    .sort((a, b) => (a.value === '' ? 1 : b.value === '' ? -1 : a.value.localeCompare(b.value, 'en', { numeric: true })));
  return { kinds, outcomes, models, segments, tags, sections };
}
