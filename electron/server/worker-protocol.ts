import type { ApiErrorBody, ApiResult, EventName } from '../../core/api.ts';

/** Messages between the Electron main thread and the server's worker thread. */
export interface WorkerConfig {
  dbPath: string;
  dataDir: string;
  appVersion: string;
}

export type ToWorker = { type: 'call'; id: number; method: string; args: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: ApiErrorBody }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };
