import { useEffect, useRef, useState } from 'react';
import { client } from '../api.ts';

export interface JobProgress {
  done: number;
  total: number;
}

/**
 * A long server call that reports progress and can be cancelled (imports, exports): `start()`
 * gives the job id to pass with the call, `progress` follows the server's `job.progress` events
 * for that id, and `cancel()` asks the server to stop it (it rolls back and answers `cancelled`).
 */
export function useJob(prefix: string): { start(): string; cancel(): void; progress: JobProgress | null } {
  const jobId = useRef(`${prefix}-${crypto.randomUUID()}`);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(
    () =>
      client.on('job.progress', (p) => {
        if (p.jobId === jobId.current) setProgress({ done: p.done, total: p.total });
      }),
    [],
  );
  return {
    start() {
      jobId.current = `${prefix}-${crypto.randomUUID()}`;
      setProgress(null);
      return jobId.current;
    },
    cancel() {
      void client.call('jobs.cancel', { jobId: jobId.current });
    },
    progress,
  };
}

/** A progress bar with a line saying what is happening; an unknown total shows a sliver. */
export function ProgressBar({ progress, label }: { progress: JobProgress | null; label: string }) {
  const share = progress && progress.total ? (100 * progress.done) / progress.total : 5;
  return (
    <div className="editor-row" aria-live="polite">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress?.total ?? 100} aria-valuenow={progress?.done ?? 0}>
        <div style={{ width: `${share}%` }} />
      </div>
      <p className="muted">{label}</p>
    </div>
  );
}
