import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, type BackupEntry } from '../../../core/api.ts';
import { integrityProblems } from '../store/integrity.ts';
import { liveHolder } from '../store/lock.ts';
import { heldError } from '../store/workspace.ts';
import { backupsToKeep } from './rotation.ts';

/**
 * Backups of a workspace, taken with SQLite's online backup API (a consistent copy while the
 * workspace stays in use), kept in the user-data folder under `Backups/<name>-<hash of the path>`
 * so that a workspace on a USB stick or a read-only share still gets them, and rotated.
 */

const NAME = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-([a-z]+)\.swb$/;
const REASONS = ['open', 'migration', 'periodic', 'manual', 'restore'] as const;
export type BackupReason = (typeof REASONS)[number];

export function backupDirFor(userData: string, file: string): string {
  const absolute = path.resolve(file);
  const name = path.basename(absolute).replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'workspace';
  return path.join(userData, 'Backups', `${name}-${createHash('sha256').update(absolute).digest('hex').slice(0, 10)}`);
}

function parse(dir: string, file: string): (BackupEntry & { date: Date }) | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, reason] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!REASONS.includes(reason as BackupReason)) return null;
  try {
    return { name: file, at: date.toISOString(), reason: reason as BackupReason, size: statSync(path.join(dir, file)).size, date };
  } catch {
    return null; // removed by a rotation meanwhile
  }
}

export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((file) => parse(dir, file) ?? [])
    .sort((a, b) => b.date.getTime() - a.date.getTime() || b.name.localeCompare(a.name))
    .map(({ date: _date, ...entry }) => entry);
}

const pad = (n: number) => String(n).padStart(2, '0');

function newName(dir: string, reason: BackupReason, now: Date): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  let name = `${stamp}-${reason}.swb`;
  for (let n = 2; existsSync(path.join(dir, name)); n++) name = `${stamp}-${n}-${reason}.swb`;
  return name;
}

/** Removes what the rotation does not keep. */
export function rotate(dir: string, now = new Date()): void {
  const entries = listBackups(dir).map((b) => ({ name: b.name, at: new Date(b.at) }));
  const keep = backupsToKeep(entries, now);
  for (const entry of entries) if (!keep.has(entry.name)) rmSync(path.join(dir, entry.name), { force: true });
}

/**
 * Backs up an open connection (or a file, through a read-only connection) into the folder. The
 * copy is written under a temporary name and renamed when complete, so a crash mid-backup never
 * leaves a half file that looks like a backup.
 */
export async function backUp(source: Database.Database | string, dir: string, reason: BackupReason, now = new Date()): Promise<BackupEntry> {
  mkdirSync(dir, { recursive: true });
  const name = newName(dir, reason, now);
  const partial = path.join(dir, `${name}.partial`);
  const db = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  try {
    await db.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (typeof source === 'string') db.close();
  }
  renameSync(partial, path.join(dir, name));
  rotate(dir, now);
  const entry = listBackups(dir).find((b) => b.name === name);
  if (!entry) throw new AppError('internal', `The backup ${name} vanished as it was written.`);
  return entry;
}

export function backupPath(dir: string, name: string): string {
  const entry = listBackups(dir).find((b) => b.name === name);
  if (!entry) throw new AppError('not_found', `There is no backup "${name}".`, { backup: name });
  return path.join(dir, name);
}

/** The newest backup that passes the integrity check, for offering after a damaged open. */
export function newestGoodBackup(dir: string): BackupEntry | null {
  for (const entry of listBackups(dir)) if (integrityProblems(path.join(dir, entry.name)).length === 0) return entry;
  return null;
}

/**
 * Refuses a restore that would harm someone: over a file another live program holds (its open
 * connection and WAL would be pulled out from under it), or from a backup that is damaged itself.
 */
export function assertRestorable(backup: string, file: string): void {
  const holder = liveHolder(file);
  if (holder) throw heldError(file, holder);
  if (integrityProblems(backup).length) throw new AppError('workspace_damaged', `The backup ${path.basename(backup)} is damaged too; choose another.`, { file: backup });
}

/**
 * Puts a backup in place of a workspace file that is not open (`verified`: assertRestorable has
 * just passed, so its integrity check is not run twice). A damaged file is moved aside
 * (`<name>.damaged-<time>.swb`), never overwritten; stale WAL and shared-memory files go, since
 * they belong to the replaced database.
 */
export function putInPlace(backup: string, file: string, keepAside: boolean, { verified = false } = {}): string | null {
  if (!verified) assertRestorable(backup, file);
  const staging = `${file}.restoring`;
  copyFileSync(backup, staging);
  let aside: string | null = null;
  if (keepAside && existsSync(file)) {
    // The damaged file goes aside whole, its WAL with it: someone may still want to recover from it.
    aside = `${file.replace(/\.swb$/i, '')}.damaged-${Date.now()}.swb`;
    renameSync(file, aside);
    if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${aside}-wal`);
  }
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  renameSync(staging, file);
  return aside;
}
