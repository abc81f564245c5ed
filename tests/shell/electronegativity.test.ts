import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * scripts/electronegativity.mjs (`npm run lint:shell`): electronegativity over the shell, offline.
 * It must pass on our shell as it is, and fail on a finding, on a suppression without a reason
 * and on a file it cannot parse. Two runs in all (loading the parsers is most of a run's time):
 * the shell, and the fixtures below together.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts', 'electronegativity.mjs');

function scan(...files: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...files], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr });
    });
  });
}

const FIXTURES = {
  'insecure.ts': [
    "import { BrowserWindow } from 'electron';",
    '',
    'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
  ],
  'no-reason.ts': [
    "import { BrowserWindow } from 'electron';",
    '',
    'export const w = new BrowserWindow({ webPreferences: { sandbox: false } }); // eng-disable SANDBOX_JS_CHECK',
  ],
  'with-reason.ts': [
    "import { shell } from 'electron';",
    '',
    'export const a = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: callers pass allow-listed URLs only',
    'export const b = (url: string) => shell.openExternal(url);',
    '// eng-disable OPEN_EXTERNAL_JS_CHECK: this line excuses nothing at all',
  ],
  'broken.ts': ["import { app } from 'electron';", 'const = app;'],
};

const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [name, lines] of Object.entries(FIXTURES)) writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);

// Both start now and run side by side; each test awaits the one it needs.
const shell = scan();
const fixtures = scan(...Object.keys(FIXTURES).map((name) => path.join(dir, name)));

describe('scripts/electronegativity.mjs', { timeout: 60_000 }, () => {
  it('passes on our shell, every suppression with a reason', async () => {
    const { code, output } = await shell;
    expect(output).toMatch(/^electronegativity: \d+ files, \d+ checks, 0 findings \(\d+ suppressed with reasons\)$/m);
    expect(code).toBe(0);
  });

  it('fails on an insecure window, naming the checks', async () => {
    const { code, output } = await fixtures;
    expect(code).toBe(1);
    expect(output).toMatch(/CONTEXT_ISOLATION_JS_CHECK\s+\S*insecure\.ts:3:/);
    expect(output).toMatch(/NODE_INTEGRATION_JS_CHECK\s+\S*insecure\.ts:3:/);
    expect(output).toMatch(/SANDBOX_JS_CHECK\s+\S*insecure\.ts:3:/);
  });

  it('refuses a suppression without a reason, and reports the finding it would hide', async () => {
    const { output } = await fixtures;
    expect(output).toMatch(/no-reason\.ts:3\s+eng-disable SANDBOX_JS_CHECK has no reason/);
    expect(output).toMatch(/SANDBOX_JS_CHECK\s+\S*no-reason\.ts:3:/);
  });

  it('accepts a suppression with a reason on the reported line only, and refuses one that excuses nothing', async () => {
    const { output } = await fixtures;
    expect(output).not.toMatch(/OPEN_EXTERNAL_JS_CHECK\s+\S*with-reason\.ts:3:/);
    expect(output).toMatch(/OPEN_EXTERNAL_JS_CHECK\s+\S*with-reason\.ts:4:/);
    expect(output).toMatch(/with-reason\.ts:5\s+eng-disable OPEN_EXTERNAL_JS_CHECK suppresses nothing here/);
    expect(output).toMatch(/\(1 suppressed with reasons\)/);
  });

  it('fails on a file it cannot parse instead of skipping it', async () => {
    const { output } = await fixtures;
    expect(output).toMatch(/broken\.ts:2:\d+\s+parse error/);
    expect(output).toMatch(/^electronegativity: 4 files, .*, 3 errors$/m);
  });
});
