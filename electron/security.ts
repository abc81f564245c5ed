import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron';

/**
 * The shell's security rules in one place (see docs/ARCHITECTURE.md, "Security"): the page may
 * only ever show our own app:// origin; everything else is refused or, for https links the user
 * confirms, handed to the system browser.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only https links with a host go to the system browser; never file:, javascript:, custom schemes. */
export function externalHttpsUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}

/** IPC is answered only for our page's top frame, never for a subframe or another origin. */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface ExternalOpener {
  /** Asks the user and opens the https URL in their browser; resolves once decided. */
  (url: string): Promise<void>;
}

/**
 * The one kind of new window the page may open: an audience view of a presentation, on our own
 * origin (`app://workbench/index.html#/present/<id>?…&display=<screen id>`). Answers the screen
 * asked for (null: wherever the system puts it), or undefined when the URL is anything else.
 */
export function presentationWindowRequest(url: string): { display: number | null } | undefined {
  if (!isAppUrl(url)) return undefined;
  const { pathname, hash } = new URL(url);
  if (pathname !== '/index.html' || !/^#\/present\/[a-z0-9-]+(\?|$)/.test(hash)) return undefined;
  const display = Number(new URLSearchParams(hash.split('?')[1] ?? '').get('display'));
  return { display: Number.isInteger(display) && display > 0 ? display : null };
}

/** Window options for an allowed presentation window, from the shell (which knows the screens). */
export type PresentationWindowFactory = (request: { display: number | null }) => BrowserWindowConstructorOptions;

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Denies navigation away from the app, new windows (except presentation windows of our own page)
 * and webviews; offers https links externally.
 */
export function hardenWebContents(contents: HardenableContents, openExternal: ExternalOpener, presentationWindow?: PresentationWindowFactory): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    const external = externalHttpsUrl(url);
    if (external) void openExternal(external);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const presentation = presentationWindow && presentationWindowRequest(url);
    if (presentationWindow && presentation) return { action: 'allow', overrideBrowserWindowOptions: presentationWindow(presentation) };
    const external = externalHttpsUrl(url);
    if (external) void openExternal(external);
    return { action: 'deny' };
  });
}
