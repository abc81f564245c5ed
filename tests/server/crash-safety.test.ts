import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDigests, inspectWorkspace, type Facts, type Inspection } from './crash/inspect.ts';
import { mulberry32 } from '../../core/decision/random.ts';
import { buildTemplate, type Operation, type Template } from './crash/workload.ts';

/**
 * Crash safety, tested by killing a real process. A child (crash/writer.ts) opens a copy of a
 * prepared workspace and makes one large write: a knowledge-base import of 20,000 entries, or the
 * save of a large map with its presentations, or of a large decision. The test SIGKILLs it at a
 * random moment, then opens the file with better-sqlite3 alone, its -wal and -shm files left as
 * the kill left them, and checks that SQLite finds it intact and that it holds exactly the
 * workspace before the operation or exactly the workspace after it: never a part.
 *
 * Kill moments come from a seeded generator (CRASH_SEED=n reruns a sequence) and from how long
 * each phase of the operation took in an uninterrupted run on this machine: a third anywhere from
 * the start to a little past the end, a third while the transaction does its work, a third while
 * it commits (writing the WAL, syncing, checkpointing), so that many kills land mid-write.
 */

const WRITER = path.join(import.meta.dirname, 'crash', 'writer.ts');
/** A longer soak: CRASH_ROUNDS=5 kills five times as often (and allows five times as long). */
const ROUNDS = Math.max(1, Number(process.env.CRASH_ROUNDS ?? 1));
/** Kills per operation: runs that finish before their kill are not counted and run again. */
const KILLS: [Operation, number][] = [
  ['import', 10 * ROUNDS],
  ['save-map', 6 * ROUNDS],
  ['save-decision', 4 * ROUNDS],
];
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Writers still running, so a failing or timed-out test leaves none behind. */
const running = new Set<ChildProcess>();

interface Run {
  /** Milliseconds from `ready` to each line the writer printed, as the parent saw them. */
  marks: Map<string, number>;
  /** Lines read before the kill was sent (all of them when the writer finished first). */
  seenBeforeKill: string[];
  /** Whether SIGKILL ended it, rather than the writer finishing before its kill. */
  killed: boolean;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  stderr: string;
}

/** Runs the writer on `file`; with `kill`, sends SIGKILL `kill.delay` ms after it printed `kill.after`. */
function runWriter(file: string, payload: string, kill?: { after: string; delay: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, payload], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const run: Run = { marks: new Map(), seenBeforeKill: [], killed: false, exit: { code: null, signal: null }, stderr: '' };
    let readyAt = 0;
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    let sent = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (run.stderr += text));
    child.stdout.on('data', (text: string) => {
      const lines = (buffered + text).split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const now = performance.now();
        if (line === 'ready') readyAt = now;
        run.marks.set(line, now - readyAt);
        if (line === kill?.after)
          timer = setTimeout(() => {
            run.seenBeforeKill = [...run.marks.keys()];
            sent = child.kill('SIGKILL');
          }, kill.delay);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      run.killed = sent && signal === 'SIGKILL';
      if (!run.killed) run.seenBeforeKill = [...run.marks.keys()];
      run.exit = { code, signal };
      resolve(run);
    });
  });
}

/** Where kills are aimed, in turn, and the line from the writer that starts each phase. */
const AIMS = { anywhere: 'ready', 'in the transaction': 'writing', 'in the commit': 'committing' } as const;
type Aim = keyof typeof AIMS;

/** One run of the writer with a kill aimed at it, and what the workspace held afterwards. */
interface Trial {
  n: number;
  op: Operation;
  delay: number;
  aimed: Aim;
  run: Run;
  inspection: Inspection;
  state: 'before' | 'after' | 'partial';
  detail: string;
}

const MARKS = ['ready', 'writing', 'committing', 'done'];
const ms = (n: number) => `${Math.round(n)} ms`;

describe('crash safety', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workbench-crash-'));
  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a sound workspace holding all of an import or save, or none of it, whenever the process is killed', async () => {
    // The whole story is printed at the end, passed or failed, in one piece.
    const report: string[] = [];
    const log = (line: string) => report.push(line);
    try {
      const started = performance.now();
      const random = mulberry32(SEED);
      log(`crash safety: seed ${SEED} (rerun the same kill moments with CRASH_SEED=${SEED})`);
      const template: Template = await buildTemplate(dir);
      const mib = (op: Operation) => `${(template.bytes[op] / 2 ** 20).toFixed(1)} MiB`;
      log(`arguments: kb.import ${mib('import')}, maps.save ${mib('save-map')}, decisions.save ${mib('save-decision')}`);
      const fresh = (name: string) => {
        const file = path.join(dir, `${name}.swb`);
        copyFileSync(template.file, file);
        return file;
      };
      const discard = (file: string) => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      };
      const pristine = fresh('before');
      const before = inspectWorkspace(pristine);
      discard(pristine);
      expect(before.problems).toEqual([]);
      expect(before.wal).toBeNull(); // the template is one self-contained file

      const trials: Trial[] = [];
      for (const [op, count] of KILLS) {
        // An uninterrupted run: the state after the operation, and how long its phases take here.
        const calibration = path.join(dir, `${op}-complete.swb`);
        copyFileSync(template.file, calibration);
        const complete = await runWriter(calibration, template.payloads[op]);
        expect(complete.stderr).toBe('');
        expect(complete.exit.code).toBe(0);
        expect([...complete.marks.keys()]).toEqual(MARKS);
        const after = inspectWorkspace(calibration);
        discard(calibration);
        expect(after.problems).toEqual([]);
        expect(after.digests).not.toEqual(before.digests);
        const [writing, committing, done] = ['writing', 'committing', 'done'].map((mark) => complete.marks.get(mark)!) as [number, number, number];
        log(
          `${op}: ${ms(writing)} checking the input, ${ms(committing - writing)} in the transaction, ${ms(done - committing)} committing; ${describeChange(before.facts, after.facts)}`,
        );
        // A kill waits for the line that starts its phase, so a run slower than this one still dies in it.
        const length: Record<Aim, number> = { anywhere: done * 1.2, 'in the transaction': committing - writing, 'in the commit': done - committing };

        for (let i = 0; trials.filter((k) => k.op === op && k.run.killed).length < count; i++) {
          expect(i, `${op}: too many runs finished before their kill`).toBeLessThan(count * 1.5);
          const n = trials.length + 1;
          const file = fresh(`run-${n}`);
          const aimed = (Object.keys(AIMS) as Aim[])[i % 3]!;
          const delay = random() * length[aimed];
          const run = await runWriter(file, template.payloads[op], { after: AIMS[aimed], delay });
          expect(run.stderr, `run ${n}: the writer failed`).toBe('');
          expect([...run.marks.keys()].filter((line) => !MARKS.includes(line)), `run ${n}`).toEqual([]);
          const inspection = inspectWorkspace(file);
          discard(file);
          const verdict = compareDigests(inspection.digests, before.digests, after.digests);
          const detail =
            verdict.state === 'partial'
              ? `tables as before: ${verdict.asBefore.join(', ') || '–'}; as after: ${verdict.asAfter.join(', ') || '–'}; neither: ${verdict.neither.join(', ')}`
              : '';
          const trial: Trial = { n, op, delay, aimed, run, inspection, state: verdict.state, detail };
          trials.push(trial);
          log(describeTrial(trial, before.facts, after.facts));
          // The facts follow the state: counts are exactly those before or after, never between.
          if (verdict.state !== 'partial') expect(inspection.facts, `run ${n}`).toEqual(verdict.state === 'before' ? before.facts : after.facts);
        }
      }

      // Every run is judged; the figures about kills count the runs that a kill ended.
      const integrityFailures = trials.filter((k) => k.inspection.problems.length > 0);
      const partial = trials.filter((k) => k.state === 'partial');
      // A kill after the parent had read `done` must find the change: committed means durable.
      const lost = trials.filter((k) => k.run.seenBeforeKill.includes('done') && k.state !== 'after');
      const killed = trials.filter((k) => k.run.killed);
      // What the parent had read when it sent the kill: the writer was at least that far.
      const seen = (list: Trial[], line: string) => list.filter((k) => k.run.seenBeforeKill.includes(line));
      const interrupted = killed.filter((k) => k.state === 'before');
      const midWrite = seen(interrupted, 'writing');
      const committed = killed.filter((k) => k.state === 'after');
      const tornWal = killed.filter((k) => (k.inspection.wal?.uncommittedFrames ?? 0) > 0);
      const replayed = killed.filter((k) => (k.inspection.wal?.committedFrames ?? 0) > 0);
      const count = (op: string) => killed.filter((k) => k.op.startsWith(op)).length;
      log(
        [
          `crash safety, seed ${SEED}: ${killed.length} kills (${count('import')} during imports, ${count('save')} during saves; ${trials.length - killed.length} more run${trials.length - killed.length === 1 ? '' : 's'} finished before the kill came) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          `  interrupted (killed before the commit, found rolled back): ${interrupted.length}; inside the transaction: ${midWrite.length}, of which while committing: ${seen(interrupted, 'committing').length}`,
          `  killed after the commit (found complete): ${committed.length}; after the writer reported done: ${seen(committed, 'done').length}`,
          `  WAL left by the kill: ${tornWal.length} with a transaction's uncommitted frames (discarded), ${replayed.length} with committed frames (recovered from)`,
          `  integrity failures: ${integrityFailures.length}; partial writes: ${partial.length}; lost commits: ${lost.length}`,
        ].join('\n'),
      );

      expect(integrityFailures.map((k) => `run ${k.n}: ${k.inspection.problems.join('; ')}`)).toEqual([]);
      expect(partial.map((k) => `run ${k.n} (${k.op}): ${k.detail}`)).toEqual([]);
      expect(lost.map((k) => `run ${k.n} (${k.op})`)).toEqual([]);
      expect(count('import')).toBeGreaterThanOrEqual(10);
      expect(count('save')).toBeGreaterThanOrEqual(10);
      // The test proves something only if the kills really cut operations short, many mid-write.
      expect(interrupted.length).toBeGreaterThanOrEqual(killed.length / 2);
      expect(midWrite.length).toBeGreaterThanOrEqual(killed.length / 4);
    } finally {
      console.log(report.join('\n'));
    }
  }, ROUNDS * 240_000); // a minute or two on two cores, depending on what else the machine runs
});

function describeChange(before: Facts, after: Facts): string {
  const changed = (Object.keys(before) as (keyof Facts)[]).filter((k) => before[k] !== after[k]);
  return changed.map((k) => `${k} ${before[k]} → ${after[k]}`).join(', ');
}

function describeTrial(k: Trial, before: Facts, after: Facts): string {
  const { wal } = k.inspection;
  const walText = wal ? `WAL ${(wal.bytes / 2 ** 20).toFixed(1)} MiB, ${wal.committedFrames} committed + ${wal.uncommittedFrames} uncommitted frames` : 'no WAL';
  const changed = (Object.keys(before) as (keyof Facts)[]).filter((key) => before[key] !== after[key]);
  const facts = changed.map((key) => `${key} ${k.inspection.facts[key]}`).join(', ');
  const seen = k.run.killed ? `had seen ${k.run.seenBeforeKill.join('→') || 'nothing'}` : 'finished before its kill';
  const state = { before: 'none of it (rolled back)', after: 'all of it', partial: `PART OF IT: ${k.detail}` }[k.state];
  return `  run ${String(k.n).padStart(2)} ${k.op.padEnd(13)} ${k.aimed.padEnd(18)} ${ms(k.delay).padStart(7)} after ${AIMS[k.aimed].padEnd(10)}: ${seen}; ${walText}; integrity ${k.inspection.problems.length ? 'FAILED' : 'ok'}; ${facts}: ${state}`;
}
