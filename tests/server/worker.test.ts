import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SOURCE_DATA_DIR } from '../../electron/server/paths.ts';
import { startServerWorker } from '../../electron/server/worker-client.ts';
import { useTempDir } from '../helpers/workspace.ts';

const workerFile = path.join(PROJECT_ROOT, 'electron', 'server', 'worker.ts');
const tsx = { execArgv: ['--import', 'tsx'] };

/** The app runs the server in a worker thread; these run that same worker from source. */
describe('the server worker', () => {
  const tempDir = useTempDir();

  it('opens the workspace off the main thread and answers calls', async () => {
    const dbPath = path.join(tempDir(), 'w.swb');
    const worker = await startServerWorker(workerFile, { dbPath, dataDir: SOURCE_DATA_DIR, appVersion: '1', displays: [], userData: null }, () => {}, tsx);
    const info = await worker.call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', workspace: { path: dbPath } } });
    expect(await worker.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await worker.close();
  });

  it('lists the screens the shell reports, as they come and go', async () => {
    const projector = { id: 2, label: 'Projector', width: 1920, height: 1080, primary: false };
    const laptop = { id: 1, label: 'Built-in', width: 1440, height: 900, primary: true };
    const worker = await startServerWorker(workerFile, { dbPath: path.join(tempDir(), 'd.swb'), dataDir: SOURCE_DATA_DIR, appVersion: '1', displays: [laptop], userData: null }, () => {}, tsx);
    expect(await worker.call('app.displays', {})).toEqual({ ok: true, value: [laptop] });
    worker.setDisplays([laptop, projector]);
    expect(await worker.call('app.displays', {})).toEqual({ ok: true, value: [laptop, projector] });
    await worker.close();
  });

  it('reports a workspace it cannot open as a structured error', async () => {
    await expect(
      startServerWorker(workerFile, { dbPath: path.join(PROJECT_ROOT, 'package.json'), dataDir: SOURCE_DATA_DIR, appVersion: '1', displays: [], userData: null }, () => {}, tsx),
    ).rejects.toMatchObject({ body: { code: 'not_a_workspace' } });
  });
});
