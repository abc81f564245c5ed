import type Database from 'better-sqlite3';
import {
  ENTITY_KINDS,
  KINDS,
  type EntityKind,
} from '../../../core/model/kinds.ts';
import { canonicalContent, type Entity, type EntityContent, type EntitySummary, type Relation, type RelationContent } from '../../../core/model/entity.ts';
import type { Bilingual } from '../../../core/model/text.ts';
import type { RelationView } from '../../../core/api.ts';
import { AppError } from '../../../core/api.ts';
import { nowIso, stmt } from './statements.ts';

/** The row as stored: bilingual columns and JSON objects (see data/migrations/0001_init.sql). */
interface EntityRow {
  id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  summary_zh: string;
  summary_en: string;
  attrs: string;
  texts: string;
  lists: string;
  source: string;
  origin: 'seed' | 'user';
  revision: number;
  created_at: string;
  updated_at: string;
  tags: string | null;
}

interface RelationRow {
  id: number;
  kind: string;
  from_id: string;
  to_id: string;
  note_zh: string;
  note_en: string;
  source: string;
  origin: 'seed' | 'user';
}

const ENTITY_COLUMNS = `e.id, e.kind, e.title_zh, e.title_en, e.summary_zh, e.summary_en, e.attrs, e.texts, e.lists,
  e.source, e.origin, e.revision, e.created_at, e.updated_at,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM entity_tags WHERE entity_id = e.id ORDER BY tag)) AS tags`;

const text = (zh: string, en: string): Bilingual => ({ zh, en });

function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    kind: row.kind as EntityKind,
    title: text(row.title_zh, row.title_en),
    summary: text(row.summary_zh, row.summary_en),
    attrs: JSON.parse(row.attrs) as Record<string, string>,
    texts: JSON.parse(row.texts) as Record<string, Bilingual>,
    lists: JSON.parse(row.lists) as Record<string, Bilingual[]>,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    source: row.source,
    origin: row.origin,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSummary(row: EntityRow): EntitySummary {
  return {
    id: row.id,
    kind: row.kind as EntityKind,
    title: text(row.title_zh, row.title_en),
    summary: text(row.summary_zh, row.summary_en),
    attrs: JSON.parse(row.attrs) as Record<string, string>,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    source: row.source,
    updatedAt: row.updated_at,
  };
}

function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    kind: row.kind as Relation['kind'],
    from: row.from_id,
    to: row.to_id,
    note: text(row.note_zh, row.note_en),
    source: row.source,
    origin: row.origin,
  };
}

export function getEntity(db: Database.Database, id: string): Entity | undefined {
  const row = stmt(db, `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`).get(id) as EntityRow | undefined;
  return row && toEntity(row);
}

/** Every entry (of the given kinds, if any), in id order, read in one query. */
export function allEntities(db: Database.Database, kinds?: ReadonlySet<EntityKind>): Entity[] {
  const rows = stmt(db, `SELECT ${ENTITY_COLUMNS} FROM entities e ORDER BY e.id`).all() as EntityRow[];
  return (kinds ? rows.filter((row) => kinds.has(row.kind as EntityKind)) : rows).map(toEntity);
}

export function requireEntity(db: Database.Database, id: string): Entity {
  const entity = getEntity(db, id);
  if (!entity) throw new AppError('not_found', `No entity with id "${id}".`, { id });
  return entity;
}

function contentParams(input: EntityContent) {
  const content = canonicalContent(input);
  return {
    kind: content.kind,
    title_zh: content.title.zh,
    title_en: content.title.en,
    summary_zh: content.summary.zh,
    summary_en: content.summary.en,
    attrs: JSON.stringify(content.attrs),
    texts: JSON.stringify(content.texts),
    lists: JSON.stringify(content.lists),
    source: content.source,
  };
}

function writeTags(db: Database.Database, id: string, tags: readonly string[]): void {
  stmt(db, 'DELETE FROM entity_tags WHERE entity_id = ?').run(id);
  const insert = stmt(db, 'INSERT OR IGNORE INTO entity_tags (entity_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(id, tag);
}

export function insertEntity(
  db: Database.Database,
  id: string,
  content: EntityContent,
  origin: 'seed' | 'user',
  at = nowIso(),
): void {
  stmt(
    db,
    `INSERT INTO entities (id, kind, title_zh, title_en, summary_zh, summary_en, attrs, texts, lists, source, origin, revision, created_at, updated_at)
     VALUES (@id, @kind, @title_zh, @title_en, @summary_zh, @summary_en, @attrs, @texts, @lists, @source, @origin, 1, @at, @at)`,
  ).run({ id, ...contentParams(content), origin, at });
  writeTags(db, id, content.tags);
}

export function updateEntityContent(
  db: Database.Database,
  id: string,
  content: EntityContent,
  origin: 'seed' | 'user',
  at = nowIso(),
): void {
  const info = stmt(
    db,
    `UPDATE entities SET kind = @kind, title_zh = @title_zh, title_en = @title_en, summary_zh = @summary_zh,
       summary_en = @summary_en, attrs = @attrs, texts = @texts, lists = @lists, source = @source, origin = @origin,
       revision = revision + 1, updated_at = @at
     WHERE id = @id`,
  ).run({ id, ...contentParams(content), origin, at });
  if (info.changes === 0) throw new AppError('not_found', `No entity with id "${id}".`, { id });
  writeTags(db, id, content.tags);
}

export function entityStats(db: Database.Database): { entities: number; relations: number; byKind: Record<EntityKind, number> } {
  const byKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
  const rows = stmt(db, 'SELECT kind, count(*) AS n FROM entities GROUP BY kind').all() as { kind: string; n: number }[];
  let entities = 0;
  for (const { kind, n } of rows) {
    if (kind in KINDS) byKind[kind as EntityKind] = n;
    entities += n;
  }
  const { n: relations } = stmt(db, 'SELECT count(*) AS n FROM relations').get() as { n: number };
  return { entities, relations, byKind };
}

const SORT_SQL = {
  title: { zh: 'e.title_zh COLLATE NOCASE, e.id', en: 'e.title_en COLLATE NOCASE, e.id' },
  kind: { zh: 'e.kind, e.title_zh, e.id', en: 'e.kind, e.title_en COLLATE NOCASE, e.id' },
  source: { zh: 'e.source, e.id', en: 'e.source, e.id' },
  updated: { zh: 'e.updated_at DESC, e.id', en: 'e.updated_at DESC, e.id' },
} as const;

export function listEntities(
  db: Database.Database,
  options: { kind?: EntityKind; sort: keyof typeof SORT_SQL; lang: 'zh' | 'en'; offset: number; limit: number },
): { total: number; items: EntitySummary[] } {
  const where = options.kind ? 'WHERE e.kind = @kind' : '';
  const params = { kind: options.kind ?? null, limit: options.limit, offset: options.offset };
  const { n } = stmt(db, `SELECT count(*) AS n FROM entities e ${where}`).get(params) as { n: number };
  const rows = stmt(
    db,
    `SELECT ${ENTITY_COLUMNS} FROM entities e ${where} ORDER BY ${SORT_SQL[options.sort][options.lang]} LIMIT @limit OFFSET @offset`,
  ).all(params) as EntityRow[];
  return { total: n, items: rows.map(toSummary) };
}

function relationParams(relation: RelationContent, origin: 'seed' | 'user') {
  return {
    kind: relation.kind,
    from: relation.from,
    to: relation.to,
    note_zh: relation.note.zh,
    note_en: relation.note.en,
    source: relation.source,
    origin,
  };
}

export function insertRelation(db: Database.Database, relation: RelationContent, origin: 'seed' | 'user'): number {
  const info = stmt(
    db,
    `INSERT INTO relations (kind, from_id, to_id, note_zh, note_en, source, origin)
     VALUES (@kind, @from, @to, @note_zh, @note_en, @source, @origin)`,
  ).run(relationParams(relation, origin));
  return Number(info.lastInsertRowid);
}

/** Every relation, or those starting at entities of one kind, ordered for stable exports. */
export function listRelations(db: Database.Database, fromKind?: EntityKind): Relation[] {
  const rows = stmt(
    db,
    `SELECT r.* FROM relations r ${fromKind ? 'JOIN entities e ON e.id = r.from_id WHERE e.kind = @kind' : ''}
     ORDER BY r.from_id, r.kind, r.to_id`,
  ).all(fromKind ? { kind: fromKind } : {}) as RelationRow[];
  return rows.map(toRelation);
}

export function findRelation(db: Database.Database, from: string, kind: string, to: string): Relation | undefined {
  const row = stmt(db, 'SELECT * FROM relations WHERE from_id = ? AND kind = ? AND to_id = ?').get(from, kind, to) as
    | RelationRow
    | undefined;
  return row && toRelation(row);
}

export function updateRelation(db: Database.Database, id: number, relation: RelationContent, origin: 'seed' | 'user'): void {
  stmt(
    db,
    `UPDATE relations SET kind = @kind, from_id = @from, to_id = @to, note_zh = @note_zh, note_en = @note_en,
       source = @source, origin = @origin WHERE id = @id`,
  ).run({ id, ...relationParams(relation, origin) });
}

/** The relations touching an entity, in both directions, with the entity at the other end. */
export function relationsOf(db: Database.Database, id: string): RelationView[] {
  const rows = stmt(
    db,
    `SELECT r.*, 'outgoing' AS direction, o.id AS other_id, o.kind AS other_kind, o.title_zh AS other_zh, o.title_en AS other_en
       FROM relations r JOIN entities o ON o.id = r.to_id WHERE r.from_id = @id
     UNION ALL
     SELECT r.*, 'incoming' AS direction, o.id, o.kind, o.title_zh, o.title_en
       FROM relations r JOIN entities o ON o.id = r.from_id WHERE r.to_id = @id
     ORDER BY direction DESC, kind, other_en`,
  ).all({ id }) as (RelationRow & {
    direction: 'outgoing' | 'incoming';
    other_id: string;
    other_kind: string;
    other_zh: string;
    other_en: string;
  })[];
  return rows.map((row) => ({
    ...toRelation(row),
    direction: row.direction,
    other: { id: row.other_id, kind: row.other_kind as EntityKind, title: text(row.other_zh, row.other_en) },
  }));
}

/** Writes an entity exactly as given (revision, origin, timestamps): for undo, restore and import. */
export function putEntity(db: Database.Database, entity: Entity): void {
  stmt(
    db,
    `INSERT INTO entities (id, kind, title_zh, title_en, summary_zh, summary_en, attrs, texts, lists, source, origin, revision, created_at, updated_at)
     VALUES (@id, @kind, @title_zh, @title_en, @summary_zh, @summary_en, @attrs, @texts, @lists, @source, @origin, @revision, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title_zh = excluded.title_zh, title_en = excluded.title_en,
       summary_zh = excluded.summary_zh, summary_en = excluded.summary_en, attrs = excluded.attrs, texts = excluded.texts,
       lists = excluded.lists, source = excluded.source, origin = excluded.origin, revision = excluded.revision,
       created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run({
    id: entity.id,
    ...contentParams(entity),
    origin: entity.origin,
    revision: entity.revision,
    created_at: entity.createdAt,
    updated_at: entity.updatedAt,
  });
  writeTags(db, entity.id, entity.tags);
}

/**
 * The bulk-import path: inserts entities known to be new and already in canonical form, exactly as
 * given (positional parameters, no upsert, no tag cleanup, no re-canonicalising). The statements
 * are looked up once for the whole import rather than once per row.
 */
export function newEntityWriter(db: Database.Database): (entity: Entity) => void {
  const insert = stmt(
    db,
    `INSERT INTO entities (id, kind, title_zh, title_en, summary_zh, summary_en, attrs, texts, lists, source, origin, revision, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = stmt(db, 'INSERT OR IGNORE INTO entity_tags (entity_id, tag) VALUES (?, ?)');
  return (entity) => {
    insert.run(
      entity.id,
      entity.kind,
      entity.title.zh,
      entity.title.en,
      entity.summary.zh,
      entity.summary.en,
      JSON.stringify(entity.attrs),
      JSON.stringify(entity.texts),
      JSON.stringify(entity.lists),
      entity.source,
      entity.origin,
      entity.revision,
      entity.createdAt,
      entity.updatedAt,
    );
    for (const tag of entity.tags) insertTag.run(entity.id, tag);
  };
}

export function deleteEntityRow(db: Database.Database, id: string): boolean {
  return stmt(db, 'DELETE FROM entities WHERE id = ?').run(id).changes > 0;
}

export function getRelation(db: Database.Database, id: number): Relation | undefined {
  const row = stmt(db, 'SELECT * FROM relations WHERE id = ?').get(id) as RelationRow | undefined;
  return row && toRelation(row);
}

/** Every relation touching an entity, as stored (for undoing its deletion). */
export function relationRowsOf(db: Database.Database, id: string): Relation[] {
  const rows = stmt(db, 'SELECT * FROM relations WHERE from_id = @id OR to_id = @id ORDER BY id').all({ id }) as RelationRow[];
  return rows.map(toRelation);
}

/** Writes a relation with its original id (undo, restore). */
export function putRelation(db: Database.Database, relation: Relation): void {
  stmt(
    db,
    `INSERT OR REPLACE INTO relations (id, kind, from_id, to_id, note_zh, note_en, source, origin)
     VALUES (@id, @kind, @from, @to, @note_zh, @note_en, @source, @origin)`,
  ).run({ id: relation.id, ...relationParams(relation, relation.origin) });
}

export function deleteRelationRow(db: Database.Database, id: number): boolean {
  return stmt(db, 'DELETE FROM relations WHERE id = ?').run(id).changes > 0;
}

export function entityExists(db: Database.Database, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM entities WHERE id = ?').get(id) !== undefined;
}

export function kindOf(db: Database.Database, id: string): EntityKind | undefined {
  return stmt(db, 'SELECT kind FROM entities WHERE id = ?').pluck().get(id) as EntityKind | undefined;
}
