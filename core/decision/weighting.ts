import { analyzePairwise, CR_THRESHOLD, type PairwiseAnalysis } from './ahp.ts';
import type { GroupInput } from './group.ts';
import { Matrix } from './matrix.ts';
import { show } from './problems.ts';
import type { Consistency, DecisionProblem, DecisionResult, Warning } from './schema.ts';
import { normalizeToSum, rocWeights, swingWeights } from './weights.ts';

export interface ResolvedWeights {
  /** The weights the method uses, in criteria order. */
  weights: number[];
  consistency?: DecisionResult['consistency'];
  /** ahp-hierarchy: local priorities, alternatives × criteria. */
  local?: Matrix;
}

function consistencyWarnings(consistency: Consistency, path: (string | number)[], what: string, warnings: Warning[]): void {
  if (consistency.cr === null)
    warnings.push({
      code: 'no_random_index',
      path,
      message: `no Saaty (1980) random index exists for ${consistency.n} × ${consistency.n} matrices, so the consistency ratio of ${what} is not computed; set weighting.randomIndex to get one`,
    });
  else if (consistency.cr > CR_THRESHOLD)
    warnings.push({
      code: 'inconsistent_judgments',
      path,
      message: `the judgments in ${what} are inconsistent: CR = ${show(consistency.cr)} is above ${CR_THRESHOLD}; revisit the comparisons that contradict the others`,
    });
}

/** The criteria pairwise matrix to use: the group's geometric mean if participants gave judgments. */
function criteriaJudgments(
  own: number[][] | undefined,
  group: GroupInput | undefined,
  path: (string | number)[],
  warnings: Warning[],
): { rows: number[][]; path: (string | number)[]; what: string } {
  if (group?.pairwise !== undefined) {
    if (own !== undefined)
      warnings.push({ code: 'participants_override', path, message: "the participants' pairwise judgments are used; this matrix is ignored" });
    return { rows: group.pairwise, path: ['participants'], what: "the participants' combined criteria comparisons" };
  }
  return { rows: own ?? [], path, what: 'the criteria comparisons' };
}

/**
 * Turns the problem's weighting (and any group input) into the weights the method uses, with
 * AHP consistency where pairwise judgments are involved.
 */
export function resolveWeights(problem: DecisionProblem, group: GroupInput | undefined, warnings: Warning[]): ResolvedWeights {
  const { criteria, weighting } = problem;
  const n = criteria.length;
  if (weighting.method !== 'direct' && criteria.some((c) => c.weight !== undefined))
    warnings.push({
      code: 'weights_ignored',
      path: ['criteria'],
      message: `the criteria's own weights are ignored because weighting.method is "${weighting.method}"`,
    });

  let resolved: ResolvedWeights;
  switch (weighting.method) {
    case 'direct': {
      let raw: number[];
      if (group?.weights !== undefined) {
        if (criteria.some((c) => c.weight !== undefined))
          warnings.push({ code: 'participants_override', path: ['criteria'], message: "the participants' combined weights are used instead of the criteria's own" });
        raw = group.weights;
      } else if (criteria.every((c) => c.weight === undefined)) {
        warnings.push({ code: 'equal_weights', path: ['criteria'], message: 'no criterion has a weight, so all criteria weigh the same' });
        raw = criteria.map(() => 1 / n);
      } else raw = criteria.map((c) => c.weight ?? 0);
      resolved = { weights: problem.normalizeWeights ? normalizeToSum(raw) : raw };
      break;
    }
    case 'roc':
      resolved = { weights: rocWeights(weighting.ranks) };
      break;
    case 'swing':
      resolved = { weights: swingWeights(weighting.points) };
      break;
    case 'ahp': {
      const judgments = criteriaJudgments(weighting.pairwise, group, ['weighting', 'pairwise'], warnings);
      const analysis = analyzePairwise(judgments.rows, weighting.priority, weighting.randomIndex);
      consistencyWarnings(analysis.consistency, judgments.path, judgments.what, warnings);
      resolved = { weights: analysis.priorities, consistency: analysis.consistency };
      break;
    }
    case 'ahp-hierarchy': {
      const judgments = criteriaJudgments(weighting.criteria, group, ['weighting', 'criteria'], warnings);
      const top = analyzePairwise(judgments.rows, weighting.priority, weighting.randomIndex);
      consistencyWarnings(top.consistency, judgments.path, judgments.what, warnings);
      const m = problem.alternatives.length;
      const local = new Matrix(m, n);
      const localConsistency: Record<string, Consistency> = {};
      criteria.forEach((criterion, j) => {
        const analysis: PairwiseAnalysis = analyzePairwise(weighting.alternatives[criterion.id] ?? [], weighting.priority, weighting.randomIndex);
        analysis.priorities.forEach((p, i) => local.set(i, j, p));
        localConsistency[criterion.id] = analysis.consistency;
        consistencyWarnings(analysis.consistency, ['weighting', 'alternatives', criterion.id], `the comparisons of the alternatives on "${criterion.id}"`, warnings);
      });
      resolved = { weights: top.priorities, consistency: { ...top.consistency, local: localConsistency }, local };
      break;
    }
  }

  resolved.weights.forEach((w, j) => {
    if (w === 0)
      warnings.push({ code: 'zero_weight', path: ['criteria', j], message: `criterion "${criteria[j]?.id}" has weight 0 and does not affect the result` });
  });
  return resolved;
}
