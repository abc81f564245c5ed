import { Matrix } from '../matrix.ts';
import { weightedTable, type MethodInput, type MethodModel } from './model.ts';

/**
 * TOPSIS (Hwang & Yoon 1981). On the weighted normalised matrix vᵢⱼ = wⱼ·rᵢⱼ the ideal and
 * anti-ideal are the column max and min; closeness = D⁻ / (D⁺ + D⁻). Because weights are
 * non-negative, the ideal is wⱼ·max r, so the squared gaps to max r and min r are computed once
 * and each new weight vector costs one pass. With the default vector normalisation (cost as
 * 1 − x/‖x‖, which leaves every distance unchanged) this is the classic Hwang–Yoon method.
 */
export function topsisModel(input: MethodInput): MethodModel {
  const r = input.normalized;
  const { rows: m, cols: n } = r;
  const best = new Float64Array(n).fill(-Infinity);
  const worst = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      best[j] = Math.max(best[j] as number, r.get(i, j));
      worst[j] = Math.min(worst[j] as number, r.get(i, j));
    }
  const gapToBest = new Matrix(m, n);
  const gapToWorst = new Matrix(m, n);
  for (let i = 0, index = 0; i < m; i++)
    for (let j = 0; j < n; j++, index++) {
      const x = r.data[index] as number;
      gapToBest.data[index] = ((best[j] as number) - x) ** 2;
      gapToWorst.data[index] = (x - (worst[j] as number)) ** 2;
    }

  // Scratch space for merit(), which SMAA calls thousands of times.
  const squaredWeights = new Float64Array(n);
  const scratchPlus = new Float64Array(m);
  const scratchMinus = new Float64Array(m);

  /** Squared distances to the ideal and anti-ideal, written into the given arrays. */
  const squaredDistances = (weights: Float64Array, plus: Float64Array, minus: Float64Array): void => {
    for (let j = 0; j < n; j++) squaredWeights[j] = (weights[j] as number) * (weights[j] as number);
    for (let i = 0, index = 0; i < m; i++) {
      let p = 0;
      let q = 0;
      for (let j = 0; j < n; j++, index++) {
        p += (squaredWeights[j] as number) * (gapToBest.data[index] as number);
        q += (squaredWeights[j] as number) * (gapToWorst.data[index] as number);
      }
      plus[i] = p;
      minus[i] = q;
    }
  };
  // D⁺ + D⁻ = 0 only when an alternative sits at both the ideal and the anti-ideal, i.e. no
  // weighted criterion separates anyone: everyone is then equally close (0.5).
  const closeness = (dPlus: number, dMinus: number): number => (dPlus + dMinus === 0 ? 0.5 : dMinus / (dPlus + dMinus));

  return {
    linear: null,
    merit: (weights) => {
      squaredDistances(weights, scratchPlus, scratchMinus);
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) out[i] = closeness(Math.sqrt(scratchPlus[i] as number), Math.sqrt(scratchMinus[i] as number));
      return out;
    },
    outcome: (weights) => {
      const plus = new Float64Array(m);
      const minus = new Float64Array(m);
      squaredDistances(weights, plus, minus);
      for (let i = 0; i < m; i++) {
        plus[i] = Math.sqrt(plus[i] as number);
        minus[i] = Math.sqrt(minus[i] as number);
      }
      return {
        scores: Array.from(plus, (p, i) => closeness(p, minus[i] as number)),
        contributions: weightedTable(r, weights),
        details: {
          method: 'topsis',
          dPlus: Array.from(plus),
          dMinus: Array.from(minus),
          ideal: Array.from(best, (x, j) => x * (weights[j] as number)),
          antiIdeal: Array.from(worst, (x, j) => x * (weights[j] as number)),
        },
      };
    },
  };
}
