import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type AppError } from '../../core/api.ts';
import { updateEntityContent, requireEntity } from '../../electron/server/store/entities.ts';
import { markSeedItemDeleted } from '../../electron/server/store/seed.ts';
import { openWorkspace } from '../../electron/server/store/workspace.ts';
import { contentDigest, sha256, sidecars } from '../helpers/files.ts';
import { SOURCE_DATA_DIR, useTempDir } from '../helpers/workspace.ts';

const open = (file: string, seed = true) => openWorkspace(file, { dataDir: SOURCE_DATA_DIR, seed });

/** Makes the next open believe every default text changed, as after an app update. */
function ageSeed(file: string): void {
  const db = new Database(file);
  db.prepare("UPDATE meta SET value = 'older' WHERE key = 'seed_version'").run();
  db.prepare("UPDATE seed_state SET hash = 'older'").run();
  db.close();
}

describe('a workspace', () => {
  const tempDir = useTempDir();

  it('is created from the default knowledge base, with the cases of §5.1 and §5.2 in both languages', () => {
    const ws = open(path.join(tempDir(), 'new.swb'));
    const watson = requireEntity(ws.db, 'case/ibm-watson');
    expect(watson.title.zh).toContain('Watson');
    expect(watson.title.en).toBe('IBM Watson');
    expect(watson.attrs.outcome).toBe('failure');
    for (const id of ['case/google-tensorflow', 'case/amazon-aws', 'case/microsoft-azure-ml', 'case/nvidia-tesla-k80']) {
      const entity = requireEntity(ws.db, id);
      expect(entity.title.zh).not.toBe('');
      expect(entity.title.en).not.toBe('');
      expect(entity.source).toMatch(/^§5\.[12]\.\d$/);
    }
    ws.close();
  });

  it('opens again without changing anything', () => {
    const file = path.join(tempDir(), 'again.swb');
    open(file).close();
    const before = contentDigest(file);
    const again = open(file);
    expect(again.seedReport).toBeNull();
    again.close();
    expect(contentDigest(file)).toBe(before);
  });

  it('keeps what the user edited when the default content is loaded again', () => {
    const file = path.join(tempDir(), 'edited.swb');
    const ws = open(file);
    const watson = requireEntity(ws.db, 'case/ibm-watson');
    updateEntityContent(ws.db, watson.id, { ...watson, title: { zh: '我的 Watson', en: 'My Watson' } }, 'user');
    ws.close();
    ageSeed(file);

    const reopened = open(file);
    expect(reopened.seedReport?.keptUserChanges).toBe(1);
    expect(reopened.seedReport?.updated).toBeGreaterThan(0);
    expect(requireEntity(reopened.db, 'case/ibm-watson').title.en).toBe('My Watson');
    expect(requireEntity(reopened.db, 'case/amazon-aws').origin).toBe('seed');
    reopened.close();
  });

  it('does not bring back a default entry the user deleted', () => {
    const file = path.join(tempDir(), 'deleted.swb');
    const ws = open(file);
    ws.db.prepare("DELETE FROM entities WHERE id = 'case/nvidia-tesla-k80'").run();
    markSeedItemDeleted(ws.db, 'entity:case/nvidia-tesla-k80');
    ws.close();
    ageSeed(file);

    const reopened = open(file);
    expect(() => requireEntity(reopened.db, 'case/nvidia-tesla-k80')).toThrow(/No entity/);
    expect(requireEntity(reopened.db, 'case/ibm-watson').title.en).toBe('IBM Watson');
    reopened.close();
  });

  it('can be created empty, without the default knowledge base', () => {
    const ws = open(path.join(tempDir(), 'empty.swb'), false);
    expect(ws.db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
    ws.close();
  });

  it('refuses a file that is not an SQLite database, and leaves it alone', () => {
    const file = path.join(tempDir(), 'notes.swb');
    writeFileSync(file, 'These are my meeting notes, not a database.\n'.repeat(10));
    const before = sha256(file);
    expect(() => open(file)).toThrow(expect.objectContaining({ code: 'not_a_workspace' }) as AppError);
    expect(sha256(file)).toBe(before);
  });

  it("refuses another program's SQLite database, and leaves it alone", () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES ('a.jpg');");
    other.close();
    const before = sha256(file);
    expect(() => open(file)).toThrow(/not a Strategy Workbench workspace/);
    expect(sha256(file)).toBe(before);
    expect(sidecars(file)).toEqual([]);
  });
});
