import { Matrix } from '../matrix.ts';
import type { MethodInput, MethodModel } from './model.ts';

/**
 * VIKOR (Opricovic 1998; Opricovic & Tzeng 2004) on the raw values. The regret of alternative i
 * on criterion j is dᵢⱼ = (f*ⱼ − fᵢⱼ)/(f*ⱼ − f⁻ⱼ) with f* the best and f⁻ the worst value;
 * S = Σ wⱼ·dᵢⱼ (group utility), R = max wⱼ·dᵢⱼ (individual regret),
 * Q = v·(S − S*)/(S⁻ − S*) + (1 − v)·(R − R*)/(R⁻ − R*). Lower Q is better.
 * A criterion with f* = f⁻ gives no regret to anyone; a term whose range is 0 is 0.
 */
export function vikorModel(input: MethodInput): MethodModel {
  const { raw, benefit, v } = input;
  const { rows: m, cols: n } = raw;
  const regret = new Matrix(m, n);
  for (let j = 0; j < n; j++) {
    const column = raw.column(j);
    let max = -Infinity;
    let min = Infinity;
    for (const x of column) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    const best = benefit[j] === false ? min : max;
    const worst = benefit[j] === false ? max : min;
    for (let i = 0; i < m; i++) regret.set(i, j, best === worst ? 0 : (best - (column[i] as number)) / (best - worst));
  }

  /** Fills S and R for these weights and returns a new Q. */
  const indices = (weights: Float64Array, S: Float64Array, R: Float64Array): Float64Array => {
    let sBest = Infinity;
    let sWorst = -Infinity;
    let rBest = Infinity;
    let rWorst = -Infinity;
    for (let i = 0; i < m; i++) {
      let sum = 0;
      let worstRegret = 0;
      const base = i * n;
      for (let j = 0; j < n; j++) {
        const term = (weights[j] as number) * (regret.data[base + j] as number);
        sum += term;
        if (term > worstRegret) worstRegret = term;
      }
      S[i] = sum;
      R[i] = worstRegret;
      sBest = Math.min(sBest, sum);
      sWorst = Math.max(sWorst, sum);
      rBest = Math.min(rBest, worstRegret);
      rWorst = Math.max(rWorst, worstRegret);
    }
    const Q = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const s = sWorst === sBest ? 0 : ((S[i] as number) - sBest) / (sWorst - sBest);
      const r = rWorst === rBest ? 0 : ((R[i] as number) - rBest) / (rWorst - rBest);
      Q[i] = v * s + (1 - v) * r;
    }
    return Q;
  };
  // Scratch space for merit(), which SMAA calls thousands of times; outcome() allocates its own.
  const scratchS = new Float64Array(m);
  const scratchR = new Float64Array(m);

  return {
    linear: null,
    merit: (weights) => {
      const Q = indices(weights, scratchS, scratchR);
      for (let i = 0; i < m; i++) Q[i] = -(Q[i] as number);
      return Q;
    },
    outcome: (weights) => {
      const S = new Float64Array(m);
      const R = new Float64Array(m);
      const Q = indices(weights, S, R);
      const conditions = compromise(S, R, Q);
      return {
        scores: Array.from(Q),
        contributions: regret.map((d, _i, j) => d * (weights[j] as number)).toArrays(),
        normalized: regret.map((d) => 1 - d),
        details: {
          method: 'vikor',
          v,
          S: Array.from(S),
          R: Array.from(R),
          Q: Array.from(Q),
          dq: conditions.dq,
          acceptableAdvantage: conditions.advantage,
          acceptableStability: conditions.stability,
          compromise: conditions.set.map((i) => input.alternativeIds[i] ?? String(i)),
        },
      };
    },
  };
}

const EPSILON = 1e-12;

/**
 * The compromise conditions of Opricovic & Tzeng (2004): C1 acceptable advantage,
 * Q(a″) − Q(a′) ≥ DQ = 1/(m − 1); C2 acceptable stability, a′ is also best by S or by R.
 * Both hold: {a′}. Only C2 fails: {a′, a″}. C1 fails: every a with Q(a) − Q(a′) < DQ.
 */
export function compromise(
  S: Float64Array,
  R: Float64Array,
  Q: Float64Array,
): { set: number[]; dq: number; advantage: boolean; stability: boolean } {
  const m = Q.length;
  const order = Array.from(Q.keys()).sort((a, b) => (Q[a] as number) - (Q[b] as number) || a - b);
  const first = order[0] ?? 0;
  if (m < 2) return { set: [first], dq: 0, advantage: true, stability: true };
  const second = order[1] ?? 0;
  const dq = 1 / (m - 1);
  const advantage = (Q[second] as number) - (Q[first] as number) >= dq - EPSILON;
  const minimum = (values: Float64Array): number => values.reduce((lo, x) => Math.min(lo, x), Infinity);
  const stability = (S[first] as number) <= minimum(S) + EPSILON || (R[first] as number) <= minimum(R) + EPSILON;
  let set: number[];
  if (!advantage) set = order.filter((i) => (Q[i] as number) - (Q[first] as number) < dq - EPSILON);
  else if (!stability) set = [first, second];
  else set = [first];
  return { set, dq, advantage, stability };
}
