import { expect } from 'vitest';
import type { DecisionProblemInput, Method } from '../../../core/decision/index.ts';

export type Kind = 'benefit' | 'cost';

/** A problem with alternatives a1…am and criteria c1…cn, the way the published examples state them. */
export function problem(
  matrix: (number | null)[][],
  weights: number[] | null,
  types: Kind[] | Kind,
  method: Method,
  extra: Partial<DecisionProblemInput> = {},
): DecisionProblemInput {
  const n = matrix[0]?.length ?? weights?.length ?? 0;
  return {
    alternatives: matrix.map((_, i) => ({ id: `a${i + 1}` })),
    criteria: Array.from({ length: n }, (_, j) => ({
      id: `c${j + 1}`,
      type: typeof types === 'string' ? types : (types[j] ?? 'benefit'),
      ...(weights === null ? {} : { weight: weights[j] ?? 0 }),
    })),
    matrix,
    method,
    ...extra,
  };
}

/** Element-wise |actual − expected| ≤ tolerance, with the index in the failure message. */
export function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    const want = expected[i] ?? NaN;
    if (!(Math.abs(value - want) <= tolerance)) expect.fail(`[${i}]: ${value} differs from ${want} by more than ${tolerance}`);
  });
}

export const ids = (n: number, prefix: string): { id: string }[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}` }));

/**
 * Papathanasiou, J. & Ploskas, N. (2018), Multiple Criteria Decision Aid: Methods, Examples and
 * Python Implementations, Springer: the six-alternative, four-criterion example shared by the
 * TOPSIS, VIKOR and PROMETHEE chapters (all criteria maximised, weights 0.4, 0.3, 0.1, 0.2).
 */
export const PAPATHANASIOU = [
  [8, 7, 2, 1],
  [5, 3, 7, 5],
  [7, 5, 6, 4],
  [9, 9, 7, 3],
  [11, 10, 3, 7],
  [6, 9, 5, 4],
];
export const PAPATHANASIOU_WEIGHTS = [0.4, 0.3, 0.1, 0.2];
