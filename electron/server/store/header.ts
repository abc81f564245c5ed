import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../core/api.ts';

/** Written into every workspace (`PRAGMA application_id`) so other SQLite files are told apart. */
export const APPLICATION_ID = 0x53574231; // "SWB1"

export interface FileHeader {
  size: number;
  userVersion: number;
  applicationId: number;
}

const MAGIC = 'SQLite format 3\0';

/**
 * Reads the SQLite header without opening the database, so a file that is not ours, or one from
 * a newer app, can be refused without SQLite touching it (no -wal or -shm created, no recovery).
 */
export function readHeader(file: string): FileHeader {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const size = readSync(fd, buf, 0, 100, 0);
    if (size === 0) return { size: 0, userVersion: 0, applicationId: 0 };
    if (size < 100 || buf.toString('latin1', 0, 16) !== MAGIC)
      throw new AppError('not_a_workspace', `${file} is not a Strategy Workbench workspace (it is not an SQLite database).`, {
        file,
      });
    return { size, userVersion: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68) };
  } finally {
    closeSync(fd);
  }
}
