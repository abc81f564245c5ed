import { analyzePairwise, reciprocalMatrix } from './ahp.ts';
import { normalizeToSum } from './weights.ts';
import type { DecisionProblem, Group, Spread } from './schema.ts';

/**
 * Group input: every participant's judgments are combined cell by cell with the geometric mean,
 * the aggregation that keeps pairwise matrices reciprocal and respects ratio scales (Aczél &
 * Saaty 1983). Disagreement per cell is the geometric standard deviation (GSD) of the
 * individual values: 1 means everyone agrees, 2 means a typical individual value is off from the
 * group value by a factor of 2. Min and max are reported alongside.
 */

/** How many cells to name in `mostDisagreement`. */
const MOST_DISAGREEMENT = 5;

export function spreadOf(values: readonly number[]): Spread {
  const count = values.length;
  let logSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    logSum += Math.log(x);
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  // Unanimity gives exactly the shared value, not exp(ln x) with its rounding.
  if (min === max) return { mean: min, gsd: 1, min, max, count };
  const logMean = logSum / count;
  let squares = 0;
  for (const x of values) squares += (Math.log(x) - logMean) ** 2;
  return { mean: Math.exp(logMean), gsd: Math.exp(Math.sqrt(squares / count)), min, max, count };
}

/** Cell-wise geometric mean of square reciprocal matrices, with the spread of every cell. */
export function aggregatePairwise(matrices: readonly (readonly (readonly number[])[])[]): { matrix: number[][]; spread: Spread[][] } {
  const exact = matrices.map((m) => reciprocalMatrix(m));
  const n = exact[0]?.rows ?? 0;
  const spread: Spread[][] = [];
  for (let i = 0; i < n; i++) {
    const row: Spread[] = [];
    for (let k = 0; k < n; k++) row.push(spreadOf(exact.map((a) => a.get(i, k))));
    spread.push(row);
  }
  return { matrix: spread.map((row) => row.map((cell) => cell.mean)), spread };
}

export interface GroupInput {
  /** Geometric means of the participants' weight shares, in criteria order. */
  weights?: number[];
  /** Geometric-mean pairwise matrix of the criteria. */
  pairwise?: number[][];
  /** Geometric-mean decision matrix; null where nobody gave a value. */
  matrix?: (number | null)[][];
  report: Group;
}

interface Candidate {
  path: (string | number)[];
  label: string;
  spread: Spread;
}

export function aggregateParticipants(problem: DecisionProblem): GroupInput | undefined {
  const participants = problem.participants;
  if (participants === undefined) return undefined;
  const criteria = problem.criteria;
  const alternatives = problem.alternatives;
  const criterion = (j: number): string => criteria[j]?.name ?? criteria[j]?.id ?? String(j);
  const alternative = (i: number): string => alternatives[i]?.name ?? alternatives[i]?.id ?? String(i);
  const candidates: Candidate[] = [];
  const result: GroupInput = { report: { participants: participants.map((p) => p.name), mostDisagreement: [] } };

  const weightSets = participants.flatMap((p) => (p.weights === undefined ? [] : [normalizeToSum(p.weights)]));
  if (weightSets.length > 0) {
    const spreads = criteria.map((_, j) => spreadOf(weightSets.map((w) => w[j] ?? 0)));
    result.weights = spreads.map((s) => s.mean);
    result.report.weights = spreads;
    spreads.forEach((spread, j) => candidates.push({ path: ['weights', j], label: `weight of "${criterion(j)}"`, spread }));
  }

  const pairwiseSets = participants.flatMap((p) => (p.pairwise === undefined ? [] : [p.pairwise]));
  if (pairwiseSets.length > 0) {
    const { matrix, spread } = aggregatePairwise(pairwiseSets);
    result.pairwise = matrix;
    result.report.pairwise = spread;
    // Validation admits pairwise judgments only with an AHP weighting.
    const weighting = problem.weighting;
    const ahp = weighting.method === 'ahp' || weighting.method === 'ahp-hierarchy';
    const priority = ahp ? weighting.priority : 'eigenvector';
    const choice = ahp ? weighting.randomIndex : 'saaty1980';
    result.report.participantCr = participants.map((p) => (p.pairwise === undefined ? null : analyzePairwise(p.pairwise, priority, choice).consistency.cr));
    spread.forEach((row, i) =>
      row.forEach((cell, k) => {
        if (k > i)
          candidates.push({ path: ['pairwise', i, k], label: `"${criterion(i)}" vs "${criterion(k)}"`, spread: cell });
      }),
    );
  }

  const matrixSets = participants.flatMap((p) => (p.matrix === undefined ? [] : [p.matrix]));
  if (matrixSets.length > 0) {
    const spreads = alternatives.map((_, i) =>
      criteria.map((_, j) => {
        const values = matrixSets.flatMap((m) => {
          const value = m[i]?.[j];
          return value === null || value === undefined ? [] : [value];
        });
        return values.length === 0 ? null : spreadOf(values);
      }),
    );
    result.matrix = spreads.map((row) => row.map((cell) => cell?.mean ?? null));
    result.report.matrix = spreads;
    spreads.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (cell !== null)
          candidates.push({
            path: ['matrix', i, j],
            label: `"${alternative(i)}" on "${criterion(j)}"`,
            spread: cell,
          });
      }),
    );
  }

  result.report.mostDisagreement = candidates
    .filter((c) => c.spread.gsd > 1 + 1e-12)
    .sort((a, b) => b.spread.gsd - a.spread.gsd)
    .slice(0, MOST_DISAGREEMENT)
    .map((c) => ({ path: c.path, label: c.label, gsd: c.spread.gsd, min: c.spread.min, max: c.spread.max }));
  return result;
}
