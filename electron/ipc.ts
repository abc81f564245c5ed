import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../core/api.ts';
import { isTrustedFrame } from './security.ts';

export const INVOKE_CHANNEL = 'workbench:invoke';
export const EVENT_CHANNEL = 'workbench:event';

/**
 * The one IPC handler. It checks who is asking (our page's top frame only) and the shape of the
 * call, then hands it to the server, whose router validates the arguments against the contract.
 * No business logic lives here.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  call: (method: string, args: unknown) => Promise<ApiResult<unknown>>,
): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedFrame(event.senderFrame))
      return { ok: false, error: { code: 'forbidden', message: 'IPC is only answered for the app window.' } };
    if (typeof method !== 'string' || method.length > 100)
      return { ok: false, error: { code: 'unknown_method', message: 'The method name must be a short string.' } };
    return call(method, args);
  });
}
