import { linearMerit, weightedTable, type MethodInput, type MethodModel } from './model.ts';

/**
 * Weighted product (Bridgman 1922; Miller & Starr 1969): Πⱼ rᵢⱼ^wⱼ, computed in logarithms
 * where it is a weighted sum of ln r (validation guarantees r > 0). Contributions are wⱼ·ln rᵢⱼ
 * and add up to ln(score); a zero weight contributes ln 1 = 0, never 0·(−∞).
 */
export function wpmModel(input: MethodInput): MethodModel {
  const logs = input.normalized.map((r) => Math.log(r));
  return {
    linear: logs,
    merit: (weights) => linearMerit(logs, weights),
    outcome: (weights) => {
      const logScores = Array.from(linearMerit(logs, weights));
      return {
        scores: logScores.map((x) => Math.exp(x)),
        contributions: weightedTable(logs, weights),
        details: { method: 'wpm', logScores },
      };
    },
  };
}
