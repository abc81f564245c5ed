import type Database from 'better-sqlite3';
import { AppError, type GenerateSource } from '../../../core/api.ts';
import { applyLayout } from '../../../core/graph/actions.ts';
import { parseCxl, printCxl } from '../../../core/graph/cxl.ts';
import { mapFromGraph, neighbourhoodOf, type GraphEntity, type GraphRelation } from '../../../core/graph/generate.ts';
import { computeLayout } from '../../../core/graph/layout/index.ts';
import { parseMermaid, printMermaid } from '../../../core/graph/mermaid.ts';
import { propositions, type MapDocument } from '../../../core/graph/model.ts';
import { renderMapSvg } from '../../../core/graph/svg.ts';
import type { EntityKind } from '../../../core/model/kinds.ts';
import { KINDS } from '../../../core/model/kinds.ts';
import { pick, type Language } from '../../../core/model/text.ts';
import { checkTextSize } from '../../../core/formats/limits.ts';
import { getEntity } from '../store/entities.ts';
import { getMap, insertMap, newMapId } from '../store/maps.ts';
import { stmt } from '../store/statements.ts';
import { fontGlyphs } from './glyphs.ts';
import { svgToPng } from './png.ts';

/** Lays out every node that has no position yet (imports without geometry, generated maps). */
export function withLayout(doc: MapDocument): MapDocument {
  const ids = [...doc.concepts.map((c) => c.id), ...doc.phrases.map((p) => p.id)];
  if (ids.every((id) => doc.layout[id])) return doc;
  const kind = doc.settings.layout === 'manual' ? 'layered' : doc.settings.layout;
  return applyLayout(doc, computeLayout(doc, { kind, direction: doc.settings.direction }));
}

function graph(db: Database.Database): { relations: GraphRelation[]; kindOf: (id: string) => EntityKind | undefined } {
  const relations = stmt(db, 'SELECT kind, from_id AS "from", to_id AS "to" FROM relations').all() as GraphRelation[];
  const kinds = new Map((stmt(db, 'SELECT id, kind FROM entities').all() as { id: string; kind: EntityKind }[]).map((r) => [r.id, r.kind]));
  return { relations, kindOf: (id) => kinds.get(id) };
}

function entitiesById(db: Database.Database, ids: Iterable<string>): GraphEntity[] {
  return [...ids].flatMap((id) => {
    const e = getEntity(db, id);
    return e ? [{ id: e.id, kind: e.kind, title: e.title }] : [];
  });
}

/** Builds, lays out and saves a map of part of the knowledge graph. */
export function generateMap(
  db: Database.Database,
  input: { source: GenerateSource; lang: Language; title?: string; groupByKind: boolean },
): { id: string; revision: number; concepts: number; propositions: number } {
  const { relations, kindOf } = graph(db);
  let ids: Set<string>;
  let kept: GraphRelation[];
  let title: string;
  if (input.source.from === 'entity') {
    const root = getEntity(db, input.source.entity);
    if (!root) throw new AppError('not_found', `No entity with id "${input.source.entity}".`, { id: input.source.entity });
    ({ ids, relations: kept } = neighbourhoodOf(root.id, input.source.depth, relations, kindOf, input.source));
    title = pick(root.title, input.lang);
  } else {
    const { kind, relationKinds } = input.source;
    ids = new Set(stmt(db, 'SELECT id FROM entities WHERE kind = ?').pluck().all(kind) as string[]);
    for (const r of relations)
      if (relationKinds.includes(r.kind) && (ids.has(r.from) || ids.has(r.to))) {
        ids.add(r.from);
        ids.add(r.to);
      }
    kept = relations.filter((r) => ids.has(r.from) && ids.has(r.to) && (relationKinds.includes(r.kind) || (kindOf(r.from) === kind && kindOf(r.to) === kind)));
    title = pick(KINDS[kind].plural, input.lang);
  }
  if (ids.size > 5000) throw new AppError('too_large', `That selection has ${ids.size} entries; a generated map holds at most 5,000. Narrow it by kind or relation.`);
  const doc = withLayout(
    mapFromGraph({ title: input.title || title, entities: entitiesById(db, ids), relations: kept, lang: input.lang, groupByKind: input.groupByKind }),
  );
  const id = newMapId(db, doc.title);
  insertMap(db, id, doc, 'user');
  return { id, revision: 1, concepts: doc.concepts.length, propositions: propositions(doc).length };
}

export function importMap(db: Database.Database, input: { format: 'mermaid' | 'cxl'; content: string; fileName: string; title?: string }) {
  checkTextSize(input.content, input.fileName);
  const { map, dropped } = input.format === 'mermaid' ? parseMermaid(input.content) : parseCxl(input.content);
  const fallbackTitle = input.fileName.replace(/\.[^.]+$/, '') || 'Imported map';
  const doc = withLayout({ ...map, title: input.title || map.title || fallbackTitle });
  const id = db.transaction(() => {
    const newId = newMapId(db, doc.title);
    insertMap(db, newId, doc, 'user');
    return newId;
  })();
  return {
    id,
    title: doc.title,
    concepts: doc.concepts.map((c) => ({ id: c.id, label: c.label })),
    propositions: propositions(doc).map(({ from, phrase, to }) => ({ from, phrase, to })),
    groups: doc.groups.map((g) => ({ id: g.id, title: g.title, members: g.members })),
    dropped,
  };
}

export const FILE_SAFE = (title: string) => title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'map';

export async function exportMap(
  db: Database.Database,
  input: { id: string; format: 'mermaid' | 'cxl' | 'svg' | 'png' | 'json'; scale: number; theme: 'light' | 'dark' },
): Promise<{ content: string; encoding: 'utf8' | 'base64'; fileName: string; mime: string }> {
  const doc = withLayout(getMap(db, input.id).document);
  const name = FILE_SAFE(doc.title);
  switch (input.format) {
    case 'mermaid':
      return { content: printMermaid(doc), encoding: 'utf8', fileName: `${name}.mmd`, mime: 'text/vnd.mermaid' };
    case 'cxl':
      return { content: printCxl(doc), encoding: 'utf8', fileName: `${name}.cxl`, mime: 'application/xml' };
    case 'json':
      return { content: `${JSON.stringify(doc, null, 2)}\n`, encoding: 'utf8', fileName: `${name}.json`, mime: 'application/json' };
    case 'svg':
      return { content: renderMapSvg(doc, { glyphs: fontGlyphs, theme: input.theme, scale: input.scale }), encoding: 'utf8', fileName: `${name}.svg`, mime: 'image/svg+xml' };
    case 'png': {
      const png = await svgToPng(renderMapSvg(doc, { glyphs: fontGlyphs, theme: input.theme }), input.scale);
      return { content: png.toString('base64'), encoding: 'base64', fileName: `${name}.png`, mime: 'image/png' };
    }
  }
}
