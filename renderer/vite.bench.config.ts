import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** A directory next to this file, as a file-system path (no Node built-ins: lint keeps them out of renderer/). */
function here(relative: string): string {
  const pathname = decodeURIComponent(new URL(relative, import.meta.url).pathname);
  return /^\/[A-Za-z]:\//.test(pathname) ? pathname.slice(1) : pathname;
}

const root = here('./bench/');

/**
 * `npm run bench:map` builds two pages into build/bench/: index.html (our MapCanvas) and
 * force-graph.html (the force-graph package on the same map). Production React, relative asset
 * paths; served by scripts/bench-map.ts's own static server, so no CSP is injected.
 */
export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: here('../build/bench/'),
    emptyOutDir: true,
    target: 'chrome140',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: {
        index: `${root}index.html`,
        'force-graph': `${root}force-graph.html`,
      },
    },
  },
});
