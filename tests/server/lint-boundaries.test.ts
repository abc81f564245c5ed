import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../electron/server/paths.ts';

/**
 * The layer boundaries are lint rules (eslint.config.js). These cases prove the rules bite:
 * each snippet is linted as if it lived at the given path.
 */
const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['core/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['core/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['core/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/src/x.ts', "import { openWorkspace } from '../../electron/server/store/workspace.ts';\nexport const a = openWorkspace;"],
    ['electron/server/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/cli.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['tests/server/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it('core/ may not touch DOM globals', async () => {
    expect(await ruleIds('core/x.ts', 'export const a = document.title;')).toContain('no-restricted-globals');
  });

  it('the shell may import electron', async () => {
    expect(await ruleIds('electron/x.ts', "import { app } from 'electron';\nexport const a = app;")).not.toContain('no-restricted-imports');
  });
});
