import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../core/api.ts';

/**
 * `PRAGMA integrity_check` on a read-only connection, so checking a file never changes it (a
 * read-write connection would checkpoint the WAL into a possibly damaged file on close).
 * Answers the problems SQLite reports; an empty list means the file is sound.
 */
export function integrityProblems(file: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare('PRAGMA integrity_check(20)').pluck().all() as string[];
    return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ')
      return [error instanceof Error ? error.message : String(error)];
    throw error;
  } finally {
    db?.close();
  }
}

export function damaged(file: string, problems: readonly string[]): AppError {
  return new AppError(
    'workspace_damaged',
    `${path.basename(file)} is damaged (${problems[0] ?? 'integrity check failed'}${problems.length > 1 ? `, and ${problems.length - 1} more problems` : ''}). The file has not been changed.`,
    { file, problems: problems.map((message) => ({ path: [], message })) },
  );
}
