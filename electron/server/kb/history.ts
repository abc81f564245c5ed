import type Database from 'better-sqlite3';
import type { Entity } from '../../../core/model/entity.ts';
import { nowIso, stmt } from '../store/statements.ts';

export type RevisionAction = 'create' | 'update' | 'delete' | 'restore' | 'import';

export interface RevisionRecord {
  revision: number;
  action: RevisionAction;
  at: string;
  entity: Entity;
}

/** The next free revision number, counting revisions kept after a deletion too. */
export function nextRevision(db: Database.Database, id: string, current = 0): number {
  const max = stmt(db, 'SELECT max(revision) FROM revisions WHERE entity_id = ?').pluck().get(id) as number | null;
  return Math.max(max ?? 0, current) + 1;
}

export function recordRevision(db: Database.Database, entity: Entity, action: RevisionAction, at = nowIso()): void {
  stmt(db, 'INSERT OR REPLACE INTO revisions (entity_id, revision, action, content, at) VALUES (?, ?, ?, ?, ?)').run(
    entity.id,
    entity.revision,
    action,
    JSON.stringify(entity),
    at,
  );
}

/**
 * Entities from the default knowledge base (or written before history existed) have no stored
 * revision; store their current state before the first change, so it can be restored.
 */
export function ensureBaseRevision(db: Database.Database, entity: Entity): void {
  const has = stmt(db, 'SELECT 1 FROM revisions WHERE entity_id = ? AND revision = ?').get(entity.id, entity.revision);
  if (!has) recordRevision(db, entity, entity.origin === 'seed' ? 'import' : 'create', entity.updatedAt);
}

export function listRevisions(db: Database.Database, id: string): RevisionRecord[] {
  const rows = stmt(db, 'SELECT revision, action, at, content FROM revisions WHERE entity_id = ? ORDER BY revision DESC').all(id) as {
    revision: number;
    action: RevisionAction;
    at: string;
    content: string;
  }[];
  return rows.map((r) => ({ revision: r.revision, action: r.action, at: r.at, entity: JSON.parse(r.content) as Entity }));
}

export function getRevision(db: Database.Database, id: string, revision: number): RevisionRecord | undefined {
  return listRevisions(db, id).find((r) => r.revision === revision);
}
