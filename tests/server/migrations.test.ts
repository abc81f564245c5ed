import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { requireEntity, relationsOf } from '../../electron/server/store/entities.ts';
import { APPLICATION_ID } from '../../electron/server/store/header.ts';
import { loadMigrations, migrate } from '../../electron/server/store/migrations.ts';
import { openWorkspace } from '../../electron/server/store/workspace.ts';
import { sha256, sidecars } from '../helpers/files.ts';
import { SOURCE_DATA_DIR, useTempDir } from '../helpers/workspace.ts';

const migrations = loadMigrations(SOURCE_DATA_DIR);
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8');

/** A workspace file as an app at schema `version` would have left it. */
function createAtVersion(file: string, version: number, dataSql: string): void {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  migrate(db, migrations.slice(0, version));
  db.exec(dataSql);
  db.close();
}

describe('migrations', () => {
  const tempDir = useTempDir();

  it('are numbered without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('upgrade a workspace saved at schema 1 to the latest and keep the user’s data', () => {
    const file = path.join(tempDir(), 'v1.swb');
    createAtVersion(file, 1, fixture('workspace-v1-data.sql'));
    const backups: [number, number][] = [];
    const ws = openWorkspace(file, { dataDir: SOURCE_DATA_DIR, onBeforeMigrate: (_db, from, to) => backups.push([from, to]) });
    expect(ws.info().schemaVersion).toBe(migrations.length);
    if (migrations.length > 1) expect(backups).toEqual([[1, migrations.length]]);

    const own = requireEntity(ws.db, 'case/client-x-pilot');
    expect(own.title.en).toBe('Client X pilot');
    expect(own.tags).toEqual(['client-x']);
    expect(own.revision).toBe(3);
    // The user's edit of a default entry survives the upgrade and the seed reload that follows it.
    expect(requireEntity(ws.db, 'case/ibm-watson').title.en).toBe('IBM Watson (edited by the user)');
    expect(relationsOf(ws.db, 'case/client-x-pilot').map((r) => r.other.id)).toEqual(['case/ibm-watson']);
    // …and the default content the old workspace lacked is added.
    expect(requireEntity(ws.db, 'case/amazon-aws').title.en).toBe('Amazon AWS');
    ws.close();
  });

  it('refuse a workspace from a newer app and leave the file byte-for-byte unchanged', () => {
    const file = path.join(tempDir(), 'future.swb');
    createAtVersion(file, migrations.length, '');
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const before = sha256(file);

    expect(() => openWorkspace(file, { dataDir: SOURCE_DATA_DIR })).toThrow(
      expect.objectContaining({ code: 'workspace_newer', message: expect.stringMatching(/newer version/) as string }),
    );
    expect(sha256(file)).toBe(before);
    expect(sidecars(file)).toEqual([]);
  });
});
