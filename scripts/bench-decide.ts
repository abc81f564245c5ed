/**
 * Times the decision engine on seeded random problems and checks the speed floors:
 * every method on 1,000 alternatives × 50 criteria within 20 ms, and SMAA with 10,000 samples
 * on 50 × 20 within 200 ms (medians of several runs, after warm-up).
 *
 *   npx tsx scripts/bench-decide.ts
 *
 * Exits with code 1 when a floor is missed. Figures include validation, as a caller pays it.
 */
import { evaluate } from '../core/decision/evaluate.ts';
import { mulberry32 } from '../core/decision/random.ts';
import type { DecisionProblemInput, Method, PreferenceFunction } from '../core/decision/schema.ts';

const METHOD_FLOOR_MS = 20;
const SMAA_FLOOR_MS = 200;
const RUNS = 9;
const WARMUPS = 3;

function randomProblem(m: number, n: number, seed: number): DecisionProblemInput {
  const random = mulberry32(seed);
  return {
    alternatives: Array.from({ length: m }, (_, i) => ({ id: `a${i}` })),
    criteria: Array.from({ length: n }, (_, j) => ({
      id: `c${j}`,
      type: j % 3 === 2 ? ('cost' as const) : ('benefit' as const),
      weight: 0.1 + random(),
    })),
    // Strictly positive values, so every method and normalisation accepts them.
    matrix: Array.from({ length: m }, () => Array.from({ length: n }, () => Math.round((1 + 99 * random()) * 100) / 100)),
    method: 'wsm',
  };
}

/** Thresholds in the data's unit (values span 1–100): q = 5, p = 30, s = 15. */
function withPreference(problem: DecisionProblemInput, pick: (j: number) => PreferenceFunction): DecisionProblemInput {
  return {
    ...problem,
    method: 'promethee2',
    criteria: problem.criteria.map((c, j) => ({ ...c, preference: { function: pick(j), q: 5, p: 30, s: 15 } })),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(problem: DecisionProblemInput, runs = RUNS): number {
  for (let i = 0; i < WARMUPS; i++) evaluate(problem);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    evaluate(problem);
    times.push(performance.now() - start);
  }
  return median(times);
}

interface Row {
  case: string;
  ms: number;
  floor: number | null;
}

const rows: Row[] = [];
const large = randomProblem(1000, 50, 20240601);

for (const method of ['wsm', 'wpm', 'topsis', 'vikor'] as const satisfies readonly Method[])
  rows.push({ case: `${method} 1000×50`, ms: time({ ...large, method }), floor: METHOD_FLOOR_MS });

const functions: PreferenceFunction[] = ['usual', 'ushape', 'vshape', 'level', 'linear', 'gaussian'];
for (const fn of functions)
  rows.push({ case: `promethee2 (${fn}) 1000×50`, ms: time(withPreference(large, () => fn)), floor: fn === 'gaussian' ? null : METHOD_FLOOR_MS });
rows.push({ case: 'promethee2 (six functions in turn) 1000×50', ms: time(withPreference(large, (j) => functions[j % 6] ?? 'usual')), floor: null });

const small = randomProblem(50, 20, 7);
for (const method of ['wsm', 'wpm', 'topsis', 'vikor', 'promethee2'] as const satisfies readonly Method[]) {
  const problem = { ...small, method, smaa: { samples: 10_000, seed: 1 } };
  rows.push({ case: `${method} + SMAA 10,000 samples 50×20`, ms: time(problem, 5), floor: SMAA_FLOOR_MS });
}

// Not under a floor; shown so the cost of the optional analyses is known.
for (const method of ['wsm', 'topsis'] as const)
  rows.push({ case: `${method} + sensitivity 1000×50`, ms: time({ ...large, method, sensitivity: true }, 3), floor: null });

const width = Math.max(...rows.map((r) => r.case.length));
console.log(`Decision engine bench (median of ${RUNS} runs after ${WARMUPS} warm-ups; SMAA and sensitivity fewer), Node ${process.version}`);
console.log(`${'case'.padEnd(width)}  ${'median ms'.padStart(10)}  ${'floor ms'.padStart(8)}  result`);
console.log('-'.repeat(width + 32));
let failed = false;
for (const row of rows) {
  const verdict = row.floor === null ? 'info' : row.ms <= row.floor ? 'ok' : 'SLOW';
  if (verdict === 'SLOW') failed = true;
  console.log(`${row.case.padEnd(width)}  ${row.ms.toFixed(2).padStart(10)}  ${(row.floor === null ? '—' : String(row.floor)).padStart(8)}  ${verdict}`);
}
if (failed) process.exitCode = 1;
