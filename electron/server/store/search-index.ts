import type Database from 'better-sqlite3';
import { KINDS } from '../../../core/model/kinds.ts';
import type { Entity } from '../../../core/model/entity.ts';
import { toIndexText } from '../../../core/search/cjk.ts';
import { getEntity } from './entities.ts';
import { stmt } from './statements.ts';

/**
 * Keeps the full-text index (entity_fts, see 0002_search_and_history.sql) in step with the
 * entities. Three columns, weighted in queries: the title, the rest of the entity's own text,
 * and the titles of what it points to (so a case is found by the name of the model it uses).
 */

/** Bump when what goes into the index changes; open rebuilds the index when it differs. */
export const SEARCH_INDEX_VERSION = '1';

function ownText(entity: Entity): string {
  const def = KINDS[entity.kind];
  const parts: string[] = [entity.summary.zh, entity.summary.en, entity.source, ...entity.tags];
  for (const text of Object.values(entity.texts)) parts.push(text.zh, text.en);
  for (const items of Object.values(entity.lists)) for (const item of items) parts.push(item.zh, item.en);
  // Attribute values are searched by their labels: 失败 / failure find the failed cases.
  for (const [key, value] of Object.entries(entity.attrs)) {
    const label = def.attributes.find((a) => a.key === key)?.options.find((o) => o.value === value)?.label;
    if (label) parts.push(label.zh, label.en);
  }
  return parts.join('\n');
}

function relatedText(db: Database.Database, id: string): string {
  const rows = stmt(
    db,
    'SELECT e.title_zh, e.title_en FROM relations r JOIN entities e ON e.id = r.to_id WHERE r.from_id = ?',
  ).all(id) as { title_zh: string; title_en: string }[];
  return rows.map((r) => `${r.title_zh}\n${r.title_en}`).join('\n');
}

function docFor(db: Database.Database, id: string): number {
  const existing = stmt(db, 'SELECT doc FROM search_docs WHERE entity_id = ?').pluck().get(id) as number | undefined;
  if (existing !== undefined) return existing;
  return Number(stmt(db, 'INSERT INTO search_docs (entity_id) VALUES (?)').run(id).lastInsertRowid);
}

/** Writes one entity's index row from the entity in hand (imports pass what they just wrote). */
export function indexEntity(db: Database.Database, entity: Entity): void {
  const existing = stmt(db, 'SELECT doc FROM search_docs WHERE entity_id = ?').pluck().get(entity.id) as number | undefined;
  if (existing !== undefined) stmt(db, 'DELETE FROM entity_fts WHERE rowid = ?').run(existing);
  stmt(db, 'INSERT INTO entity_fts (rowid, title, body, related) VALUES (?, ?, ?, ?)').run(
    existing ?? docFor(db, entity.id),
    toIndexText(`${entity.title.zh}\n${entity.title.en}`),
    toIndexText(ownText(entity)),
    toIndexText(relatedText(db, entity.id)),
  );
}

/**
 * The bulk-import path: indexes entities that have never been indexed, with the related titles
 * given by the caller; two inserts and no lookups per entity, the statements looked up once.
 */
export function newEntityIndexer(db: Database.Database): (entity: Entity, related: string) => void {
  const insertDoc = stmt(db, 'INSERT INTO search_docs (entity_id) VALUES (?)');
  const insertText = stmt(db, 'INSERT INTO entity_fts (rowid, title, body, related) VALUES (?, ?, ?, ?)');
  return (entity, related) => {
    const doc = Number(insertDoc.run(entity.id).lastInsertRowid);
    insertText.run(doc, toIndexText(`${entity.title.zh}\n${entity.title.en}`), toIndexText(ownText(entity)), toIndexText(related));
  };
}

/** Removes an entity from the index; call before deleting its row (the cascade drops its doc handle). */
export function unindexEntity(db: Database.Database, id: string): void {
  const doc = stmt(db, 'SELECT doc FROM search_docs WHERE entity_id = ?').pluck().get(id) as number | undefined;
  if (doc === undefined) return;
  stmt(db, 'DELETE FROM entity_fts WHERE rowid = ?').run(doc);
  stmt(db, 'DELETE FROM search_docs WHERE doc = ?').run(doc);
}

/** (Re)indexes entities by id; ids that no longer exist are removed from the index. */
export function reindexEntities(db: Database.Database, ids: Iterable<string>): void {
  for (const id of new Set(ids)) {
    const entity = getEntity(db, id);
    if (entity) {
      indexEntity(db, entity);
      continue;
    }
    const existing = stmt(db, 'SELECT doc FROM search_docs WHERE entity_id = ?').pluck().get(id) as number | undefined;
    if (existing === undefined) continue;
    stmt(db, 'DELETE FROM entity_fts WHERE rowid = ?').run(existing);
    stmt(db, 'DELETE FROM search_docs WHERE doc = ?').run(existing);
  }
}

/** The entities whose `related` column shows this entity's title: those pointing at it. */
export function entitiesPointingAt(db: Database.Database, id: string): string[] {
  return stmt(db, 'SELECT DISTINCT from_id FROM relations WHERE to_id = ?').pluck().all(id) as string[];
}

export function rebuildSearchIndex(db: Database.Database): void {
  db.transaction(() => {
    stmt(db, "INSERT INTO entity_fts (entity_fts) VALUES ('delete-all')").run();
    stmt(db, 'DELETE FROM search_docs').run();
    reindexEntities(db, stmt(db, 'SELECT id FROM entities').pluck().all() as string[]);
    stmt(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index_version', ?)").run(SEARCH_INDEX_VERSION);
  })();
}

/** After a migration or an app update that changed the index format, rebuild it once. */
export function ensureSearchIndex(db: Database.Database): boolean {
  const version = stmt(db, "SELECT value FROM meta WHERE key = 'search_index_version'").pluck().get();
  if (version === SEARCH_INDEX_VERSION) return false;
  rebuildSearchIndex(db);
  return true;
}
