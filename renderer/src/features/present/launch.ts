/** Where presentations open, and how the audience window is opened. */

export function audienceHref(presentationId: string, sessionId: string | null, display: number | null): string {
  const query = new URLSearchParams({ view: 'audience' });
  if (sessionId) query.set('session', sessionId);
  if (display !== null) query.set('display', String(display));
  return `#/present/${presentationId}?${query.toString()}`;
}

export function presenterHref(presentationId: string, sessionId: string): string {
  return `#/present/${presentationId}?session=${encodeURIComponent(sessionId)}&view=presenter`;
}

/**
 * Opens the audience view as a second window. The Electron shell allows exactly this kind of
 * window and puts it fullscreen on the display named in the URL; a browser opens a tab.
 */
export function openAudienceWindow(href: string): void {
  const url = new URL(href, window.location.href);
  window.open(url.href, '_blank', 'noopener');
}
