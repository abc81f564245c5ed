import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './server/csp.ts';
import { APP_HOST } from './security.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built renderer at app://workbench/ (rather than file://, which would grant the
 * page the whole file system's origin), with the CSP as a real header.
 */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, scheme: string, rendererDir: string): void {
  protocol.handle(scheme, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (url.host !== APP_HOST || !file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY, // eng-disable CSP_GLOBAL_CHECK: the CSP is this header on every file app:// serves, which the check cannot see (it looks for <meta> and session header hooks); csp-evaluator's only note on it is script-src 'self', and this origin serves nothing but our built renderer
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
