import { linearMerit, weightedTable, type MethodInput, type MethodModel } from './model.ts';

/** Weighted sum (Fishburn 1967; Triantaphyllou 2000): Σⱼ wⱼ·rᵢⱼ on the normalised matrix. */
export function wsmModel(input: MethodInput): MethodModel {
  const r = input.normalized;
  return {
    linear: r,
    merit: (weights) => linearMerit(r, weights),
    outcome: (weights) => ({
      scores: Array.from(linearMerit(r, weights)),
      contributions: weightedTable(r, weights),
      details: { method: 'wsm' },
    }),
  };
}
