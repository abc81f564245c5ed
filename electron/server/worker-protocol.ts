import type { ApiErrorBody, ApiResult, EventName } from '../../core/api.ts';
import type { Display, FileRequest } from './context.ts';

/** Messages between the Electron main thread and the server's worker thread. */
export interface WorkerConfig {
  /** The workspace to open; null: the last one used, else the default one. */
  dbPath: string | null;
  dataDir: string;
  appVersion: string;
  displays: Display[];
  /** The user-data folder (backups, recent workspaces). */
  userData: string | null;
  /** Put this backup in place of the workspace before opening it (after the user chose to restore). */
  restoreBackup?: string;
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; args: unknown }
  | { type: 'displays'; displays: Display[] }
  | { type: 'fileChosen'; id: number; path: string | null }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: ApiErrorBody }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'chooseFile'; id: number; request: FileRequest };
