import type Database from 'better-sqlite3';
import { AppError, type DecisionSummary } from '../../../core/api.ts';
import { parseDraft } from '../../../core/decision/index.ts';
import type { DecisionProblemInput } from '../../../core/decision/schema.ts';
import { nowIso, stmt, uniqueSlug } from './statements.ts';

interface DecisionRow {
  id: string;
  title: string;
  problem: string;
  origin: 'seed' | 'user';
  revision: number;
  updated_at: string;
}

/**
 * Checks a problem's shape before it is stored (parseDraft): a decision being filled in may not
 * evaluate yet, but it is always a well-formed problem that the editor and the CLI can read.
 */
function checked(problem: unknown): { title: string; json: string } {
  const parsed = parseDraft(problem);
  return { title: parsed.title ?? 'Untitled decision', json: JSON.stringify(problem) };
}

export const newDecisionId = (db: Database.Database, title: string): string => uniqueSlug(db, 'decisions', title, 'decision');

export function insertDecision(db: Database.Database, id: string, problem: DecisionProblemInput | Record<string, unknown>, origin: 'seed' | 'user'): void {
  const { title, json } = checked(problem);
  const at = nowIso();
  stmt(db, 'INSERT INTO decisions (id, title, problem, origin, revision, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)').run(id, title, json, origin, at, at);
}

/** The decision, or undefined when there is none with this id. */
export function findDecision(db: Database.Database, id: string): ReturnType<typeof getDecision> | undefined {
  return stmt(db, 'SELECT 1 FROM decisions WHERE id = ?').get(id) ? getDecision(db, id) : undefined;
}

export function getDecision(db: Database.Database, id: string) {
  const row = stmt(db, 'SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
  if (!row) throw new AppError('not_found', `There is no decision "${id}".`, { id });
  return { id: row.id, revision: row.revision, origin: row.origin, updatedAt: row.updated_at, problem: JSON.parse(row.problem) as Record<string, unknown> };
}

export function saveDecision(db: Database.Database, id: string, revision: number, problem: Record<string, unknown>): number {
  const { title, json } = checked(problem);
  return db.transaction(() => {
    const row = stmt(db, 'SELECT revision, problem FROM decisions WHERE id = ?').get(id) as Pick<DecisionRow, 'revision' | 'problem'> | undefined;
    if (!row) throw new AppError('not_found', `There is no decision "${id}".`, { id });
    if (row.revision !== revision)
      throw new AppError('conflict', `This decision was changed elsewhere (revision ${row.revision}); reload it to continue.`, { id, current: row.revision });
    if (row.problem === json) return row.revision;
    stmt(db, "UPDATE decisions SET title = ?, problem = ?, origin = 'user', revision = revision + 1, updated_at = ? WHERE id = ?").run(title, json, nowIso(), id);
    return row.revision + 1;
  })();
}

export function deleteDecision(db: Database.Database, id: string): void {
  if (stmt(db, 'DELETE FROM decisions WHERE id = ?').run(id).changes === 0) throw new AppError('not_found', `There is no decision "${id}".`, { id });
}

export function listDecisions(db: Database.Database): DecisionSummary[] {
  const rows = stmt(db, 'SELECT id, title, problem, origin, updated_at FROM decisions ORDER BY updated_at DESC, id').all() as DecisionRow[];
  return rows.map((r) => {
    const p = JSON.parse(r.problem) as { alternatives?: unknown[]; criteria?: unknown[]; method?: string };
    return { id: r.id, title: r.title, alternatives: p.alternatives?.length ?? 0, criteria: p.criteria?.length ?? 0, method: p.method ?? '', origin: r.origin, updatedAt: r.updated_at };
  });
}
