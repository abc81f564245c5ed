import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A digest of every row of every table, read through a read-only connection: equal digests mean
 * the workspace's content is unchanged, whatever SQLite did to pages on disk.
 */
export function contentDigest(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      hash.update(table);
      for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

export const sidecars = (file: string): string[] => ['-wal', '-shm', '-journal'].filter((s) => existsSync(file + s));
