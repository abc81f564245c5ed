import type Database from 'better-sqlite3';
import { slugify } from '../../../core/model/entity.ts';

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

/** A readable id from a title, unique in `table` ("pricing", "pricing-2", …); `fallback` when the title has no letters. */
export function uniqueSlug(db: Database.Database, table: 'maps' | 'decisions' | 'presentations', title: string, fallback: string): string {
  const base = slugify(title) === 'item' ? fallback : slugify(title);
  const taken = (id: string) => stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
