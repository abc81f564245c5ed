import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('the knowledge-base commands', () => {
  const tempDir = useTempDir();

  it('searches, printing {total, hits: [{id, kind, title, snippet}]} best first', async () => {
    const db = path.join(tempDir(), 'x.swb');
    const { code, out } = await cli('kb', 'search', '广告', '--db', db, '--limit', '5', '--lang', 'zh');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { total: number; hits: { id: string; kind: string; title: string; snippet: string }[] };
    expect(result.total).toBeGreaterThan(5);
    expect(result.hits).toHaveLength(5);
    expect(Object.keys(result.hits[0]!).sort()).toEqual(['id', 'kind', 'snippet', 'title']);
    expect(result.hits.map((h) => h.id)).toContain('model/advertising-and-data-services');
  });

  it('exports a bundle and imports it into an empty workspace, which then exports the same bundle', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'kb.json');
    const second = path.join(dir, 'again.json');
    expect((await cli('kb', 'export', first, '--db', path.join(dir, 'a.swb'))).code).toBe(0);
    const imported = await cli('kb', 'import', first, '--db', path.join(dir, 'b.swb'), '--empty');
    expect(imported.code).toBe(0);
    expect((JSON.parse(imported.out) as { created: number }).created).toBeGreaterThan(150);
    expect((await cli('kb', 'export', second, '--db', path.join(dir, 'b.swb'))).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it('reports a bad file with its line and exit code 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{\n  "format": "strategy-workbench.kb",\n  "version": 1,\n  oops\n}\n');
    const { code, err } = await cli('kb', 'import', file, '--db', path.join(dir, 'x.swb'));
    expect(code).toBe(1);
    expect(err).toMatch(/bad\.json.*line 4/i);
  });
});

describe('the map commands', () => {
  const tempDir = useTempDir();

  it('imports a Mermaid file, printing concepts, propositions, groups and what was dropped, then exports it', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'flow.mmd');
    writeFileSync(source, 'graph LR\n  A[云平台] -->|收费| B(订阅)\n  subgraph S [收入]\n    B --> C{利润}\n  end\n  click A callback\n');
    const db = path.join(dir, 'x.swb');
    const imported = await cli('map', 'import', source, '--db', db);
    expect(imported.code).toBe(0);
    const map = JSON.parse(imported.out) as { id: string; concepts: { label: string }[]; propositions: unknown[]; groups: { members: string[] }[]; dropped: { line: number }[] };
    expect(map.concepts.map((c) => c.label)).toEqual(['云平台', '订阅', '利润']);
    expect(map.propositions).toEqual([
      { from: 'A', phrase: '收费', to: 'B' },
      { from: 'B', phrase: '', to: 'C' },
    ]);
    expect(map.groups[0]?.members).toEqual(['B', 'C']);
    expect(map.dropped[0]?.line).toBe(6);

    const mermaid = await cli('map', 'export', map.id, '--format', 'mermaid', '--db', db);
    expect(mermaid.out).toContain('subgraph S');
    const png = path.join(dir, 'flow.png');
    expect((await cli('map', 'export', map.id, '--format', 'png', '--out', png, '--scale', '2', '--db', db)).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('the decide command', () => {
  const tempDir = useTempDir();
  const problem = {
    title: 'Partner',
    alternatives: [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }],
    criteria: [
      { id: 'cost', type: 'cost', weight: 1 },
      { id: 'fit', type: 'benefit', weight: 3 },
    ],
    matrix: [
      [10, 2],
      [20, 5],
    ],
    method: 'topsis',
    evidence: [{ alternative: 'b', criterion: 'fit', entity: 'case/amazon-aws', note: 'ecosystem partnerships' }],
  };

  it('prints the evaluation as JSON, best first', async () => {
    const file = path.join(tempDir(), 'p.json');
    writeFileSync(file, JSON.stringify(problem));
    const { code, out } = await cli('decide', file);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { ranking: string[]; details: { dPlus: number[] } };
    expect(result.ranking).toEqual(['b', 'a']);
    expect(result.details.dPlus).toHaveLength(2);
  });

  it('prints a readable report with the cited evidence, titled from a workspace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.json');
    writeFileSync(file, JSON.stringify(problem));
    const { code, out } = await cli('decide', file, '--format', 'md', '--db', path.join(dir, 'x.swb'));
    expect(code).toBe(0);
    expect(out).toMatch(/^# Partner/);
    expect(out).toContain('| 1 | Beta |');
    expect(out).toContain('Amazon AWS (case/amazon-aws)');
  });

  it('names the cell of an invalid problem', async () => {
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ ...problem, matrix: [[10, 2], [20, -5]], method: 'wpm' }));
    const { code, err } = await cli('decide', file);
    expect(code).toBe(1);
    expect(err).toMatch(/matrix\[1\]\[1\]/);
  });
});
