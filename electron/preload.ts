import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, type EventName } from '../core/api/event-names.ts';

/**
 * The page's only door to the app: `invoke(method, args)` and `on(event, listener)` for an
 * allow-listed set of events, plus the path of a file the user dropped on the window (to open a
 * workspace by drag-and-drop). No ipcRenderer, no Node, nothing else crosses the bridge.
 */
const INVOKE_CHANNEL = 'workbench:invoke';
const EVENT_CHANNEL = 'workbench:event';
const allowed = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('workbench', {
  invoke: (method: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
  on: (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!allowed.has(event)) throw new Error(`Unknown event "${String(event)}"`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('workbenchFiles', {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
