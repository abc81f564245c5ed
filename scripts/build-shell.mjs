// Bundles the Electron shell (main, preload) and the server worker into build/electron/*.cjs.
// Packages that read files of their own at run time stay external and ship in node_modules
// (package.json "dependencies"): better-sqlite3 (its Node-API binary loads in Electron as it is,
// no rebuild), resvg's WebAssembly module and the map font.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Prefer ES builds: some packages' "main" is a UMD wrapper whose require() calls esbuild cannot follow.
  mainFields: ['module', 'main'],
  external: ['electron', 'better-sqlite3', '@resvg/resvg-wasm', '@fontsource/noto-sans-sc'],
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
