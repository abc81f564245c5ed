import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli.ts';
import { PROJECT_ROOT } from '../../electron/server/paths.ts';
import { sha256 } from '../helpers/files.ts';
import { useTempDir } from '../helpers/workspace.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('the workbench command line', () => {
  const tempDir = useTempDir();

  it('creates a workspace from the defaults and prints counts per kind as JSON', async () => {
    const db = path.join(tempDir(), 'x.db');
    const { code, out } = await cli('kb', 'stats', '--db', db);
    expect(code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const stats = JSON.parse(out) as { entities: number; byKind: Record<string, number> };
    expect(stats.byKind.case).toBeGreaterThanOrEqual(5);
    expect(stats.entities).toBe(Object.values(stats.byKind).reduce((a, b) => a + b, 0));
  });

  it('changes nothing when run again', async () => {
    const db = path.join(tempDir(), 'x.db');
    const first = await cli('kb', 'stats', '--db', db);
    const bytes = sha256(db);
    const second = await cli('kb', 'stats', '--db', db);
    expect(second.out).toBe(first.out);
    expect(sha256(db)).toBe(bytes);
  });

  it('calls any method by name and reports a bad one on stderr with exit code 1', async () => {
    const db = path.join(tempDir(), 'x.db');
    const good = await cli('call', 'kb.get', '{"id":"case/ibm-watson"}', '--db', db);
    expect(good.code).toBe(0);
    expect((JSON.parse(good.out) as { entity: { title: { en: string } } }).entity.title.en).toBe('IBM Watson');
    const bad = await cli('call', 'kb.get', '{"id": 7}', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Invalid arguments for kb\.get: id/);
  });

  it('explains a file that is not a workspace instead of touching it', async () => {
    const { code, err } = await cli('kb', 'stats', '--db', path.join(PROJECT_ROOT, 'package.json'));
    expect(code).toBe(1);
    expect(err).toMatch(/not a Strategy Workbench workspace/);
  });

  it('is installed as the `workbench` command and lists every command in --help', () => {
    const help = execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'workbench.mjs'), '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/workbench kb stats/);
    expect(help).toMatch(/workbench call/);
  });
});
