import type Database from 'better-sqlite3';
import type { SectionInfo } from '../../../core/api.ts';
import { stmt } from './statements.ts';

export function listSections(db: Database.Database): SectionInfo[] {
  const rows = stmt(db, 'SELECT id, title_zh, title_en FROM sections ORDER BY ord').all() as {
    id: string;
    title_zh: string;
    title_en: string;
  }[];
  return rows.map((r) => ({ id: r.id, title: { zh: r.title_zh, en: r.title_en } }));
}
