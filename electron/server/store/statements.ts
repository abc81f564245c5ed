import type Database from 'better-sqlite3';

/**
 * Prepared statements cached per connection: preparing is cheap but not free, and the hot paths
 * (lists, search, imports) run the same few statements thousands of times.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

export const nowIso = (): string => new Date().toISOString();
