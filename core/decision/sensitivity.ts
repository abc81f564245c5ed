import type { MethodModel } from './methods/model.ts';
import { rankByMerit } from './rank.ts';
import type { Sensitivity } from './schema.ts';
import { normalizeToSum } from './weights.ts';

/**
 * One-at-a-time weight sensitivity. Criterion j's share of the total weight moves to t ∈ [0, 1]
 * while the other criteria keep their proportions: wₖ(t) = wₖ·(1 − t)/(1 − wⱼ). (If wⱼ is the
 * whole weight, the others share 1 − t equally.) For each criterion we report the interval of t
 * in which the current top alternative stays first, and the t nearest to the current share at
 * which two alternatives exchange places. Pairs that are already tied are left out: they are
 * reported as ties.
 *
 * When the merit is linear in the weights (WSM, WPM in logarithms, PROMETHEE II) every merit is
 * a line in t and both answers are solved exactly. TOPSIS and VIKOR are scanned on a grid of
 * steps of 1/GRID and refined by bisection, so a swap that happens and reverts within one step
 * can be missed.
 */
const GRID = 100;
const BISECTIONS = 40;

type Swap = { weight: number; pair: [number, number] } | null;

interface CriterionAnswer {
  topStays: { min: number; max: number };
  nearestSwap: Swap;
}

function weightsAt(shares: readonly number[], j: number, t: number): Float64Array {
  const n = shares.length;
  const current = shares[j] ?? 0;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (k === j) out[k] = t;
    else out[k] = current < 1 ? ((shares[k] ?? 0) * (1 - t)) / (1 - current) : (1 - t) / (n - 1);
  }
  return out;
}

/** Groups of tied alternatives, best group first (from a ranking's order and ranks). */
function groupsOf(merit: Float64Array): number[][] {
  const { order, ranks } = rankByMerit(merit);
  const groups: number[][] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last !== undefined && ranks[last[0] ?? 0] === ranks[i]) last.push(i);
    else groups.push([i]);
  }
  return groups;
}

function exactAnswer(coefficients: NonNullable<MethodModel['linear']>, shares: readonly number[], j: number, top: number): CriterionAnswer {
  const { rows: m, cols: n } = coefficients;
  const t0 = shares[j] ?? 0;
  // merit_i(t) = alpha_i + beta_i·t
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let rest = 0;
    for (let k = 0; k < n; k++) if (k !== j) rest += t0 < 1 ? (shares[k] ?? 0) * coefficients.get(i, k) : coefficients.get(i, k) / (n - 1);
    if (t0 < 1) rest /= 1 - t0;
    alpha[i] = rest;
    beta[i] = coefficients.get(i, j) - rest;
  }

  let min = 0;
  let max = 1;
  for (let k = 0; k < m; k++) {
    if (k === top) continue;
    const da = (alpha[top] as number) - (alpha[k] as number);
    const db = (beta[top] as number) - (beta[k] as number);
    if (Math.abs(db) < 1e-15) continue; // parallel lines keep their order everywhere
    const crossing = -da / db;
    if (db > 0) min = Math.max(min, crossing);
    else max = Math.min(max, crossing);
  }

  const merit = alpha.map((a, i) => a + (beta[i] as number) * t0);
  const groups = groupsOf(merit);
  let nearestSwap: Swap = null;
  for (let g = 0; g + 1 < groups.length; g++)
    for (const a of groups[g] ?? [])
      for (const b of groups[g + 1] ?? []) {
        const slope = (beta[a] as number) - (beta[b] as number);
        if (slope === 0) continue;
        const t = ((alpha[b] as number) - (alpha[a] as number)) / slope;
        // At 0 or 1 the lines can only meet, not cross: a tie at the edge, not a swap.
        if (t <= 0 || t >= 1) continue;
        if (nearestSwap === null || Math.abs(t - t0) < Math.abs(nearestSwap.weight - t0)) nearestSwap = { weight: t, pair: [a, b] };
      }
  return { topStays: { min: Math.min(min, t0), max: Math.max(max, t0) }, nearestSwap };
}

function tolerance(merit: Float64Array): number {
  let scale = 0;
  for (const x of merit) scale = Math.max(scale, Math.abs(x));
  return 1e-9 * (1 + scale);
}

function numericAnswer(model: MethodModel, shares: readonly number[], j: number, top: number): CriterionAnswer {
  const t0 = shares[j] ?? 0;
  // Both scans visit the same grid points: evaluate each once.
  const seen = new Map<number, Float64Array>();
  const meritAt = (t: number): Float64Array => {
    let merit = seen.get(t);
    if (merit === undefined) {
      merit = model.merit(weightsAt(shares, j, t));
      seen.set(t, merit);
    }
    return merit;
  };
  const groups = groupsOf(meritAt(t0));

  const topHolds = (t: number): boolean => {
    const merit = meritAt(t);
    const tol = tolerance(merit);
    for (let k = 0; k < merit.length; k++) if (k !== top && (merit[k] as number) > (merit[top] as number) + tol) return false;
    return true;
  };
  /** The adjacent-group pair most out of order at t, or null if the order of t0 still holds. */
  const violation = (t: number): [number, number] | null => {
    const merit = meritAt(t);
    const tol = tolerance(merit);
    let worst: [number, number] | null = null;
    let worstGap = -tol;
    for (let g = 0; g + 1 < groups.length; g++) {
      const upper = (groups[g] ?? []).reduce((lo, i) => ((merit[i] as number) < (merit[lo] as number) ? i : lo));
      const lower = (groups[g + 1] ?? []).reduce((hi, i) => ((merit[i] as number) > (merit[hi] as number) ? i : hi));
      const gap = (merit[upper] as number) - (merit[lower] as number);
      if (gap < worstGap) {
        worstGap = gap;
        worst = [upper, lower];
      }
    }
    return worst;
  };

  /** Walks the grid from t0 towards `end`; the first point where `holds` fails, refined by bisection. */
  const boundary = (holds: (t: number) => boolean, end: 0 | 1): number | null => {
    let good = t0;
    for (let k = 1; k <= GRID + 1; k++) {
      const t = end === 1 ? Math.min(1, (Math.floor(t0 * GRID) + k) / GRID) : Math.max(0, (Math.ceil(t0 * GRID) - k) / GRID);
      if (holds(t)) {
        if (t === end) return null;
        good = t;
        continue;
      }
      let bad = t;
      for (let b = 0; b < BISECTIONS; b++) {
        const mid = (good + bad) / 2;
        if (holds(mid)) good = mid;
        else bad = mid;
      }
      return bad;
    }
    return null;
  };

  const upper = boundary(topHolds, 1);
  const lower = boundary(topHolds, 0);
  const sameOrder = (t: number): boolean => violation(t) === null;
  const swaps = [boundary(sameOrder, 1), boundary(sameOrder, 0)].filter((t): t is number => t !== null);
  swaps.sort((a, b) => Math.abs(a - t0) - Math.abs(b - t0));
  const swapAt = swaps[0];
  const pair = swapAt === undefined ? null : violation(swapAt);
  return {
    topStays: { min: lower ?? 0, max: upper ?? 1 },
    nearestSwap: swapAt === undefined || pair === null ? null : { weight: swapAt, pair },
  };
}

export function analyzeSensitivity(
  model: MethodModel,
  weights: readonly number[],
  alternativeIds: readonly string[],
  criterionIds: readonly string[],
): Sensitivity {
  const shares = normalizeToSum(weights);
  const n = shares.length;
  const top = rankByMerit(model.merit(Float64Array.from(shares))).order[0] ?? 0;
  const linear = model.linear;
  const criteria = criterionIds.map((criterion, j) => {
    const weight = shares[j] ?? 0;
    const answer: CriterionAnswer =
      n === 1
        ? { topStays: { min: 1, max: 1 }, nearestSwap: null }
        : linear !== null
          ? exactAnswer(linear, shares, j, top)
          : numericAnswer(model, shares, j, top);
    const swap = answer.nearestSwap;
    return {
      criterion,
      weight,
      topStays: answer.topStays,
      nearestSwap:
        swap === null
          ? null
          : { weight: swap.weight, alternatives: [alternativeIds[swap.pair[0]] ?? '', alternativeIds[swap.pair[1]] ?? ''] as [string, string] },
    };
  });
  return { top: alternativeIds[top] ?? '', solver: linear !== null ? 'exact' : 'numeric', criteria };
}

