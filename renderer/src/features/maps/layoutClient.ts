import { computeLayout, type LayoutOptions, type Positions } from '../../../../core/graph/layout/index.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';

/** Below this many nodes a layout takes a few milliseconds and runs in place. */
const WORKER_THRESHOLD = 300;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(p: Positions): void; reject(e: Error): void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
    const job = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!job) return;
    if (event.data.positions) job.resolve(event.data.positions);
    else job.reject(new Error(event.data.error ?? 'layout failed'));
  };
  return worker;
}

/** Positions for a map: in place for small maps, in a worker for large ones. */
export function layoutMap(map: MapDocument, options: LayoutOptions): Promise<Positions> {
  if (map.concepts.length + map.phrases.length < WORKER_THRESHOLD) return Promise.resolve(computeLayout(map, options));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, map, options });
  });
}
