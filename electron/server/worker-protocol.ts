import type { ApiErrorBody, ApiResult, EventName } from '../../core/api.ts';
import type { Display } from './context.ts';

/** Messages between the Electron main thread and the server's worker thread. */
export interface WorkerConfig {
  dbPath: string;
  dataDir: string;
  appVersion: string;
  displays: Display[];
}

export type ToWorker = { type: 'call'; id: number; method: string; args: unknown } | { type: 'displays'; displays: Display[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: ApiErrorBody }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };
