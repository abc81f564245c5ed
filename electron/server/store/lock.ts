import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';

/**
 * Who holds a workspace. The program that opens a workspace for writing leaves `<file>.lock`
 * beside it (its pid, what it is, since when); another program that finds a live holder opens
 * the file read-only and refuses changes, saying who holds it. A lock left by a process that has
 * died (a crash, a kill) is taken over. SQLite's own locks only cover single transactions, so
 * they cannot tell the CLI that the app has the file open.
 */

export interface LockInfo {
  holder: string;
  pid: number;
  host: string;
  since: string;
}

export interface Lock {
  /** Null when this process holds the file; the other holder when it does not. */
  heldBy: LockInfo | null;
  release(): void;
}

const lockPath = (file: string) => `${file}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath(file), 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.holder === 'string'
      ? { holder: info.holder, pid: info.pid, host: String(info.host ?? ''), since: String(info.since ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** A lock that another live process holds on this machine (on another host we cannot tell: assume live). */
export function liveHolder(file: string): LockInfo | null {
  const info = readLock(file);
  if (!info || info.pid === process.pid) return null;
  if (info.host === os.hostname() && !alive(info.pid)) return null;
  return info;
}

export function acquireLock(file: string, holder: string): Lock {
  const info: LockInfo = { holder, pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  // Exclusive create, so two programs starting together cannot both win; a stale lock is
  // removed and the create tried again once.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath(file), 'wx');
      try {
        writeSync(fd, JSON.stringify(info));
      } finally {
        closeSync(fd);
      }
      return {
        heldBy: null,
        release: () => {
          if (readLock(file)?.pid === process.pid) rmSync(lockPath(file), { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = liveHolder(file);
      if (other) return { heldBy: other, release: () => undefined };
      if (readLock(file)?.pid === process.pid) return { heldBy: null, release: () => rmSync(lockPath(file), { force: true }) };
      rmSync(lockPath(file), { force: true });
    }
  }
  return { heldBy: liveHolder(file) ?? { holder: 'another program', pid: 0, host: '', since: '' }, release: () => undefined };
}
