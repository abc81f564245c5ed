import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { EventName } from '../core/api.ts';
import { CONTENT_SECURITY_POLICY } from './server/csp.ts';
import { PROJECT_ROOT, SOURCE_DATA_DIR, packageVersion, userDataDir } from './server/paths.ts';
import { startServer, type Server } from './server/server.ts';

/**
 * The browser harness: the built renderer and the router over HTTP on 127.0.0.1, for E2E tests
 * and for people without Electron. It binds to loopback only, checks the Host header (against
 * DNS rebinding), and requires a per-run token: the page carries it in a meta tag, API calls
 * send it in a header. It is development tooling and is never packaged into the app.
 */

export interface HarnessOptions {
  dbPath: string;
  port?: number;
  rendererDir?: string;
  dataDir?: string;
  /** Load the default knowledge base into a new workspace (default true). */
  seed?: boolean;
  /** Where backups and the recent list go (default: the app's user-data folder). */
  userData?: string;
}

export interface Harness {
  url: string;
  /** The address to open in a browser: the page with the token. */
  pageUrl: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = path.join(PROJECT_ROOT, 'build', 'renderer');
const MAX_BODY_BYTES = 256 * 1024 * 1024;
const TOKEN_META = '<meta name="workbench-token" content="" />';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function forbidden(res: ServerResponse, message: string): void {
  sendJson(res, 403, { ok: false, error: { code: 'forbidden', message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const indexFile = path.join(rendererDir, 'index.html');
  if (!existsSync(indexFile))
    throw new Error(`No built renderer at ${rendererDir}. Run \`npm run build:renderer\` first.`);
  // Read per request, so a rebuild of the renderer shows on the next reload without a restart.
  const indexHtml = () => readFileSync(indexFile, 'utf8');
  if (!indexHtml().includes(TOKEN_META)) throw new Error(`${indexFile} lacks the token placeholder ${TOKEN_META}`);

  const token = randomBytes(24).toString('base64url');
  const eventStreams = new Set<ServerResponse>();
  const broadcast = (event: EventName, payload: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  };
  const server = await startServer({
    dbPath: options.dbPath,
    dataDir: options.dataDir ?? SOURCE_DATA_DIR,
    transport: 'harness',
    appVersion: packageVersion(),
    seed: options.seed,
    onEvent: broadcast,
    userData: options.userData ?? userDataDir(),
  });

  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const http = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return forbidden(res, 'Unexpected Host header.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (method === 'events' && req.method === 'GET') {
        if (!sameToken(url.searchParams.get('token'), token)) return forbidden(res, 'Missing or wrong token.');
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
        res.write(': connected\n\n');
        eventStreams.add(res);
        req.on('close', () => eventStreams.delete(res));
        return;
      }
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_args', message: 'Use POST.' } });
      if (!sameToken(req.headers['x-workbench-token'] as string | undefined, token))
        return forbidden(res, 'Missing or wrong token.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
        return forbidden(res, 'Cross-origin requests are refused.');
      let args: unknown;
      try {
        const body = await readBody(req);
        args = body.trim() === '' ? {} : JSON.parse(body);
      } catch (error) {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_args', message: `The request body is not valid JSON: ${(error as Error).message}` },
        });
      }
      return sendJson(res, 200, await server.router.call(method, args));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!sameToken(url.searchParams.get('token'), token))
        return send(res, 403, 'text/plain; charset=utf-8', 'Open the address the harness printed: it carries the access token.');
      return send(res, 200, CONTENT_TYPES['.html'] ?? 'text/html', indexHtml().replace(TOKEN_META, `<meta name="workbench-token" content="${token}" />`));
    }
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(rendererDir + path.sep) || !existsSync(file) || !statSync(file).isFile())
      return send(res, 404, 'text/plain', 'Not found');
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return send(res, 200, type, readFileSync(file), { 'Cache-Control': 'public, max-age=3600' });
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pageUrl: `${url}/?token=${token}`,
    token,
    port,
    server,
    close: async () => {
      for (const stream of eventStreams) stream.end();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.context.workspaces.settle();
      server.close();
    },
  };
}
