import { defineConfig } from 'vitest/config';

/**
 * One runner, four projects. `core` and `server` are fast Node tests on real SQLite files;
 * `shell` unit-tests the Electron shell with a stand-in for the `electron` module (the only
 * mock in the suite: the binary cannot exist here); `e2e` drives the built renderer in Debian's
 * Chromium through the harness, one file at a time (two cores).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['tests/core/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'shell', include: ['tests/shell/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
