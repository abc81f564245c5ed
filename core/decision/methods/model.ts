import type { Matrix } from '../matrix.ts';
import type { Details, Preference } from '../schema.ts';

/** What every method receives: imputed raw values, the normalised matrix and each criterion's setup. */
export interface MethodInput {
  /** Raw values, alternatives × criteria, missing values already imputed. */
  raw: Matrix;
  /** Normalised so that higher is better (used by WSM, WPM and TOPSIS). */
  normalized: Matrix;
  benefit: readonly boolean[];
  preferences: readonly (Preference | undefined)[];
  /** VIKOR's weight of the majority-of-criteria strategy. */
  v: number;
  alternativeIds: readonly string[];
}

export interface Outcome {
  scores: number[];
  contributions: number[][];
  details: Details;
  /** The matrix to report as `normalized` when the method has its own view (VIKOR, PROMETHEE II). */
  normalized?: Matrix;
}

/**
 * A method prepared for one matrix: weight-independent work is done once, so evaluating new
 * weights (SMAA samples, sensitivity scans) costs only the weight-dependent part.
 */
export interface MethodModel {
  /** Higher is better; a strictly increasing image of the score (−Q for VIKOR, ln score for WPM). */
  merit(weights: Float64Array): Float64Array;
  /** When merit = Σⱼ wⱼ·cᵢⱼ, the coefficients c; sensitivity is then solved exactly. */
  readonly linear: Matrix | null;
  outcome(weights: Float64Array): Outcome;
}

export function linearMerit(coefficients: Matrix, weights: Float64Array): Float64Array {
  const { rows, cols, data } = coefficients;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    const base = i * cols;
    for (let j = 0; j < cols; j++) sum += (data[base + j] as number) * (weights[j] as number);
    out[i] = sum;
  }
  return out;
}

/** Each criterion's weighted coefficient, cᵢⱼ·wⱼ, as plain arrays for the result. */
export function weightedTable(coefficients: Matrix, weights: Float64Array): number[][] {
  const { rows, cols, data } = coefficients;
  const out: number[][] = [];
  for (let i = 0, index = 0; i < rows; i++) {
    const row = new Array<number>(cols);
    for (let j = 0; j < cols; j++, index++) row[j] = (data[index] as number) * (weights[j] as number);
    out.push(row);
  }
  return out;
}
