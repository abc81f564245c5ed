// Bundles the Electron shell (main, preload) and the server worker into build/electron/*.cjs.
// better-sqlite3 stays external: its Node-API binary loads in Electron as it is, no rebuild.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // electron/server/paths.ts reads import.meta.url; give the CommonJS bundle a real one.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'build/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/server/worker.ts'], outfile: 'build/electron/worker.cjs' }),
  // The sandboxed preload can require only 'electron': bundle everything else into it.
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'build/electron/preload.cjs',
    platform: 'browser',
    external: ['electron'],
    define: {},
    banner: {},
  }),
]);
console.log('built build/electron/{main,worker,preload}.cjs');
