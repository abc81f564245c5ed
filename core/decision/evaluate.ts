import { aggregateParticipants, type GroupInput } from './group.ts';
import type { Matrix } from './matrix.ts';
import type { MethodInput, MethodModel } from './methods/model.ts';
import { prometheeModel } from './methods/promethee.ts';
import { topsisModel } from './methods/topsis.ts';
import { vikorModel } from './methods/vikor.ts';
import { wpmModel } from './methods/wpm.ts';
import { wsmModel } from './methods/wsm.ts';
import { fillMissing } from './missing.ts';
import { defaultNormalization, isConstant, normalizeMatrix } from './normalize.ts';
import { failInvalid, show } from './problems.ts';
import { rankByMerit } from './rank.ts';
import type { DecisionProblem, DecisionResult, Method, Warning } from './schema.ts';
import { analyzeSensitivity } from './sensitivity.ts';
import { runSmaa } from './smaa.ts';
import { parseProblem } from './validate.ts';
import { resolveWeights, type ResolvedWeights } from './weighting.ts';

const MODELS: Record<Method, (input: MethodInput) => MethodModel> = {
  wsm: wsmModel,
  wpm: wpmModel,
  topsis: topsisModel,
  vikor: vikorModel,
  promethee2: prometheeModel,
};

/** VIKOR and PROMETHEE II compare raw values (thresholds are in the criterion's own unit). */
function usesRawValues(method: Method): boolean {
  return method === 'vikor' || method === 'promethee2';
}

/** The decision matrix to score: hierarchy priorities, the group's geometric means, or the file's own. */
function decisionMatrix(problem: DecisionProblem, group: GroupInput | undefined, resolved: ResolvedWeights, benefit: boolean[], warnings: Warning[]): Matrix {
  if (resolved.local !== undefined) {
    if (problem.matrix !== undefined)
      warnings.push({ code: 'matrix_ignored', path: ['matrix'], message: 'with ahp-hierarchy the alternatives are scored by their pairwise priorities; this matrix is ignored' });
    return resolved.local;
  }
  let rows = problem.matrix ?? [];
  if (group?.matrix !== undefined) {
    if (problem.matrix !== undefined)
      warnings.push({ code: 'participants_override', path: ['matrix'], message: "the participants' combined matrix is used; this matrix is ignored" });
    rows = group.matrix;
  }
  const names = { alternatives: problem.alternatives.map((a) => a.id), criteria: problem.criteria.map((c) => c.id) };
  return fillMissing(rows, benefit, names, warnings);
}

/**
 * Evaluates a decision problem: validates it (throwing AppError('invalid_args') with a path per
 * problem), derives the weights, scores and ranks the alternatives, and adds the optional group,
 * sensitivity and SMAA analyses. Pure: the same problem always gives the same result.
 */
export function evaluate(input: unknown | DecisionProblem): DecisionResult {
  const problem = parseProblem(input);
  const warnings: Warning[] = [];
  const { method, criteria, alternatives } = problem;
  const hierarchy = problem.weighting.method === 'ahp-hierarchy';
  const alternativeIds = alternatives.map((a) => a.id);
  const criterionIds = criteria.map((c) => c.id);

  // Pairwise priorities already say which alternative is preferred, so there is no cost direction left.
  const costs = criteria.filter((c) => c.type === 'cost');
  if (hierarchy && costs.length > 0)
    warnings.push({
      code: 'cost_ignored',
      path: ['criteria'],
      message: `with ahp-hierarchy the pairwise judgments already express preference; the cost type of ${costs.map((c) => `"${c.id}"`).join(', ')} is ignored`,
    });
  const benefit = criteria.map((c) => hierarchy || c.type === 'benefit');

  const group = aggregateParticipants(problem);
  const resolved = resolveWeights(problem, group, warnings);
  const raw = decisionMatrix(problem, group, resolved, benefit, warnings);

  for (let j = 0; j < raw.cols; j++)
    if (raw.rows > 1 && isConstant(raw.column(j)))
      warnings.push({ code: 'constant_column', path: ['criteria', j], message: `every alternative has the same value on "${criterionIds[j]}", so it does not separate them` });

  let normalization: DecisionResult['normalization'];
  let normalized: Matrix;
  if (usesRawValues(method)) {
    if (problem.normalization !== undefined)
      warnings.push({
        code: 'normalization_ignored',
        path: ['normalization'],
        message: `${method === 'vikor' ? 'VIKOR' : 'PROMETHEE II'} works on the raw values, so the "${problem.normalization}" normalisation is ignored`,
      });
    normalization = method === 'vikor' ? 'minmax' : 'unicriterion-flows';
    normalized = raw;
  } else {
    const kind = problem.normalization ?? defaultNormalization(method, hierarchy);
    normalization = kind;
    normalized = normalizeMatrix(raw, benefit, kind, method === 'wpm');
    if (method === 'wpm') requirePositive(normalized, kind, hierarchy);
  }

  const model = MODELS[method]({
    raw,
    normalized,
    benefit,
    preferences: criteria.map((c) => c.preference),
    v: problem.v,
    alternativeIds,
  });
  const weights = Float64Array.from(resolved.weights);
  const outcome = model.outcome(weights);
  const ranking = rankByMerit(model.merit(weights));
  for (const group of ranking.ties)
    warnings.push({
      code: 'tie',
      path: ['alternatives'],
      message: `${group.map((i) => `"${alternativeIds[i]}"`).join(', ')} tie (score ${show(outcome.scores[group[0] ?? 0] ?? 0)}) and share rank ${ranking.ranks[group[0] ?? 0]}`,
    });
  if (outcome.details.method === 'vikor' && outcome.details.compromise.length > 1)
    warnings.push({
      code: 'no_single_compromise',
      path: ['details', 'compromise'],
      message: `VIKOR's conditions single out no one alternative; the compromise set is ${outcome.details.compromise.map((id) => `"${id}"`).join(', ')}`,
    });

  const result: DecisionResult = {
    method,
    normalization,
    alternatives: alternativeIds,
    criteria: criterionIds,
    weights: resolved.weights,
    normalized: (outcome.normalized ?? normalized).toArrays(),
    scores: outcome.scores,
    ranks: ranking.ranks,
    ranking: ranking.order.map((i) => alternativeIds[i] ?? ''),
    contributions: outcome.contributions,
    details: outcome.details,
    warnings,
  };
  if (resolved.consistency !== undefined) result.consistency = resolved.consistency;
  if (group !== undefined) result.group = group.report;
  if (problem.sensitivity) result.sensitivity = analyzeSensitivity(model, resolved.weights, alternativeIds, criterionIds);
  if (problem.smaa !== undefined) result.smaa = runSmaa(model, criteria.length, problem.smaa.samples, problem.smaa.seed);
  return result;
}

/** WPM multiplies normalised values; a 0 (a cost at the column maximum under "max") would zero a product. */
function requirePositive(normalized: Matrix, kind: string, hierarchy: boolean): void {
  for (let i = 0; i < normalized.rows; i++)
    for (let j = 0; j < normalized.cols; j++)
      if (!(normalized.get(i, j) > 0))
        failInvalid([
          {
            path: hierarchy ? ['normalization'] : ['matrix', i, j],
            message: `becomes ${show(normalized.get(i, j))} after the "${kind}" normalisation, and WPM multiplies powers of the normalised values; use the "linear" normalisation (the WPM default)`,
          },
        ]);
}
