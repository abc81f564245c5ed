import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../electron/ipc.ts';
import { APP_URL, externalHttpsUrl, hardenSession, hardenWebContents, isTrustedFrame, presentationWindowRequest } from '../../electron/security.ts';

/**
 * The shell's rules, tested against plain objects shaped like Electron's (the Electron binary
 * cannot run here). These are the only stand-ins in the suite.
 */

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits like webContents does and says whether a listener called preventDefault. */
  attempt(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function hardened() {
  const contents = new FakeContents();
  const opened: string[] = [];
  hardenWebContents(contents as never, async (url) => {
    opened.push(url);
  });
  return { contents, opened };
}

describe('navigation and new windows', () => {
  it('stays on the app and refuses remote pages', () => {
    const { contents, opened } = hardened();
    expect(contents.attempt('will-navigate', `${APP_URL}#/maps`)).toBe(false);
    expect(contents.attempt('will-navigate', 'http://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('offers https links to the system browser (after asking) and opens no window', () => {
    const { contents, opened } = hardened();
    expect(contents.attempt('will-navigate', 'https://example.org/report')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.org/x' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/report', 'https://example.org/x']);
  });

  it('opens only presentation windows of the app itself, on the screen asked for', () => {
    const contents = new FakeContents();
    const requests: unknown[] = [];
    hardenWebContents(contents as never, async () => {}, (request) => {
      requests.push(request);
      return { fullscreen: true };
    });
    expect(contents.openHandler?.({ url: `${APP_URL}#/present/pitch?session=s1&view=audience&display=7` })).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: { fullscreen: true },
    });
    for (const url of [`${APP_URL}#/library`, 'https://example.org/#/present/pitch', 'app://workbench/other.html#/present/pitch', `${APP_URL}#/present/../x`])
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(requests).toEqual([{ display: 7 }]);
    expect(presentationWindowRequest(`${APP_URL}#/present/pitch?view=audience`)).toEqual({ display: null });
  });

  it('refuses webviews', () => {
    const { contents } = hardened();
    expect(contents.attempt('will-attach-webview', '')).toBe(true);
  });

  it('accepts only plain https URLs as external links', () => {
    expect(externalHttpsUrl('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    for (const url of ['http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org', 'not a url'])
      expect(externalHttpsUrl(url)).toBeNull();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h),
    } as never);
    const answers: boolean[] = [];
    request?.({}, 'media', (granted) => answers.push(granted));
    request?.({}, 'notifications', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(check?.()).toBe(false);
  });
});

describe('IPC', () => {
  function ipc() {
    let handler: ((event: unknown, method: unknown, args: unknown) => Promise<unknown>) | undefined;
    const calls: [string, unknown][] = [];
    registerIpc({ handle: (_channel: string, h: never) => (handler = h) } as never, async (method, args) => {
      calls.push([method, args]);
      return { ok: true, value: 'answered' };
    });
    return { invoke: (frame: unknown, method: unknown, args: unknown = {}) => handler?.({ senderFrame: frame }, method, args), calls };
  }

  it('answers the app window’s top frame', async () => {
    const { invoke, calls } = ipc();
    expect(await invoke({ url: APP_URL, parent: null }, 'kb.stats')).toEqual({ ok: true, value: 'answered' });
    expect(calls).toEqual([['kb.stats', {}]]);
  });

  it('refuses subframes, other origins and missing frames without calling the server', async () => {
    const { invoke, calls } = ipc();
    for (const frame of [{ url: APP_URL, parent: {} }, { url: 'https://evil.example/', parent: null }, null])
      expect(await invoke(frame, 'kb.stats')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses a method that is not a short string', async () => {
    const { invoke, calls } = ipc();
    expect(await invoke({ url: APP_URL, parent: null }, { toString: 'x' })).toMatchObject({ ok: false });
    expect(await invoke({ url: APP_URL, parent: null }, 'x'.repeat(500))).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('trusts a frame only when it is the top frame of app://workbench', () => {
    expect(isTrustedFrame({ url: 'app://workbench/index.html#/library', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://elsewhere/index.html', parent: null })).toBe(false);
  });
});
