import { Matrix } from './matrix.ts';
import type { Consistency, PriorityMethod } from './schema.ts';

/**
 * Saaty's random consistency index, indexed by matrix order n (Saaty 1980, The Analytic Hierarchy
 * Process, table 1.7; the same values in Saaty 1987 and most textbooks): the mean CI of random
 * reciprocal matrices. Saaty did not publish one table for n > 10 (later estimates differ), so
 * beyond it a CR needs an explicit `randomIndex`.
 */
export const SAATY_1980_RANDOM_INDEX: readonly number[] = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** Saaty's rule of thumb: above 10 % of random inconsistency the judgments should be revisited. */
export const CR_THRESHOLD = 0.1;

export function randomIndexFor(n: number, choice: number | 'saaty1980'): number | null {
  if (n <= 2) return 0;
  if (typeof choice === 'number') return choice;
  return SAATY_1980_RANDOM_INDEX[n] ?? null;
}

/** Uses the upper triangle and exact reciprocals below it (validation allowed 2 % slack there). */
export function reciprocalMatrix(rows: readonly (readonly number[])[]): Matrix {
  const n = rows.length;
  const a = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    a.set(i, i, 1);
    for (let k = i + 1; k < n; k++) {
      const value = rows[i]?.[k] ?? 1;
      a.set(i, k, value);
      a.set(k, i, 1 / value);
    }
  }
  return a;
}

function multiply(a: Matrix, w: Float64Array): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let k = 0; k < a.cols; k++) sum += a.get(i, k) * (w[k] as number);
    out[i] = sum;
  }
  return out;
}

function toShares(values: Float64Array): Float64Array {
  let total = 0;
  for (const x of values) total += x;
  return values.map((x) => x / total);
}

/**
 * The principal (Perron) eigenvector by power iteration. A positive matrix has a unique positive
 * dominant eigenvector and the iteration converges to it; starting from the row geometric means
 * (exact for consistent matrices) makes near-consistent judgments converge in a few steps.
 */
export function eigenvectorPriorities(a: Matrix): Float64Array {
  const n = a.rows;
  let w: Float64Array = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let logSum = 0;
    for (let k = 0; k < n; k++) logSum += Math.log(a.get(i, k));
    w[i] = Math.exp(logSum / n);
  }
  w = toShares(w);
  for (let iteration = 0; iteration < 10_000; iteration++) {
    const next = toShares(multiply(a, w));
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs((next[i] as number) - (w[i] as number)));
    w = next;
    if (change < 1e-15) break;
  }
  return w;
}

/** Saaty's approximation: normalise each column to sum 1, then average across each row. */
export function approximatePriorities(a: Matrix): Float64Array {
  const n = a.rows;
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let columnSum = 0;
    for (let i = 0; i < n; i++) columnSum += a.get(i, k);
    for (let i = 0; i < n; i++) w[i] = (w[i] as number) + a.get(i, k) / columnSum / n;
  }
  return w;
}

/** λmax estimated as the mean of (Aw)ᵢ / wᵢ; exact when w is the principal eigenvector. */
export function lambdaMax(a: Matrix, w: Float64Array): number {
  const aw = multiply(a, w);
  let sum = 0;
  for (let i = 0; i < a.rows; i++) sum += (aw[i] as number) / (w[i] as number);
  return sum / a.rows;
}

export function consistencyOf(a: Matrix, w: Float64Array, priority: PriorityMethod, choice: number | 'saaty1980'): Consistency {
  const n = a.rows;
  const lambda = lambdaMax(a, w);
  // λmax ≥ n for every positive reciprocal matrix; clamp rounding noise below it.
  const ci = n <= 2 ? 0 : Math.max(0, (lambda - n) / (n - 1));
  const randomIndex = randomIndexFor(n, choice);
  const cr = n <= 2 ? 0 : randomIndex === null ? null : ci / randomIndex;
  return { n, priority, lambdaMax: lambda, ci, cr, randomIndex };
}

export interface PairwiseAnalysis {
  priorities: number[];
  consistency: Consistency;
}

export function analyzePairwise(rows: readonly (readonly number[])[], priority: PriorityMethod, choice: number | 'saaty1980'): PairwiseAnalysis {
  const a = reciprocalMatrix(rows);
  const w = priority === 'eigenvector' ? eigenvectorPriorities(a) : approximatePriorities(a);
  return { priorities: Array.from(w), consistency: consistencyOf(a, w, priority, choice) };
}
