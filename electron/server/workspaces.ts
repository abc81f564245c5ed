import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, type BackupEntry, type WorkspaceInfo } from '../../core/api.ts';
import { assertRestorable, backupDirFor, backUp, backupPath, listBackups, newestGoodBackup, putInPlace, type BackupReason } from './backups/backups.ts';
import type { Jobs } from './jobs.ts';
import { readHeader } from './store/header.ts';
import { integrityProblems } from './store/integrity.ts';
import { loadMigrations } from './store/migrations.ts';
import { openWorkspace, type OpenOptions, type Workspace } from './store/workspace.ts';

/**
 * The open workspace and the others the user works with: switching (new, open, save as), the
 * recent list, and backups (on open, before migrations, every few minutes while changes happen,
 * on request, and before a restore). Lives as long as the server; the workspace inside changes.
 */

export interface WorkspaceOptions extends Omit<OpenOptions, 'onBeforeMigrate' | 'create'> {
  /** The user-data folder: backups and the recent list live there. Null: neither is kept. */
  userData: string | null;
  /** Milliseconds between periodic backups while the workspace changes (0: none). */
  periodicBackupMs?: number;
}

interface RecentEntry {
  path: string;
  openedAt: string;
}

const RECENT_LIMIT = 12;
export const PERIODIC_BACKUP_MS = 10 * 60 * 1000;

export class WorkspaceManager {
  private changedSinceBackup = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private current: Workspace,
    private readonly options: WorkspaceOptions,
    private readonly jobs: Jobs,
    private readonly onSwitch: (workspace: Workspace) => void,
  ) {
    this.opened();
    const every = options.periodicBackupMs ?? PERIODIC_BACKUP_MS;
    if (options.userData && every > 0) {
      this.timer = setInterval(() => this.periodic(), every);
      this.timer.unref();
    }
  }

  get workspace(): Workspace {
    return this.current;
  }

  /** Opens a workspace the way the server does, with a backup before any migration. */
  static async openFirst(file: string, options: WorkspaceOptions): Promise<Workspace> {
    return openWithDetails(file, options);
  }

  /** Called whenever the workspace changes, for the periodic backup. */
  noteChange(): void {
    this.changedSinceBackup = true;
  }

  recent(): { path: string; name: string; openedAt: string; exists: boolean }[] {
    return this.readRecent().map((r) => ({ ...r, name: nameOf(r.path), exists: existsSync(r.path) }));
  }

  async open(file: string): Promise<WorkspaceInfo> {
    this.refuseWhileBusy();
    if (path.resolve(file) === path.resolve(this.current.path)) return this.current.info();
    if (!existsSync(file)) throw new AppError('not_found', `There is no workspace at ${file}.`, { file });
    return this.switchTo(await openWithDetails(file, this.options));
  }

  create(file: string, content: 'default' | 'empty'): WorkspaceInfo {
    this.refuseWhileBusy();
    if (existsSync(file)) throw new AppError('conflict', `${file} already exists; open it, or choose another name.`, { file });
    return this.switchTo(openWorkspace(file, { ...this.options, seed: content === 'default' }));
  }

  async saveAs(file: string): Promise<WorkspaceInfo> {
    this.refuseWhileBusy();
    if (existsSync(file)) throw new AppError('conflict', `${file} already exists; choose another name.`, { file });
    mkdirSync(path.dirname(file), { recursive: true });
    // The online backup API copies a consistent state while the workspace stays in use.
    const partial = `${file}.partial`;
    try {
      await this.current.db.backup(partial);
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
    return this.switchTo(openWorkspace(file, this.options));
  }

  backups(file = this.current.path): BackupEntry[] {
    return this.options.userData ? listBackups(backupDirFor(this.options.userData, file)) : [];
  }

  async backup(reason: BackupReason = 'manual'): Promise<BackupEntry> {
    const dir = this.backupDir(this.current.path);
    const work = backUp(this.current.db, dir, reason);
    this.pending.add(work);
    try {
      const entry = await work;
      if (reason !== 'restore') this.changedSinceBackup = false;
      return entry;
    } finally {
      this.pending.delete(work);
    }
  }

  /**
   * Restores a backup over a workspace: the open one (backed up first, so the restore can itself
   * be undone) or a file that would not open (kept aside, never overwritten).
   */
  async restore(name: string, file = this.current.path): Promise<WorkspaceInfo> {
    this.refuseWhileBusy();
    const source = backupPath(this.backupDir(file), name);
    // Before anything is closed or copied: another program holding the file, or a damaged backup,
    // is refused while the open workspace is still open.
    assertRestorable(source, file);
    const isCurrent = path.resolve(file) === path.resolve(this.current.path);
    if (isCurrent) {
      await this.backup('restore');
      await this.settle();
      this.current.close();
      try {
        putInPlace(source, file, false, { verified: true });
      } catch (error) {
        // The file is still the one that was open: open it again rather than leave none.
        this.switchTo(openWorkspace(file, this.options), true);
        throw error;
      }
      return this.switchTo(openWorkspace(file, this.options), true);
    }
    putInPlace(source, file, existsSync(file), { verified: true });
    return this.switchTo(openWorkspace(file, this.options));
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.current.close();
  }

  /** Waits for backups in flight (they read the open connection). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private backupDir(file: string): string {
    if (!this.options.userData) throw new AppError('not_found', 'Backups are kept by the app, the harness and the command line, not here.');
    return backupDirFor(this.options.userData, file);
  }

  private refuseWhileBusy(): void {
    if (this.jobs.writeLocked) throw new AppError('busy', 'An import is still running; switch workspaces when it finishes or is cancelled.');
  }

  private switchTo(next: Workspace, alreadyClosed = false): WorkspaceInfo {
    const previous = this.current;
    this.current = next;
    if (!alreadyClosed) {
      // Backups of the previous workspace may still be reading it.
      void this.settle().then(() => previous.close());
    }
    this.changedSinceBackup = false;
    this.opened();
    this.onSwitch(next);
    return next.info();
  }

  private opened(): void {
    if (!this.options.userData) return;
    this.remember(this.current.path);
    if (!this.current.heldBy) this.track(this.backup('open'));
  }

  private periodic(): void {
    if (this.changedSinceBackup && !this.jobs.writeLocked && !this.current.heldBy) this.track(this.backup('periodic'));
  }

  private track(work: Promise<unknown>): void {
    // A failed automatic backup must not take the app down; the next one tries again.
    work.catch((error: unknown) => console.warn(`Backup failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  private readRecent(): RecentEntry[] {
    return this.options.userData ? readRecentIn(this.options.userData) : [];
  }

  private remember(file: string): void {
    if (!this.options.userData) return;
    const store = recentFileIn(this.options.userData);
    const absolute = path.resolve(file);
    const list = [{ path: absolute, openedAt: new Date().toISOString() }, ...this.readRecent().filter((r) => r.path !== absolute)].slice(0, RECENT_LIMIT);
    mkdirSync(path.dirname(store), { recursive: true });
    writeFileSync(store, `${JSON.stringify(list, null, 2)}\n`);
  }
}

const nameOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

const recentFileIn = (userData: string) => path.join(userData, 'recent-workspaces.json');

function readRecentIn(userData: string): RecentEntry[] {
  const file = recentFileIn(userData);
  if (!existsSync(file)) return [];
  try {
    const list = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((r): r is RecentEntry => typeof r?.path === 'string' && typeof r?.openedAt === 'string') : [];
  } catch {
    return [];
  }
}

/** The workspace used last, if it is still there: what the app opens when not told which. */
export function lastUsedWorkspace(userData: string): string | null {
  return readRecentIn(userData).find((r) => existsSync(r.path))?.path ?? null;
}

/**
 * A backup before migrations change an older workspace, taken through a read-only connection.
 * A damaged file is not backed up (openWorkspace refuses it next): its copy would only push good
 * backups out of the rotation.
 */
async function backUpBeforeMigration(file: string, options: WorkspaceOptions): Promise<void> {
  if (!options.userData || !existsSync(file)) return;
  const version = readHeader(file).userVersion;
  if (version > 0 && version < loadMigrations(options.dataDir).length && integrityProblems(file).length === 0)
    await backUp(file, backupDirFor(options.userData, file), 'migration');
}

/** Opens a workspace; a damaged one is refused with the newest backup that could replace it. */
async function openWithDetails(file: string, options: WorkspaceOptions): Promise<Workspace> {
  try {
    await backUpBeforeMigration(file, options);
    return openWorkspace(file, options);
  } catch (error) {
    if (error instanceof AppError && ['workspace_damaged', 'not_a_workspace', 'workspace_newer'].includes(error.code) && options.userData) {
      const good = newestGoodBackup(backupDirFor(options.userData, file));
      const hint = good ? ` A backup from ${new Date(good.at).toLocaleString()} can be restored in its place.` : ' There is no backup of it.';
      throw new AppError(error.code, `${error.message}${hint}`, { ...error.details, file, restorable: good, backupDir: backupDirFor(options.userData, file) });
    }
    throw error;
  }
}
