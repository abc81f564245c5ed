import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Judging what a killed writer left behind: SQLite's own checks, a digest of the content to
 * compare with the states before and after the operation, and a reading of the WAL file.
 */

export interface Facts {
  entities: number;
  relations: number;
  revisions: number;
  /** Sums of the revisions of every map, presentation and decision. */
  maps: number;
  presentations: number;
  decisions: number;
}

export interface Inspection {
  /** `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: empty when both are clean. */
  problems: string[];
  digests: Record<string, string>;
  facts: Facts;
  /** The WAL file as the kill left it, before SQLite opened the workspace again. */
  wal: WalReading | null;
}

/**
 * Opens the workspace with better-sqlite3 alone (recovering from the WAL the kill left, as any
 * next open would) and reads everything needed to judge it.
 */
export function inspectWorkspace(file: string): Inspection {
  const wal = readWal(file);
  const db = new Database(file, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    for (const r of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[])
      problems.push(`foreign key: ${r.table} row ${r.rowid} points at a missing ${r.parent}`);
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const facts: Facts = {
      entities: count('SELECT count(*) FROM entities'),
      relations: count('SELECT count(*) FROM relations'),
      revisions: count('SELECT count(*) FROM revisions'),
      maps: count('SELECT coalesce(sum(revision), 0) FROM maps'),
      presentations: count('SELECT coalesce(sum(revision), 0) FROM presentations'),
      decisions: count('SELECT coalesce(sum(revision), 0) FROM decisions'),
    };
    return { problems, digests: tableDigests(db), facts, wal };
  } finally {
    db.close();
  }
}

/** Timestamps are the only thing two runs of the same operation write differently. */
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/**
 * A digest per table of every row (timestamps masked), in a stable order, plus one of the
 * schema. Two workspaces with equal digests hold the same content.
 */
export function tableDigests(db: Database.Database): Record<string, string> {
  const out: Record<string, string> = {};
  const schema = createHash('sha256');
  for (const row of db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').iterate()) schema.update(JSON.stringify(row));
  out.sqlite_master = schema.digest('hex');
  // Virtual tables are read through their shadow tables, which are ordinary tables.
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(table) as number;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        if (Buffer.isBuffer(value)) hash.update(value);
        else hash.update(typeof value === 'string' ? value.replace(TIMESTAMP, 'T') : String(value));
        hash.update('\u0000');
      }
      hash.update('\u0001');
    }
    out[table] = hash.digest('hex');
  }
  return out;
}

/** Which of two known states a workspace's digests match, or the tables matching neither. */
export function compareDigests(
  digests: Record<string, string>,
  before: Record<string, string>,
  after: Record<string, string>,
): { state: 'before' | 'after' } | { state: 'partial'; asBefore: string[]; asAfter: string[]; neither: string[] } {
  const same = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  if (same(digests, before)) return { state: 'before' };
  if (same(digests, after)) return { state: 'after' };
  const tables = [...new Set([...Object.keys(digests), ...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = tables.filter((t) => before[t] !== after[t]);
  return {
    state: 'partial',
    asBefore: changed.filter((t) => digests[t] === before[t]),
    asAfter: changed.filter((t) => digests[t] === after[t]),
    neither: tables.filter((t) => digests[t] !== before[t] && digests[t] !== after[t]),
  };
}

export interface WalReading {
  bytes: number;
  /** Frames whose salts and checksums are valid, in order. */
  validFrames: number;
  /** Valid frames up to and including the last commit frame: what recovery keeps. */
  committedFrames: number;
  /** Valid frames after the last commit: a transaction that was being written when it died. */
  uncommittedFrames: number;
}

/**
 * Reads a WAL file as SQLite's recovery does (the WAL format in sqlite.org/fileformat2.html):
 * frames count while their salts match the header's and the running checksum holds.
 */
export function readWal(file: string): WalReading | null {
  const walFile = `${file}-wal`;
  if (!existsSync(walFile)) return null;
  const bytes = statSync(walFile).size;
  const reading: WalReading = { bytes, validFrames: 0, committedFrames: 0, uncommittedFrames: 0 };
  if (bytes < 32) return reading;
  const fd = openSync(walFile, 'r');
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return reading;
    const bigEndian = magic === 0x377f0683;
    const pageSize = header.readUInt32BE(8) || 65536;
    const salts = [header.readUInt32BE(16), header.readUInt32BE(20)];
    let sum = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return reading;
    const frame = Buffer.alloc(24 + pageSize);
    for (let offset = 32; offset + frame.length <= bytes; offset += frame.length) {
      readSync(fd, frame, 0, frame.length, offset);
      if (frame.readUInt32BE(8) !== salts[0] || frame.readUInt32BE(12) !== salts[1]) break;
      sum = checksum(frame.subarray(24), bigEndian, checksum(frame.subarray(0, 8), bigEndian, sum));
      if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
      reading.validFrames++;
      if (frame.readUInt32BE(4) !== 0) reading.committedFrames = reading.validFrames;
    }
    reading.uncommittedFrames = reading.validFrames - reading.committedFrames;
    return reading;
  } finally {
    closeSync(fd);
  }
}

/** SQLite's WAL checksum: two running sums over pairs of 32-bit words in the magic's byte order. */
function checksum(data: Buffer, bigEndian: boolean, [s1, s2]: number[]): [number, number] {
  let a = s1!;
  let b = s2!;
  for (let i = 0; i < data.length; i += 8) {
    a = (a + (bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i)) + b) >>> 0;
    b = (b + (bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4)) + a) >>> 0;
  }
  return [a, b];
}
