import type Database from 'better-sqlite3';
import { AppError, describeProblems, problemsFromZod } from '../../../core/api.ts';
import type { MapDocument } from '../../../core/graph/model.ts';
import { PresentationDocument } from '../../../core/present/model.ts';
import { SessionState } from '../../../core/present/session.ts';
import { nowIso, stmt, uniqueSlug } from './statements.ts';

/** Presentations and their sessions as stored (0005_presentations.sql). */

interface PresentationRow {
  id: string;
  map_id: string;
  title: string;
  document: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface StoredPresentation {
  id: string;
  mapId: string;
  revision: number;
  updatedAt: string;
  document: PresentationDocument;
}

/**
 * The few most recently read values of one connection, by key; the oldest goes first. Presenting
 * reads the same presentation (and session baseline) on every key press in every window, and a
 * generated walkthrough of a large map is megabytes of JSON that took ~100 ms to parse each time.
 */
class Recent<V> {
  private readonly byDb = new WeakMap<Database.Database, Map<string, V>>();
  constructor(private readonly size: number) {}

  get(db: Database.Database, key: string): V | undefined {
    const map = this.byDb.get(db);
    const value = map?.get(key);
    if (map && value !== undefined) {
      map.delete(key);
      map.set(key, value);
    }
    return value;
  }

  set(db: Database.Database, key: string, value: V): void {
    let map = this.byDb.get(db);
    if (!map) this.byDb.set(db, (map = new Map()));
    map.set(key, value);
    for (const oldest of map.keys()) {
      if (map.size <= this.size) break;
      map.delete(oldest);
    }
  }
}

/**
 * Parsed documents by id, revision and time of the last write: every save bumps the revision, and
 * the time tells apart a presentation deleted and made again under the same id. Filled only
 * outside transactions, so a save that is rolled back never leaves its document here.
 */
const parsedDocuments = new Recent<PresentationDocument>(8);

function documentOf(db: Database.Database, row: Pick<PresentationRow, 'id' | 'revision' | 'updated_at'>, text?: string): PresentationDocument {
  const key = `${row.id}\u0000${row.revision}\u0000${row.updated_at}`;
  const cached = parsedDocuments.get(db, key);
  if (cached) return cached;
  const json = text ?? (stmt(db, 'SELECT document FROM presentations WHERE id = ?').get(row.id) as Pick<PresentationRow, 'document'>).document;
  const document = PresentationDocument.parse(JSON.parse(json));
  if (!db.inTransaction) parsedDocuments.set(db, key, document);
  return document;
}

/** Stored presentations are shared between callers (see `parsedDocuments`): never change one in place. */
const toPresentation = (db: Database.Database, row: Omit<PresentationRow, 'document'> & { document?: string }): StoredPresentation => ({
  id: row.id,
  mapId: row.map_id,
  revision: row.revision,
  updatedAt: row.updated_at,
  document: documentOf(db, row, row.document),
});

/**
 * Every document is checked before it is written, so what is stored can always be read back: a
 * document that breaks a limit (a step listing more than MAX_STEP_IDS ids, more than 500 steps)
 * is refused with what to do about it, instead of failing every later read of the map's list.
 */
function checked(doc: PresentationDocument): PresentationDocument {
  const result = PresentationDocument.safeParse(doc);
  if (result.success) return result.data;
  const problems = problemsFromZod(result.error, ['document']);
  if (result.error.issues.some((issue) => issue.code === 'too_big'))
    throw new AppError(
      'too_large',
      `This presentation is too large to save (${describeProblems(problems, 1)}). Let each step reveal fewer concepts, or reveal everything (which lists nothing) in a step that shows the whole map.`,
      { problems },
    );
  throw new AppError('invalid_args', `This presentation cannot be saved: ${describeProblems(problems, 3)}.`, { problems });
}

/** Inserts a presentation; `wantedId` is kept when free (bundles carry their ids), else one is made from the title. */
export function insertPresentation(db: Database.Database, mapId: string, doc: PresentationDocument, wantedId?: string): string {
  doc = checked(doc);
  if (!stmt(db, 'SELECT 1 FROM maps WHERE id = ?').get(mapId)) throw new AppError('not_found', `There is no map "${mapId}".`, { mapId });
  const free = wantedId && /^[a-z0-9][a-z0-9-]{0,120}$/.test(wantedId) && !stmt(db, 'SELECT 1 FROM presentations WHERE id = ?').get(wantedId);
  const id = free ? wantedId : uniqueSlug(db, 'presentations', doc.title, 'presentation');
  const at = nowIso();
  stmt(db, 'INSERT INTO presentations (id, map_id, title, document, revision, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)').run(
    id,
    mapId,
    doc.title,
    JSON.stringify(doc),
    at,
    at,
  );
  return id;
}

export function getPresentation(db: Database.Database, id: string): StoredPresentation {
  // The document is read (and parsed) only when this revision is not parsed already.
  const row = stmt(db, 'SELECT id, map_id, title, revision, created_at, updated_at FROM presentations WHERE id = ?').get(id) as Omit<PresentationRow, 'document'> | undefined;
  if (!row) throw new AppError('not_found', `There is no presentation "${id}".`, { id });
  return toPresentation(db, row);
}

export function presentationsOfMap(db: Database.Database, mapId: string): StoredPresentation[] {
  return (stmt(db, 'SELECT * FROM presentations WHERE map_id = ? ORDER BY updated_at DESC, id').all(mapId) as PresentationRow[]).map((row) => toPresentation(db, row));
}

export function listPresentations(db: Database.Database, mapId?: string) {
  const rows = (
    mapId === undefined
      ? stmt(db, 'SELECT * FROM presentations ORDER BY updated_at DESC, id').all()
      : stmt(db, 'SELECT * FROM presentations WHERE map_id = ? ORDER BY updated_at DESC, id').all(mapId)
  ) as PresentationRow[];
  const sessions = stmt(db, 'SELECT count(*) AS n FROM sessions WHERE presentation_id = ?');
  return rows.map((row) => {
    const doc = documentOf(db, row, row.document);
    return {
      id: row.id,
      mapId: row.map_id,
      title: row.title,
      steps: doc.steps.length,
      detours: doc.steps.reduce((n, s) => n + s.detours.length, 0),
      sessions: (sessions.get(row.id) as { n: number }).n,
      updatedAt: row.updated_at,
    };
  });
}

/** Saves over a presentation; a stale revision is a conflict. Unchanged documents keep their revision. */
export function savePresentation(db: Database.Database, id: string, revision: number | 'current', doc: PresentationDocument): number {
  return db.transaction(() => {
    const row = stmt(db, 'SELECT revision, document FROM presentations WHERE id = ?').get(id) as Pick<PresentationRow, 'revision' | 'document'> | undefined;
    if (!row) throw new AppError('not_found', `There is no presentation "${id}".`, { id });
    if (revision !== 'current' && row.revision !== revision)
      throw new AppError('conflict', `This presentation was changed elsewhere (revision ${row.revision}); reload it to continue.`, { id, current: row.revision });
    const json = JSON.stringify(checked(doc));
    if (json === row.document) return row.revision;
    stmt(db, 'UPDATE presentations SET title = ?, document = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(doc.title, json, nowIso(), id);
    return row.revision + 1;
  })();
}

export function deletePresentation(db: Database.Database, id: string): void {
  if (stmt(db, 'DELETE FROM presentations WHERE id = ?').run(id).changes === 0) throw new AppError('not_found', `There is no presentation "${id}".`, { id });
}

interface SessionRow {
  id: string;
  presentation_id: string;
  baseline: string;
  state: string;
  revision: number;
  started_at: string;
  ended_at: string | null;
}

export interface StoredSession {
  id: string;
  presentationId: string;
  revision: number;
  startedAt: string;
  endedAt: string | null;
  state: SessionState;
}

const toSession = (row: SessionRow): StoredSession => ({
  id: row.id,
  presentationId: row.presentation_id,
  revision: row.revision,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  state: SessionState.parse(JSON.parse(row.state)),
});

export function insertSession(db: Database.Database, presentationId: string, baseline: MapDocument, state: SessionState): string {
  const startedAt = nowIso();
  // Sortable and readable: the start time, plus a counter for sessions started the same second.
  const stamp = startedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  let id = `${presentationId}-${stamp}`.slice(0, 120);
  for (let n = 2; stmt(db, 'SELECT 1 FROM sessions WHERE id = ?').get(id); n++) id = `${presentationId}-${stamp}-${n}`.slice(0, 120);
  stmt(db, 'INSERT INTO sessions (id, presentation_id, baseline, state, revision, started_at) VALUES (?, ?, ?, ?, 1, ?)').run(
    id,
    presentationId,
    JSON.stringify(baseline),
    JSON.stringify(state),
    startedAt,
  );
  return id;
}

export function getSession(db: Database.Database, id: string): StoredSession {
  const row = stmt(db, 'SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!row) throw new AppError('not_found', `There is no session "${id}".`, { id });
  return toSession(row);
}

/** The concepts and phrases a session began with, by session id and start: a baseline never changes. */
const baselineIds = new Recent<readonly string[]>(8);

/** The ids of the concepts and phrases on the map when the session began (new ones were added live). */
export function sessionBaselineIds(db: Database.Database, session: Pick<StoredSession, 'id' | 'startedAt'>): readonly string[] {
  const key = `${session.id}\u0000${session.startedAt}`;
  const cached = baselineIds.get(db, key);
  if (cached) return cached;
  const baseline = sessionBaseline(db, session.id);
  const ids = [...baseline.concepts.map((c) => c.id), ...baseline.phrases.map((p) => p.id)];
  if (!db.inTransaction) baselineIds.set(db, key, ids);
  return ids;
}

export function sessionBaseline(db: Database.Database, id: string): MapDocument {
  const row = stmt(db, 'SELECT baseline FROM sessions WHERE id = ?').get(id) as Pick<SessionRow, 'baseline'> | undefined;
  if (!row) throw new AppError('not_found', `There is no session "${id}".`, { id });
  return JSON.parse(row.baseline) as MapDocument;
}

export function listSessions(db: Database.Database, presentationId: string) {
  return (stmt(db, 'SELECT * FROM sessions WHERE presentation_id = ? ORDER BY started_at DESC').all(presentationId) as SessionRow[]).map((row) => {
    const s = toSession(row);
    return {
      id: s.id,
      presentationId: s.presentationId,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      participants: s.state.participants.length,
      votes: Object.values(s.state.votes).reduce((n, by) => n + Object.values(by).reduce((a, b) => a + b, 0), 0),
      parked: s.state.parked.length,
    };
  });
}

/** Applies a change to a session's state in one transaction; ended sessions are read-only. */
export function updateSession(db: Database.Database, id: string, change: (state: SessionState) => SessionState): StoredSession {
  return db.transaction(() => {
    const current = getSession(db, id);
    if (current.endedAt) throw new AppError('conflict', 'This session has ended; start a new one to present again.', { id });
    const state = SessionState.parse(change(current.state));
    if (JSON.stringify(state) === JSON.stringify(current.state)) return current;
    stmt(db, 'UPDATE sessions SET state = ?, revision = revision + 1 WHERE id = ?').run(JSON.stringify(state), id);
    return { ...current, state, revision: current.revision + 1 };
  })();
}

export function endSession(db: Database.Database, id: string): void {
  stmt(db, 'UPDATE sessions SET ended_at = coalesce(ended_at, ?) WHERE id = ?').run(nowIso(), id);
}
