import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ApiErrorBody, ApiResult, EventName } from '../../core/api.ts';
import type { Display, FileRequest } from './context.ts';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol.ts';

export interface ServerWorker {
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  /** Tells the server which screens are attached (they come and go while presenting). */
  setDisplays(displays: Display[]): void;
  close(): Promise<void>;
}

/**
 * Starts the server worker and resolves once the workspace is open, or rejects with the
 * structured error (a newer or damaged workspace) so the shell can tell the user.
 */
export function startServerWorker(
  file: string | URL,
  config: WorkerConfig,
  onEvent: (event: EventName, payload: unknown) => void,
  options: Pick<WorkerOptions, 'execArgv'> & { chooseFile?: (request: FileRequest) => Promise<string | null> } = {},
): Promise<ServerWorker> {
  const worker = new Worker(file, { workerData: config, execArgv: options.execArgv });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let exited = false;

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve({
            call(method, args) {
              if (exited)
                return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The workspace server has stopped.' } });
              const id = nextId++;
              return new Promise((done) => {
                pending.set(id, done);
                worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
              });
            },
            setDisplays(displays) {
              if (!exited) worker.postMessage({ type: 'displays', displays } satisfies ToWorker);
            },
            async close() {
              // Ask for a clean close (WAL checkpoint, lock released); stop it hard if it hangs.
              if (exited) return;
              const gone = new Promise<void>((done) => worker.once('exit', () => done()));
              worker.postMessage({ type: 'close' } satisfies ToWorker);
              const timer = setTimeout(() => void worker.terminate(), 5000);
              await gone;
              clearTimeout(timer);
            },
          });
          break;
        case 'fatal':
          reject(Object.assign(new Error(message.error.message), { body: message.error satisfies ApiErrorBody }));
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          onEvent(message.event, message.payload);
          break;
        case 'chooseFile': {
          const answer = (path: string | null) => !exited && worker.postMessage({ type: 'fileChosen', id: message.id, path } satisfies ToWorker);
          if (!options.chooseFile) answer(null);
          else options.chooseFile(message.request).then(answer, () => answer(null));
          break;
        }
      }
    });
    worker.on('error', (error) => reject(error));
    worker.on('exit', () => {
      exited = true;
      for (const done of pending.values())
        done({ ok: false, error: { code: 'internal', message: 'The workspace server stopped unexpectedly.' } });
      pending.clear();
    });
  });
}
