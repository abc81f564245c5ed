import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../electron/server/csp.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Writes the one CSP (electron/server/csp.ts) into the page; `frame-ancestors` only works as a header. */
function contentSecurityPolicy(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'workbench-csp',
    transformIndexHtml: (html) =>
      html.replace(
        '<!-- content-security-policy: injected at build from electron/server/csp.ts -->',
        `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      ),
  };
}

/**
 * The renderer is built once and served unchanged by Electron (app:// protocol) and by the
 * harness: relative asset paths, no inline scripts (the CSP forbids them), no source maps in
 * the packaged app.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: path.join(root, '..', 'build', 'renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
