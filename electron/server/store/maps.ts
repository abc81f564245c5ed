import type Database from 'better-sqlite3';
import { AppError, type MapSummary } from '../../../core/api.ts';
import { boundedLayout, MapDocument, propositions, type MapDocument as MapDoc } from '../../../core/graph/model.ts';
import { nowIso, stmt, uniqueSlug } from './statements.ts';

/** Maps as stored: meaning, layout and settings in their own columns (0003_maps.sql). */
interface MapRow {
  id: string;
  title: string;
  meaning: string;
  layout: string;
  settings: string;
  origin: 'seed' | 'user';
  revision: number;
  created_at: string;
  updated_at: string;
}

function toDocument(row: MapRow): MapDoc {
  const meaning = JSON.parse(row.meaning) as Pick<MapDoc, 'concepts' | 'phrases' | 'groups'>;
  return MapDocument.parse({ title: row.title, ...meaning, layout: JSON.parse(row.layout), settings: JSON.parse(row.settings) });
}

const meaningOf = (doc: MapDoc) => JSON.stringify({ concepts: doc.concepts, phrases: doc.phrases, groups: doc.groups });

export const newMapId = (db: Database.Database, title: string): string => uniqueSlug(db, 'maps', title, 'map');

export function insertMap(db: Database.Database, id: string, doc: MapDoc, origin: 'seed' | 'user'): void {
  const at = nowIso();
  stmt(
    db,
    `INSERT INTO maps (id, title, meaning, layout, settings, origin, revision, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(id, doc.title, meaningOf(doc), JSON.stringify(boundedLayout(doc.layout)), JSON.stringify(doc.settings), origin, at, at);
}

/** The map, or undefined when there is none with this id. */
export function findMap(db: Database.Database, id: string): ReturnType<typeof getMap> | undefined {
  return stmt(db, 'SELECT 1 FROM maps WHERE id = ?').get(id) ? getMap(db, id) : undefined;
}

export function getMap(db: Database.Database, id: string): { id: string; revision: number; origin: 'seed' | 'user'; updatedAt: string; document: MapDoc } {
  const row = stmt(db, 'SELECT * FROM maps WHERE id = ?').get(id) as MapRow | undefined;
  if (!row) throw new AppError('not_found', `There is no map "${id}".`, { id });
  return { id: row.id, revision: row.revision, origin: row.origin, updatedAt: row.updated_at, document: toDocument(row) };
}

/**
 * Saves a document over a map. Only the columns that changed are written, so moving nodes
 * rewrites the layout alone. A stale revision is a conflict, never a silent overwrite.
 */
export function saveMap(db: Database.Database, id: string, revision: number, doc: MapDoc): number {
  return db.transaction(() => {
    const row = stmt(db, 'SELECT * FROM maps WHERE id = ?').get(id) as MapRow | undefined;
    if (!row) throw new AppError('not_found', `There is no map "${id}".`, { id });
    if (row.revision !== revision)
      throw new AppError('conflict', `The map “${row.title}” was changed elsewhere (revision ${row.revision}); reload it to continue.`, {
        id,
        current: row.revision,
      });
    const meaning = meaningOf(doc);
    const layout = JSON.stringify(boundedLayout(doc.layout));
    const settings = JSON.stringify(doc.settings);
    const changedMeaning = meaning !== row.meaning || doc.title !== row.title;
    if (!changedMeaning && layout === row.layout && settings === row.settings) return row.revision;
    if (changedMeaning)
      stmt(db, 'UPDATE maps SET title = ?, meaning = ?, origin = ? WHERE id = ?').run(doc.title, meaning, 'user', id);
    if (layout !== row.layout || settings !== row.settings) stmt(db, 'UPDATE maps SET layout = ?, settings = ? WHERE id = ?').run(layout, settings, id);
    stmt(db, 'UPDATE maps SET revision = revision + 1, updated_at = ? WHERE id = ?').run(nowIso(), id);
    return row.revision + 1;
  })();
}

export function deleteMap(db: Database.Database, id: string): void {
  if (stmt(db, 'DELETE FROM maps WHERE id = ?').run(id).changes === 0) throw new AppError('not_found', `There is no map "${id}".`, { id });
}

export function listMaps(db: Database.Database): MapSummary[] {
  const rows = stmt(db, 'SELECT id, title, meaning, origin, updated_at FROM maps ORDER BY updated_at DESC, id').all() as Pick<
    MapRow,
    'id' | 'title' | 'meaning' | 'origin' | 'updated_at'
  >[];
  return rows.map((r) => {
    const meaning = JSON.parse(r.meaning) as Pick<MapDoc, 'concepts' | 'phrases'>;
    return { id: r.id, title: r.title, concepts: meaning.concepts.length, propositions: propositions(meaning).length, origin: r.origin, updatedAt: r.updated_at };
  });
}
