import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../core/api.ts';
import type { WorkspaceInfo } from '../../../core/api.ts';
import { APPLICATION_ID, readHeader } from './header.ts';
import { damaged, integrityProblems } from './integrity.ts';
import { acquireLock, type LockInfo } from './lock.ts';
import { loadMigrations, migrate, schemaVersion, type Migration } from './migrations.ts';
import { ensureSearchIndex } from './search-index.ts';
import { appliedSeedVersion, applySeed, NO_SEED, optOutOfSeed, readSeed, seedVersion, type SeedReport } from './seed.ts';

export interface OpenOptions {
  /** The folder holding `migrations/` and `seed/` (the project's `data/`). */
  dataDir: string;
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** Load the default knowledge base into a new or updated workspace (default true). */
  seed?: boolean;
  /** Called before pending migrations run on an existing workspace (the place for a backup). */
  onBeforeMigrate?: (db: Database.Database, from: number, to: number) => void;
  /**
   * Who is opening (`electron`, `harness`, `cli`): takes the workspace's lock file. When another
   * live program holds it, the workspace opens read-only instead. Without it, no lock is taken.
   */
  holder?: string;
}

export interface Workspace {
  readonly db: Database.Database;
  readonly path: string;
  readonly seedReport: SeedReport | null;
  /** The program holding the file when this one could only open it for reading. */
  readonly heldBy: LockInfo | null;
  info(): WorkspaceInfo;
  close(): void;
}

/**
 * Connection settings. WAL lets readers (the UI) run while a long import writes. `synchronous =
 * FULL` makes every committed transaction durable across a power cut on a laptop, at the cost
 * of one extra fsync per commit, which our write volumes never notice.
 */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function refuseNewer(file: string, version: number, latest: number): never {
  throw new AppError(
    'workspace_newer',
    `${path.basename(file)} was saved by a newer version of Strategy Workbench (schema ${version}; this app knows up to ${latest}). Update the app to open it; the file has not been changed.`,
    { file, schemaVersion: version, supported: latest },
  );
}

function notAWorkspace(file: string): never {
  throw new AppError('not_a_workspace', `${path.basename(file)} is an SQLite database but not a Strategy Workbench workspace.`, {
    file,
  });
}

/**
 * Opens (or creates) a workspace file: checks the header before SQLite touches the file, refuses
 * files from a newer app or from another program, migrates, and loads the default content.
 */
export function openWorkspace(file: string, options: OpenOptions): Workspace {
  const migrations: Migration[] = loadMigrations(options.dataDir);
  const latest = migrations.length;
  const exists = existsSync(file);
  if (!exists && options.create === false) throw new AppError('not_found', `There is no workspace at ${file}.`, { file });
  if (exists) {
    const header = readHeader(file);
    if (header.userVersion > latest) refuseNewer(file, header.userVersion, latest);
    if (header.size > 0 && header.applicationId !== APPLICATION_ID && header.applicationId !== 0) notAWorkspace(file);
    if (header.size > 0) {
      const problems = integrityProblems(file);
      if (problems.length) throw damaged(file, problems);
    }
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
  }

  const lock = options.holder ? acquireLock(file, options.holder) : { heldBy: null, release: () => undefined };
  if (lock.heldBy && !exists) throw heldError(file, lock.heldBy);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: lock.heldBy !== null });
    const connection = db;
    // The header can lag behind a WAL file left by a crash: check again now SQLite sees both.
    const version = schemaVersion(db);
    if (version > latest) refuseNewer(file, version, latest);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const hasTables = (db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number) > 0;
    if (appId !== APPLICATION_ID && (appId !== 0 || hasTables)) notAWorkspace(file);

    let seedReport: SeedReport | null = null;
    if (lock.heldBy) {
      // Reading only: whatever the holder would write (migrations, seed, index) is left to it.
      if (version < latest) throw heldError(file, lock.heldBy);
      db.pragma('busy_timeout = 5000');
    } else {
      configureConnection(db);
      if (appId === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, migrations, (from, to) => {
        if (from > 0) options.onBeforeMigrate?.(connection, from, to);
      });
      ensureSearchIndex(db);
      const applied = appliedSeedVersion(db);
      if (!exists && options.seed === false) optOutOfSeed(db);
      else if (options.seed !== false && applied !== NO_SEED && applied !== seedVersion(options.dataDir)) seedReport = applySeed(db, readSeed(options.dataDir));
    }
    const heldBy = lock.heldBy;
    return {
      db,
      path: file,
      seedReport,
      heldBy,
      info: () => ({
        path: file,
        name: path.basename(file).replace(/\.[^.]+$/, ''),
        schemaVersion: schemaVersion(connection),
        seedVersion: appliedSeedVersion(connection),
        readOnly: heldBy && { holder: heldBy.holder, pid: heldBy.pid, since: heldBy.since },
      }),
      close: () => {
        connection.close();
        lock.release();
      },
    };
  } catch (error) {
    db?.close();
    lock.release();
    throw error;
  }
}

/** The refusal a change gets while another program holds the workspace. */
export function heldError(file: string, by: LockInfo): AppError {
  return new AppError(
    'workspace_locked',
    `${path.basename(file)} is open in ${by.holder === 'electron' ? 'Strategy Workbench' : `the workbench ${by.holder}`} (process ${by.pid}); close it there to change it here.`,
    { file, holder: by.holder, pid: by.pid },
  );
}
