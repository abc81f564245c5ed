import { computeLayout, type LayoutOptions, type LayoutProgress, type Positions } from '../../../../core/graph/layout/index.ts';
import { AppError } from '../../../../core/api.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';

/** Below this many nodes a layout takes a few milliseconds and runs in place. */
const WORKER_THRESHOLD = 300;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(p: Positions): void; reject(e: Error): void; onProgress?: LayoutProgress }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<{ id: number; positions?: Positions; error?: string; progress?: { done: number; total: number } }>) => {
    const job = pending.get(event.data.id);
    if (job && event.data.progress) return job.onProgress?.(event.data.progress.done, event.data.progress.total);
    pending.delete(event.data.id);
    if (!job) return;
    if (event.data.positions) job.resolve(event.data.positions);
    else job.reject(new Error(event.data.error ?? 'layout failed'));
  };
  return worker;
}

/**
 * Positions for a map: in place for small maps, in a worker for large ones, reporting progress.
 * Aborting stops the worker outright (a layout cannot pause mid-tick) and answers `cancelled`;
 * the next layout starts a fresh worker.
 */
export function layoutMap(map: MapDocument, options: LayoutOptions, { onProgress, signal }: { onProgress?: LayoutProgress; signal?: AbortSignal } = {}): Promise<Positions> {
  if (map.concepts.length + map.phrases.length < WORKER_THRESHOLD) return Promise.resolve(computeLayout(map, options));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    signal?.addEventListener('abort', () => {
      if (!pending.has(id)) return;
      worker?.terminate();
      worker = null;
      for (const [other, job] of pending) if (other !== id) job.reject(new AppError('cancelled', 'The layout was stopped.'));
      pending.clear();
      reject(new AppError('cancelled', 'The layout was stopped.'));
    });
    getWorker().postMessage({ id, map, options });
  });
}
