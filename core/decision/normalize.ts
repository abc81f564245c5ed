import { Matrix } from './matrix.ts';
import type { Method, Normalization } from './schema.ts';

/**
 * Default normalisation per method, chosen so each method works on any data it accepts:
 * WSM minmax (any real values, 0 = worst and 1 = best of the column); WPM linear (ratio-preserving
 * and strictly positive, as products of powers need); TOPSIS vector (the classic Hwang & Yoon
 * method). VIKOR and PROMETHEE II work on raw values and ignore normalisation. With
 * ahp-hierarchy the local priorities are already on one ratio scale, so the default is none.
 */
export function defaultNormalization(method: Method, hierarchy: boolean): Normalization {
  if (hierarchy) return 'none';
  switch (method) {
    case 'wpm':
      return 'linear';
    case 'topsis':
      return 'vector';
    default:
      return 'minmax';
  }
}

function extremes(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}

export function isConstant(values: ArrayLike<number>): boolean {
  const { min, max } = extremes(values);
  return min === max;
}

/**
 * Normalises one column so that higher is better afterwards. When the denominator is 0 (a
 * constant or all-zero column) every cell becomes 1: the criterion then separates no one, and 1
 * is neutral both in sums and in products. `multiplicative` only matters for `none`: a cost then
 * becomes 1/x (WPM's classic negative exponent) instead of −x.
 */
export function normalizeColumn(values: Float64Array, benefit: boolean, kind: Normalization, multiplicative = false): Float64Array {
  const m = values.length;
  const out = new Float64Array(m);
  const { min, max } = extremes(values);
  // Plain loops per case: this runs on every cell of every evaluation.
  switch (kind) {
    case 'none':
      for (let i = 0; i < m; i++) out[i] = benefit ? (values[i] as number) : multiplicative ? 1 / (values[i] as number) : -(values[i] as number);
      return out;
    case 'minmax': {
      const range = max - min;
      if (range === 0) return out.fill(1);
      for (let i = 0; i < m; i++) out[i] = benefit ? ((values[i] as number) - min) / range : (max - (values[i] as number)) / range;
      return out;
    }
    case 'max':
      if (max === 0) return out.fill(1);
      for (let i = 0; i < m; i++) out[i] = benefit ? (values[i] as number) / max : 1 - (values[i] as number) / max;
      return out;
    case 'sum': {
      let total = 0;
      for (let i = 0; i < m; i++) total += benefit ? (values[i] as number) : 1 / (values[i] as number);
      if (total === 0) return out.fill(1);
      for (let i = 0; i < m; i++) out[i] = (benefit ? (values[i] as number) : 1 / (values[i] as number)) / total;
      return out;
    }
    case 'vector': {
      let squares = 0;
      for (let i = 0; i < m; i++) squares += (values[i] as number) * (values[i] as number);
      const norm = Math.sqrt(squares);
      if (norm === 0) return out.fill(1);
      for (let i = 0; i < m; i++) out[i] = benefit ? (values[i] as number) / norm : 1 - (values[i] as number) / norm;
      return out;
    }
    case 'linear':
      if (benefit) {
        if (max === 0) return out.fill(1);
        for (let i = 0; i < m; i++) out[i] = (values[i] as number) / max;
        return out;
      }
      for (let i = 0; i < m; i++) out[i] = min / (values[i] as number);
      return out;
  }
}

export function normalizeMatrix(raw: Matrix, benefit: readonly boolean[], kind: Normalization, multiplicative = false): Matrix {
  const out = new Matrix(raw.rows, raw.cols);
  for (let j = 0; j < raw.cols; j++) out.setColumn(j, normalizeColumn(raw.column(j), benefit[j] ?? true, kind, multiplicative));
  return out;
}
