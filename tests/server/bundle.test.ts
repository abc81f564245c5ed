import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SOURCE_DATA_DIR } from '../../electron/server/paths.ts';
import { startServerWorker } from '../../electron/server/worker-client.ts';
import { useTempDir } from '../helpers/workspace.ts';

/**
 * The Electron app runs the server from the esbuild bundle (build/electron/worker.cjs), not from
 * source. This runs that bundle in a plain Node worker, as the app would, so a dependency the
 * bundle cannot load (a file a package reads at run time, a UMD require) fails here rather than
 * on a user's machine. `npm test` builds the bundle first.
 */
const bundle = path.join(PROJECT_ROOT, 'build', 'electron', 'worker.cjs');
const missing = !existsSync(bundle);

describe.skipIf(missing)(`the bundled server worker ${missing ? '(skipped: run npm run build:shell first)' : ''}`, () => {
  const tempDir = useTempDir();

  it('opens a workspace, searches, and exports a map as PNG', async () => {
    const worker = await startServerWorker(bundle, { dbPath: path.join(tempDir(), 'b.swb'), dataDir: SOURCE_DATA_DIR, appVersion: '1', displays: [], userData: null }, () => {});
    try {
      expect(await worker.call('kb.search', { query: '广告', limit: 3 })).toMatchObject({ ok: true });
      const png = await worker.call('maps.export', { id: 'infrastructure-concept-map', format: 'png' });
      expect(png).toMatchObject({ ok: true, value: { encoding: 'base64' } });
      const exported = await worker.call('kb.export', { format: 'bundle' });
      expect(exported.ok).toBe(true);
    } finally {
      await worker.close();
    }
  });
});
