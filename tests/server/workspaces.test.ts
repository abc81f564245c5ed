import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readdirSync, writeSync, closeSync, statSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupEntry, WorkspaceInfo } from '../../core/api.ts';
import { backupsToKeep } from '../../electron/server/backups/rotation.ts';
import { runCli } from '../../electron/cli.ts';
import { startServer, type Server } from '../../electron/server/server.ts';
import { sha256 } from '../helpers/files.ts';
import { ok, SOURCE_DATA_DIR, useTempDir } from '../helpers/workspace.ts';

/** Servers as the app starts them: lock file, backups and the recent list in a user-data folder. */
function useApp() {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      await s.context.workspaces.settle();
      s.close();
    }
  });
  return async (dbPath: string, userData: string, extra: { holder?: string; seed?: boolean; dataDir?: string; onEvent?: (event: string, payload: unknown) => void } = {}) => {
    const server = await startServer({
      dbPath,
      dataDir: extra.dataDir ?? SOURCE_DATA_DIR,
      transport: 'electron',
      appVersion: 'test',
      userData,
      holder: extra.holder,
      seed: extra.seed,
      onEvent: extra.onEvent as never,
    });
    servers.push(server);
    await server.context.workspaces.settle();
    return server;
  };
}

const entityCount = (server: Server) => server.context.workspace.db.prepare('SELECT count(*) FROM entities').pluck().get() as number;
const newCase = (title: string) => ({
  content: { kind: 'case', title: { zh: title, en: title }, summary: { zh: '', en: '' }, source: '§5.1', attrs: { outcome: 'success' } },
});

/** A process that stays alive, whose pid a lock file can name (a lock held by another program). */
function otherProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
}

describe('who holds a workspace', () => {
  const tempDir = useTempDir();
  const open = useApp();
  const children: ChildProcess[] = [];
  afterEach(() => children.splice(0).forEach((c) => c.kill()));

  it('lets a second program read a workspace the app holds, and refuses its changes saying who holds it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'held.swb');
    const app = await open(file, path.join(dir, 'user'));
    app.close();
    const holder = otherProcess();
    children.push(holder);
    writeFileSync(`${file}.lock`, JSON.stringify({ holder: 'electron', pid: holder.pid, host: os.hostname(), since: new Date().toISOString() }));

    const cli = await open(file, path.join(dir, 'user'), { holder: 'cli' });
    expect((await ok<{ workspace: WorkspaceInfo }>(cli.router, 'app.info', {})).workspace.readOnly).toMatchObject({ holder: 'electron', pid: holder.pid });
    expect(await ok<{ entities: number }>(cli.router, 'kb.stats', {})).toMatchObject({ entities: 168 });
    const refused = await cli.router.call('kb.create', newCase('Blocked'));
    cli.close();
    // The command line says the same, and exits with an error.
    const err: string[] = [];
    const bundle = path.join(dir, 'one.json');
    writeFileSync(bundle, JSON.stringify({ format: 'strategy-workbench.kb', version: 1, entities: [] }));
    const code = await runCli(['kb', 'import', bundle, '--db', file], { out: () => undefined, err: (text) => err.push(text) });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/held\.swb is open in Strategy Workbench \(process \d+\); close it there to change it here\. \[workspace_locked\]/);
    expect(refused).toMatchObject({ ok: false, error: { code: 'workspace_locked', message: expect.stringMatching(/open in Strategy Workbench \(process \d+\)/) as string } });
    const reopened = await open(file, path.join(dir, 'user'), { holder: 'cli' });
    expect(entityCount(reopened)).toBe(168);
  });

  it('refuses to restore a backup over a workspace another program holds, the open one or another, and changes nothing', async () => {
    const dir = tempDir();
    const user = path.join(dir, 'user');
    const file = path.join(dir, 'held.swb');
    const app = await open(file, user);
    const [backup] = await ok<BackupEntry[]>(app.router, 'workspace.backups', {});
    await ok(app.router, 'kb.create', newCase('Written by the holder'));
    app.close();
    const digest = sha256(file);
    const holder = otherProcess();
    children.push(holder);
    writeFileSync(`${file}.lock`, JSON.stringify({ holder: 'electron', pid: holder.pid, host: os.hostname(), since: new Date().toISOString() }));

    // Read-only here: restoring over the open file is refused, and the workspace stays open.
    const reader = await open(file, user, { holder: 'cli' });
    const refused = await reader.router.call('workspace.restore', { backup: backup?.name });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workspace_locked' } });
    expect(entityCount(reader)).toBe(169);
    // From another workspace, restoring over the held file is refused too.
    const other = await open(path.join(dir, 'other.swb'), user);
    expect(await other.router.call('workspace.restore', { path: file, backup: backup?.name })).toMatchObject({ ok: false, error: { code: 'workspace_locked' } });
    reader.close();
    expect(sha256(file)).toBe(digest);
  });

  it('takes over the lock of a program that died, and gives it back on close', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'stale.swb');
    writeFileSync(`${file}.lock`, JSON.stringify({ holder: 'electron', pid: 2 ** 22 + 12345, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    const server = await open(file, path.join(dir, 'user'));
    expect(server.context.workspace.info().readOnly).toBeNull();
    await ok(server.router, 'kb.create', newCase('Written'));
    server.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('backups', () => {
  const tempDir = useTempDir();
  const open = useApp();

  it('are taken on open and on request, listed with time and size, and restored in one step (after backing up the current state)', async () => {
    const dir = tempDir();
    const server = await open(path.join(dir, 'engagement.swb'), path.join(dir, 'user'));
    const listed = () => ok<BackupEntry[]>(server.router, 'workspace.backups', {});
    expect((await listed()).map((b) => b.reason)).toEqual(['open']);
    const manual = await ok<BackupEntry>(server.router, 'workspace.backup', {});
    expect(manual).toMatchObject({ reason: 'manual', size: expect.any(Number) as number });
    expect(manual.size).toBeGreaterThan(100_000);

    await ok(server.router, 'kb.create', newCase('After the backup'));
    expect(entityCount(server)).toBe(169);
    await ok(server.router, 'workspace.restore', { backup: manual.name });
    expect(entityCount(server)).toBe(168);
    const restoreBackup = (await listed()).find((b) => b.reason === 'restore');
    expect(restoreBackup).toBeDefined();
    // The state before the restore is itself a backup: restoring it brings the new case back.
    await ok(server.router, 'workspace.restore', { backup: restoreBackup?.name });
    expect(entityCount(server)).toBe(169);
  });

  it('refuse a damaged backup before closing the open workspace, which stays open and working', async () => {
    const dir = tempDir();
    const server = await open(path.join(dir, 'engagement.swb'), path.join(dir, 'user'));
    const manual = await ok<BackupEntry>(server.router, 'workspace.backup', {});
    const dirOfBackups = path.join(dir, 'user');
    const backupFile = readdirSync(dirOfBackups, { recursive: true }).map(String).find((f) => f.endsWith(manual.name));
    if (!backupFile) throw new Error('backup file not found');
    const fd = openSync(path.join(dirOfBackups, backupFile), 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 8192);
    closeSync(fd);

    expect(await server.router.call('workspace.restore', { backup: manual.name })).toMatchObject({ ok: false, error: { code: 'workspace_damaged' } });
    await ok(server.router, 'kb.create', newCase('Still working'));
    expect(entityCount(server)).toBe(169);
  });

  it('are taken every few minutes while the workspace changes, and not while it does not', async () => {
    const dir = tempDir();
    const server = await startServer({ dbPath: path.join(dir, 'busy.swb'), dataDir: SOURCE_DATA_DIR, transport: 'test', appVersion: 'test', userData: path.join(dir, 'user'), periodicBackupMs: 150 });
    const reasons = async () => (await ok<BackupEntry[]>(server.router, 'workspace.backups', {})).map((b) => b.reason);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await server.context.workspaces.settle();
      expect(await reasons()).toEqual(['open']);
      await ok(server.router, 'kb.create', newCase('A change'));
      await expect.poll(reasons, { timeout: 3000 }).toContain('periodic');
    } finally {
      await server.context.workspaces.settle();
      server.close();
    }
  });

  it('are taken before migrations change an older workspace', async () => {
    const dir = tempDir();
    const older = path.join(dir, 'data');
    cpSync(SOURCE_DATA_DIR, older, { recursive: true });
    const migrations = readdirSync(path.join(older, 'migrations')).sort();
    rmSync(path.join(older, 'migrations', migrations[migrations.length - 1] ?? ''));
    const file = path.join(dir, 'old.swb');
    const before = await open(file, path.join(dir, 'user'), { dataDir: older });
    before.close();

    const server = await open(file, path.join(dir, 'user'));
    const backup = (await ok<BackupEntry[]>(server.router, 'workspace.backups', {})).find((b) => b.reason === 'migration');
    expect(backup).toBeDefined();
    const folder = path.dirname(path.join(dir, 'user', 'Backups', 'x'));
    const copy = readdirSync(folder).map((d) => path.join(folder, d, backup?.name ?? '')).find((f) => existsSync(f)) ?? '';
    const db = new Database(copy, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length - 1);
    db.close();
  });

  it('keep the newest ten, one per day for a week and one per week for five weeks', () => {
    const now = new Date(2026, 10, 29, 12, 0, 0);
    const hourly = Array.from({ length: 24 * 60 }, (_, i) => ({ name: `b${i}`, at: new Date(now.getTime() - i * 3_600_000) }));
    const keep = backupsToKeep(hourly, now);
    expect([...keep].slice(0, 10)).toEqual(hourly.slice(0, 10).map((b) => b.name));
    const days = new Set([...keep].map((name) => new Date(hourly.find((b) => b.name === name)?.at ?? 0).toDateString()));
    expect(days.size).toBeGreaterThanOrEqual(7);
    expect(keep.size).toBeLessThanOrEqual(10 + 7 + 5);
    const oldest = Math.min(...[...keep].map((name) => hourly.find((b) => b.name === name)?.at.getTime() ?? Infinity));
    // The fifth week back starts 27½ days before this noon.
    expect(now.getTime() - oldest).toBeGreaterThanOrEqual(27.5 * 24 * 3_600_000);
  });
});

describe('a damaged workspace', () => {
  const tempDir = useTempDir();
  const open = useApp();

  /** Overwrites pages in the middle of the file, as a failing disk might. */
  function damage(file: string): void {
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
  }

  it('is refused untouched, naming the newest good backup, which restores in its place (the damaged file kept aside)', async () => {
    const dir = tempDir();
    const user = path.join(dir, 'user');
    const file = path.join(dir, 'client.swb');
    const first = await open(file, user);
    first.close();
    damage(file);
    const digest = sha256(file);

    await expect(open(file, user)).rejects.toMatchObject({
      code: 'workspace_damaged',
      message: expect.stringMatching(/client\.swb is damaged .*has not been changed\. A backup from .* can be restored/) as string,
      details: { restorable: { reason: 'open' } },
    });
    expect(sha256(file)).toBe(digest);

    // From another (healthy) workspace, restore the damaged one's backup in its place.
    const other = await open(path.join(dir, 'other.swb'), user);
    const [backup] = await ok<BackupEntry[]>(other.router, 'workspace.backups', { path: file });
    const info = await ok<WorkspaceInfo>(other.router, 'workspace.restore', { path: file, backup: backup?.name });
    expect(info.path).toBe(file);
    expect(entityCount(other)).toBe(168);
    const aside = readdirSync(dir).find((f) => f.startsWith('client.damaged-'));
    expect(aside && sha256(path.join(dir, aside))).toBe(digest);
  });
});

describe('a file whose first page is gone', () => {
  const tempDir = useTempDir();
  const open = useApp();

  it('is refused as not a workspace, with the newest good backup offered in its place', async () => {
    const dir = tempDir();
    const user = path.join(dir, 'user');
    const file = path.join(dir, 'client.swb');
    (await open(file, user)).close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0), 0, 4096, 0);
    closeSync(fd);
    await expect(open(file, user)).rejects.toMatchObject({ code: 'not_a_workspace', details: { restorable: { reason: 'open' } } });
  });
});

describe('switching workspaces', () => {
  const tempDir = useTempDir();
  const open = useApp();

  it('creates, opens and copies workspaces, remembers them, and tells every view to reload', async () => {
    const dir = tempDir();
    const scopes: string[] = [];
    const server = await open(path.join(dir, 'first.swb'), path.join(dir, 'user'), {
      onEvent: (event, payload) => event === 'data.changed' && scopes.push((payload as { scope: string }).scope),
    });
    const empty = await ok<WorkspaceInfo>(server.router, 'workspace.new', { path: path.join(dir, 'empty'), content: 'empty' });
    expect(empty.name).toBe('empty');
    expect(entityCount(server)).toBe(0);
    expect(scopes).toContain('workspace');
    expect(existsSync(`${path.join(dir, 'first.swb')}.lock`)).toBe(false);

    await ok(server.router, 'kb.create', newCase('Only here'));
    const copy = await ok<WorkspaceInfo>(server.router, 'workspace.saveAs', { path: path.join(dir, 'copy.swb') });
    expect(copy.name).toBe('copy');
    expect(entityCount(server)).toBe(1);

    await ok(server.router, 'workspace.open', { path: path.join(dir, 'first.swb') });
    expect(entityCount(server)).toBe(168);
    const recent = await ok<{ name: string; exists: boolean }[]>(server.router, 'workspace.recent', {});
    expect(recent.map((r) => r.name)).toEqual(['first', 'copy', 'empty']);
    expect(await server.router.call('workspace.new', { path: path.join(dir, 'copy.swb') })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await server.router.call('workspace.open', { path: 'relative/path.swb' })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });
});
