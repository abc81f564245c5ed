import { Matrix } from '../matrix.ts';
import type { Preference } from '../schema.ts';
import { argsortDoubles } from '../sort.ts';
import { linearMerit, weightedTable, type MethodInput, type MethodModel } from './model.ts';

/**
 * PROMETHEE II (Brans & Vincke 1985; Brans, Vincke & Mareschal 1986).
 *
 * The net flow is linear in the weights: φ(a) = Σⱼ wⱼ·φⱼ(a), where φⱼ is the unicriterion net
 * flow of criterion j. So the pairwise work is per criterion, not per weight vector, and it is
 * done without visiting the m² pairs: once a column is sorted, the alternatives beating or beaten
 * by a value x by more than a threshold form a prefix or suffix of it, whose size is a pointer
 * and whose sum is a prefix-sum difference. Visiting the values in increasing order, every
 * pointer only moves forward, so each piecewise-linear preference function (usual, U-shape,
 * V-shape, level, linear) costs O(m log m) per criterion, the sort included. The gaussian
 * function has no such decomposition: it sums exp(−d²/2s²) over the alternatives within 10 s
 * (beyond, the preference is 1 to double precision), which is quadratic in the worst case.
 */

/** Beyond 10 s, 1 − exp(−d²/2s²) = 1 − 2·10⁻²² rounds to exactly 1. */
const GAUSSIAN_REACH = 10;

/**
 * For each position k of a sorted column, how many values are below sorted[k] + offset — or at
 * most that with `inclusive` — which is also the index where they end. As k grows the limit
 * grows, so one pointer sweeps the column once: O(m).
 */
function countsUpTo(sorted: Float64Array, offset: number, inclusive: boolean): Float64Array {
  const m = sorted.length;
  const counts = new Float64Array(m);
  let index = 0;
  for (let k = 0; k < m; k++) {
    const limit = (sorted[k] as number) + offset;
    if (inclusive) while (index < m && (sorted[index] as number) <= limit) index++;
    else while (index < m && (sorted[index] as number) < limit) index++;
    counts[k] = index;
  }
  return counts;
}

/**
 * The preference of every alternative over all others (plus) and of all others over it (minus)
 * on one criterion, as sums over the m alternatives; d is the difference in the preferred
 * direction and P(d) = 0 for d ≤ 0 in all six functions.
 */
export function unicriterionSums(values: Float64Array, benefit: boolean, preference: Preference | undefined): { plus: Float64Array; minus: Float64Array } {
  const m = values.length;
  // Oriented so that higher is better.
  const y = benefit ? values : values.map((x) => -x);
  const order = argsortDoubles(y);
  const sorted = new Float64Array(m);
  for (let k = 0; k < m; k++) sorted[k] = y[order[k] as number] as number;
  // Prefix sums of the values measured from the smallest, which keeps them small and exact.
  const low = sorted[0] ?? 0;
  const prefix = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) prefix[k + 1] = (prefix[k] as number) + ((sorted[k] as number) - low);

  // over[k] = Σ_b P(sorted[k] − y_b): how strongly the k-th smallest value beats the others;
  // under[k] = Σ_b P(y_b − sorted[k]): how strongly the others beat it.
  const over = new Float64Array(m);
  const under = new Float64Array(m);
  const fn = preference?.function ?? 'usual';
  if (fn === 'gaussian') gaussianSums(sorted, preference?.s ?? 1, over, under);
  else {
    // Every other function is a ramp from 0 at d = lower to 1 at d = upper: a step when they
    // coincide (usual at 0, U-shape at q), a slope (V-shape from 0 to p, linear from q to p),
    // or a half-step (level: 1/2 between q and p).
    const q = preference?.q ?? 0;
    const p = preference?.p ?? 0;
    const lower = fn === 'usual' || fn === 'vshape' ? 0 : q;
    const upper = fn === 'usual' ? 0 : fn === 'ushape' ? q : p;
    const overFull = countsUpTo(sorted, -upper, false); // y_b < x − upper: d > upper
    const overSome = countsUpTo(sorted, -lower, false); // y_b < x − lower: d > lower
    const underFull = countsUpTo(sorted, upper, true); // y_b ≤ x + upper: d ≤ upper
    const underNone = countsUpTo(sorted, lower, true); // y_b ≤ x + lower: d ≤ lower
    const span = upper - lower;
    for (let k = 0; k < m; k++) {
      const x = sorted[k] as number;
      const full = overFull[k] as number;
      const some = overSome[k] as number;
      const end = underFull[k] as number;
      const start = underNone[k] as number;
      if (span === 0) {
        over[k] = some;
        under[k] = m - start;
      } else if (fn === 'level') {
        over[k] = full + 0.5 * (some - full);
        under[k] = m - end + 0.5 * (end - start);
      } else {
        // Σ over the ramp of (d − lower)/span, with d = x − y_b (over) or y_b − x (under).
        const shifted = x - low;
        over[k] = full + ((some - full) * (shifted - lower) - ((prefix[some] as number) - (prefix[full] as number))) / span;
        under[k] = m - end + ((prefix[end] as number) - (prefix[start] as number) - (end - start) * (shifted + lower)) / span;
      }
    }
  }

  const plus = new Float64Array(m);
  const minus = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = order[k] as number;
    plus[i] = over[k] as number;
    minus[i] = under[k] as number;
  }
  return { plus, minus };
}

/**
 * Each pair within reach is computed once and credited to both sides: the preference of the
 * larger value k over the smaller b is over[k]'s share and under[b]'s. Pairs beyond reach count 1
 * on both sides, tallied from the same windows so a pair is never counted twice.
 */
function gaussianSums(sorted: Float64Array, s: number, over: Float64Array, under: Float64Array): void {
  const m = sorted.length;
  const twoS2 = 2 * s * s;
  const far = countsUpTo(sorted, -GAUSSIAN_REACH * s, false); // b < far[k]: beyond reach below k
  const below = countsUpTo(sorted, 0, false); // b < below[k]: strictly below k
  // beyond[b] ends up as the number of k with b < far[k], via a difference array.
  const beyond = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    const x = sorted[k] as number;
    const start = far[k] as number;
    beyond[0] = (beyond[0] as number) + 1;
    beyond[start] = (beyond[start] as number) - 1;
    let total = start;
    for (let b = start; b < (below[k] as number); b++) {
      const d = x - (sorted[b] as number);
      const preference = 1 - Math.exp((-d * d) / twoS2);
      total += preference;
      under[b] = (under[b] as number) + preference;
    }
    over[k] = total;
  }
  let running = 0;
  for (let b = 0; b < m; b++) {
    running += beyond[b] as number;
    under[b] = (under[b] as number) + running;
  }
}

export function prometheeModel(input: MethodInput): MethodModel {
  const { raw, benefit, preferences } = input;
  const { rows: m, cols: n } = raw;
  const plus = new Matrix(m, n);
  const minus = new Matrix(m, n);
  const net = new Matrix(m, n);
  // A lone alternative has no one to compare with: its flows are 0.
  const pairs = Math.max(1, m - 1);
  for (let j = 0; j < n; j++) {
    const sums = unicriterionSums(raw.column(j), benefit[j] ?? true, preferences[j]);
    for (let i = 0, index = j; i < m; i++, index += n) {
      const p = (sums.plus[i] as number) / pairs;
      const q = (sums.minus[i] as number) / pairs;
      plus.data[index] = p;
      minus.data[index] = q;
      net.data[index] = p - q;
    }
  }
  return {
    linear: net,
    merit: (weights) => linearMerit(net, weights),
    outcome: (weights) => {
      const phiPlus = Array.from(linearMerit(plus, weights));
      const phiMinus = Array.from(linearMerit(minus, weights));
      const phi = phiPlus.map((x, i) => x - (phiMinus[i] ?? 0));
      return {
        scores: phi,
        contributions: weightedTable(net, weights),
        normalized: net,
        details: { method: 'promethee2', phiPlus, phiMinus, phi },
      };
    },
  };
}
