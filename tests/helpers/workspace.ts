import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { SOURCE_DATA_DIR } from '../../electron/server/paths.ts';
import type { Router } from '../../electron/server/router.ts';
import { createServer, type EventListener, type Server } from '../../electron/server/server.ts';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'workbench-test-'));
    dirs.push(dir);
    return dir;
  };
}

/** A real server on a real SQLite file in a temporary folder, closed after the test. */
export function useServer(): (options?: { seed?: boolean; dbPath?: string; onEvent?: EventListener }) => Server {
  const tempDir = useTempDir();
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });
  return (options = {}) => {
    const server = createServer({
      dbPath: options.dbPath ?? path.join(tempDir(), 'test.swb'),
      dataDir: SOURCE_DATA_DIR,
      transport: 'test',
      appVersion: '0.0.0-test',
      seed: options.seed,
      onEvent: options.onEvent,
    });
    servers.push(server);
    return server;
  };
}

/** Calls a method and answers its value, failing the test with the server's message on an error. */
export async function ok<T>(router: Router, method: string, args: unknown): Promise<T> {
  const result = await router.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

export { SOURCE_DATA_DIR };
