import { AppError, createClient, type ApiResult, type EventName, type Transport } from '../../core/api.ts';

/**
 * The UI's one way to the server. In Electron the preload exposes `window.workbench`
 * (IPC); in the browser harness the same calls go over HTTP with the page's token.
 */

declare global {
  interface Window {
    workbench?: Transport;
  }
}

function harnessTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content ?? '';
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function connect(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const [event, set] of listeners)
      source.addEventListener(event, (e) => {
        const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
        for (const listener of set) listener(payload);
      });
  }

  return {
    async invoke(method, args) {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': token },
          body: JSON.stringify(args ?? {}),
        });
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `The harness did not answer: ${String(error)}` } };
      }
      return (await response.json()) as ApiResult<unknown>;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        // Re-open the stream so the new event name gets a listener.
        source?.close();
        source = null;
      }
      set.add(listener);
      connect();
      return () => set.delete(listener);
    },
  };
}

export const transport: Transport = window.workbench ?? harnessTransport();
export const client = createClient(transport);
export { AppError };
