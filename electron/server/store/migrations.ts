import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../core/api.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The numbered SQL files of `data/migrations/`, in order; a gap or a duplicate number is a bug. */
export function loadMigrations(dataDir: string): Migration[] {
  const dir = path.join(dataDir, 'migrations');
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file ${file} must be named NNNN_name.sql`);
      return { version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(path.join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${m.version} at place ${i + 1}`);
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in order, each in its own transaction together with the new
 * `user_version`, so a crash leaves the database at the last completed version.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  onBeforeMigrate?: (from: number, to: number) => void,
): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest)
    throw new AppError(
      'workspace_newer',
      `This workspace was saved by a newer version of Strategy Workbench (schema ${from}; this app knows up to ${latest}). Update the app to open it.`,
      { schemaVersion: from, supported: latest },
    );
  if (from < latest) onBeforeMigrate?.(from, latest);
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest };
}
