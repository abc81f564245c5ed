import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/harness.ts';
import { contentDigest } from '../helpers/files.ts';
import { useTempDir } from '../helpers/workspace.ts';

/** A stand-in page with the token placeholder, so these tests do not need a renderer build. */
function fakeRenderer(dir: string): string {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<html><head><meta name="workbench-token" content="" /></head></html>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

describe('the browser harness', () => {
  const tempDir = useTempDir();
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  async function start(): Promise<{ h: Harness; db: string }> {
    const dir = tempDir();
    const db = path.join(dir, 'h.swb');
    harness = await startHarness({ dbPath: db, rendererDir: fakeRenderer(path.join(dir, 'renderer')), userData: path.join(dir, 'user-data') });
    return { h: harness, db };
  }

  const post = (h: Harness, method: string, body: unknown, headers: Record<string, string> = { 'X-Workbench-Token': h.token }) =>
    fetch(`${h.url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on loopback only', async () => {
    const { h } = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 403 to an API call without the token or with a wrong one', async () => {
    const { h } = await start();
    expect((await post(h, 'kb.stats', {}, {})).status).toBe(403);
    expect((await post(h, 'kb.stats', {}, { 'X-Workbench-Token': 'guess' })).status).toBe(403);
    expect((await post(h, 'kb.stats', {})).status).toBe(200);
  });

  it('serves the page only with the token, and writes the token into it', async () => {
    const { h } = await start();
    expect((await fetch(`${h.url}/`)).status).toBe(403);
    const page = await fetch(h.pageUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`content="${h.token}"`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses requests whose Host is not the loopback address (DNS rebinding)', async () => {
    const { h } = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${h.url}/api/kb.stats`, { method: 'POST', headers: { Host: 'evil.example:80', 'X-Workbench-Token': h.token } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('answers an unknown method or invalid arguments with {ok:false} naming the problem, and changes nothing', async () => {
    const { h, db } = await start();
    const before = contentDigest(db);
    const unknown = (await (await post(h, 'kb.deleteEverything', {})).json()) as { ok: boolean; error: { message: string } };
    expect(unknown.ok).toBe(false);
    expect(unknown.error.message).toContain('kb.deleteEverything');
    const invalid = (await (await post(h, 'kb.list', { limit: 'all' })).json()) as { ok: boolean; error: { code: string; message: string } };
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(invalid.error.message).toMatch(/limit/);
    const notJson = await fetch(`${h.url}/api/kb.stats`, { method: 'POST', headers: { 'X-Workbench-Token': h.token }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(contentDigest(db)).toBe(before);
  });

  it('does not serve files outside the renderer folder', async () => {
    const { h } = await start();
    expect((await fetch(`${h.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${h.url}/..%2Fh.swb`)).status).toBe(404);
    expect((await fetch(`${h.url}/assets/..%2F..%2Fh.swb`)).status).toBe(404);
  });
});
