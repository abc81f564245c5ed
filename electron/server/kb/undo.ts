import type Database from 'better-sqlite3';
import type { Entity, Relation } from '../../../core/model/entity.ts';
import { AppError } from '../../../core/api.ts';
import { nowIso, stmt } from '../store/statements.ts';

/**
 * Undo as data: every change the user makes stores the steps that reverse it, in the same
 * transaction. Undoing applies the newest entry's steps (itself recorded as a new revision,
 * so history shows both the change and its undoing).
 */
export type UndoStep =
  | { op: 'delete-entity'; id: string }
  | { op: 'put-entity'; entity: Entity; relations: Relation[] }
  | { op: 'delete-relation'; id: number }
  | { op: 'put-relation'; relation: Relation }
  | { op: 'seed-deleted'; item: string; deleted: boolean };

export interface UndoEntry {
  id: number;
  at: string;
  label: string;
  steps: UndoStep[];
}

/** How many changes can be undone; older ones are dropped. */
export const UNDO_DEPTH = 100;

export function recordUndo(db: Database.Database, label: string, steps: UndoStep[]): void {
  stmt(db, 'INSERT INTO undo_log (at, label, steps) VALUES (?, ?, ?)').run(nowIso(), label, JSON.stringify(steps));
  stmt(db, 'DELETE FROM undo_log WHERE id <= (SELECT max(id) FROM undo_log) - ?').run(UNDO_DEPTH);
}

export function lastUndo(db: Database.Database): UndoEntry | null {
  const row = stmt(db, 'SELECT id, at, label, steps FROM undo_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; at: string; label: string; steps: string }
    | undefined;
  return row ? { ...row, steps: JSON.parse(row.steps) as UndoStep[] } : null;
}

export function popUndo(db: Database.Database): UndoEntry {
  const entry = lastUndo(db);
  if (!entry) throw new AppError('not_found', 'There is nothing to undo.');
  stmt(db, 'DELETE FROM undo_log WHERE id = ?').run(entry.id);
  return entry;
}

/** Imports replace too much to undo step by step; they clear the log instead (and can be cancelled). */
export function clearUndo(db: Database.Database): void {
  stmt(db, 'DELETE FROM undo_log').run();
}
