import { AppError, type EventName, type EventPayload } from '../../core/api.ts';

/**
 * Long work (imports) runs as a job: it reports progress as `job.progress` events, yields to the
 * event loop between chunks so other calls (and `jobs.cancel`) get through, and while it writes,
 * other writes are refused with `busy` instead of queueing behind it.
 */
export interface JobHandle {
  readonly id: string;
  progress(done: number, total: number): void;
  /** Lets other calls run; throws `cancelled` if the user asked to stop. */
  checkpoint(): Promise<void>;
  /** Aborted when the user asks to stop: for work that takes a signal (the PDF writer). */
  readonly signal: AbortSignal;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Jobs {
  private readonly cancelled = new Map<string, AbortController>();
  private writer: string | null = null;

  constructor(private readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void) {}

  get writeLocked(): boolean {
    return this.writer !== null;
  }

  async run<T>(jobId: string, label: string, writes: boolean, work: (job: JobHandle) => Promise<T>): Promise<T> {
    if (this.cancelled.has(jobId)) throw new AppError('conflict', `A job with the id "${jobId}" is already running.`);
    if (writes && this.writer) throw new AppError('busy', 'Another import is still running; wait for it or cancel it.');
    const controller = new AbortController();
    this.cancelled.set(jobId, controller);
    if (writes) this.writer = jobId;
    let lastReport = 0;
    const handle: JobHandle = {
      id: jobId,
      progress: (done, total) => {
        const now = Date.now();
        if (done < total && now - lastReport < 100) return; // at most ten updates a second
        lastReport = now;
        this.emit('job.progress', { jobId, label, done, total });
      },
      checkpoint: async () => {
        await yieldToEventLoop();
        if (controller.signal.aborted) throw new AppError('cancelled', `${label}: cancelled; nothing was written.`);
      },
      signal: controller.signal,
    };
    try {
      return await work(handle);
    } finally {
      this.cancelled.delete(jobId);
      if (this.writer === jobId) this.writer = null;
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.cancelled.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
