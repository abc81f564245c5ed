import { z } from 'zod';
import { problemsFromZod, type Problem } from '../api/result.ts';
import { failInvalid, ProblemList, show } from './problems.ts';
import { defaultNormalization } from './normalize.ts';
import { DecisionProblemSchema, type DecisionProblem, type Normalization } from './schema.ts';

/**
 * Users type 0.33 for 1/3 and 0.14 for 1/7; a 2 % tolerance accepts those and still catches
 * judgments entered the wrong way round (3 where 1/3 belongs is off by a factor of 9).
 */
export const RECIPROCAL_TOLERANCE = 0.02;

/**
 * Parses and checks a decision problem; throws invalid_args naming every field or cell that is
 * wrong. Checks that need the shape to be right (value domains) run only once the shape is.
 */
export function parseProblem(input: unknown): DecisionProblem {
  const parsed = DecisionProblemSchema.safeParse(input);
  if (!parsed.success) failInvalid(zodProblems(parsed.error));
  const problem = parsed.data;

  const list = new ProblemList();
  checkIds(problem, list);
  checkMatrix(problem, list);
  checkWeighting(problem, list);
  checkParticipants(problem, list);
  checkPreferences(problem, list);
  checkEvidence(problem, list);
  list.throwIfAny();

  checkValueDomains(problem, list);
  list.throwIfAny();
  return problem;
}

/**
 * The checks a saved decision must pass while someone is still filling it in: the file format,
 * unique ids, matrices shaped to the alternatives and criteria, citations that point somewhere.
 * What only blocks an evaluation (a criterion with no values yet, inconsistent judgments) is
 * left to parseProblem, whose message the editor shows beside the matrix.
 */
export function parseDraft(input: unknown): DecisionProblem {
  const parsed = DecisionProblemSchema.safeParse(input);
  if (!parsed.success) failInvalid(zodProblems(parsed.error));
  const problem = parsed.data;
  const list = new ProblemList();
  checkIds(problem, list);
  if (problem.matrix) checkShape(problem.matrix, problem, ['matrix'], list);
  problem.participants?.forEach((p, i) => {
    if (p.matrix) checkShape(p.matrix, problem, ['participants', i, 'matrix'], list);
  });
  checkEvidence(problem, list);
  list.throwIfAny();
  return problem;
}

/** Every citation must point at an alternative and a criterion of this problem. */
function checkEvidence(problem: DecisionProblem, list: ProblemList): void {
  const alternatives = new Set(problem.alternatives.map((a) => a.id));
  const criteria = new Set(problem.criteria.map((c) => c.id));
  problem.evidence.forEach((e, i) => {
    if (e.alternative !== undefined && !alternatives.has(e.alternative))
      list.add(['evidence', i, 'alternative'], `no alternative has id "${e.alternative}"`);
    if (!criteria.has(e.criterion)) list.add(['evidence', i, 'criterion'], `no criterion has id "${e.criterion}"`);
  });
}

/** zod's problems, except that an unknown key is reported at its own path, so a typo is easy to find. */
function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return problemsFromZod(new z.ZodError([issue]));
    const at = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    return issue.keys.map((key) => ({ path: [...at, key], message: `"${key}" is not a field here; check its spelling (see docs/decision-format.md)` }));
  });
}

function checkIds(problem: DecisionProblem, list: ProblemList): void {
  for (const key of ['alternatives', 'criteria'] as const) {
    const seen = new Map<string, number>();
    problem[key].forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else list.add([key, i, 'id'], `"${item.id}" is already the id of ${key}[${first}]; ids must be unique`);
    });
  }
}

function isHierarchy(problem: DecisionProblem): boolean {
  return problem.weighting.method === 'ahp-hierarchy';
}

function participantsGive(problem: DecisionProblem, key: 'weights' | 'pairwise' | 'matrix'): boolean {
  return problem.participants?.some((p) => p[key] !== undefined) ?? false;
}

function checkShape(
  rows: readonly (readonly unknown[])[],
  problem: DecisionProblem,
  path: (string | number)[],
  list: ProblemList,
): void {
  const m = problem.alternatives.length;
  const n = problem.criteria.length;
  if (rows.length !== m) {
    list.add(path, `has ${rows.length} rows but there are ${m} alternatives; give one row per alternative, in the order of "alternatives"`);
    return;
  }
  rows.forEach((row, i) => {
    if (row.length !== n)
      list.add(
        [...path, i],
        `row ${i} ("${problem.alternatives[i]?.id}") has ${row.length} values but there are ${n} criteria; give one value per criterion, in the order of "criteria"`,
      );
  });
}

function checkMatrix(problem: DecisionProblem, list: ProblemList): void {
  if (isHierarchy(problem) || participantsGive(problem, 'matrix')) return; // the matrix is derived, not read
  if (problem.matrix === undefined) {
    list.add(['matrix'], 'is required: one row per alternative and one column per criterion (null marks a missing value)');
    return;
  }
  const before = list.items.length;
  checkShape(problem.matrix, problem, ['matrix'], list);
  if (list.items.length > before) return;
  problem.criteria.forEach((criterion, j) => {
    if (problem.matrix?.every((row) => row[j] === null))
      list.add(['criteria', j], `every value of criterion "${criterion.id}" is missing (null); enter at least one value or remove the criterion`);
  });
}

/** Checks a pairwise comparison matrix: square of the right size, unit diagonal, reciprocal. */
export function checkPairwise(
  matrix: readonly (readonly number[])[],
  size: number,
  what: string,
  path: (string | number)[],
  list: ProblemList,
): void {
  if (matrix.length !== size) {
    list.add(path, `must be ${size} × ${size} (one row and one column per ${what}); it has ${matrix.length} rows`);
    return;
  }
  let ragged = false;
  matrix.forEach((row, i) => {
    if (row.length !== size) {
      list.add([...path, i], `row ${i} has ${row.length} values; a pairwise matrix of ${size} ${what} needs ${size}`);
      ragged = true;
    }
  });
  if (ragged) return;
  for (let i = 0; i < size && !list.full; i++) {
    const diagonal = matrix[i]?.[i] ?? 1;
    if (Math.abs(diagonal - 1) > 1e-9) list.add([...path, i, i], `compares an item with itself and must be 1; it is ${show(diagonal)}`);
    for (let k = i + 1; k < size; k++) {
      const upper = matrix[i]?.[k] ?? 1;
      const lower = matrix[k]?.[i] ?? 1;
      if (Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE)
        list.add(
          [...path, k, i],
          `must be the reciprocal of [${i}][${k}] = ${show(upper)}, i.e. ${show(1 / upper)}; it is ${show(lower)}`,
        );
    }
  }
}

function checkWeighting(problem: DecisionProblem, list: ProblemList): void {
  const n = problem.criteria.length;
  const m = problem.alternatives.length;
  const weighting = problem.weighting;
  const groupPairwise = participantsGive(problem, 'pairwise');
  switch (weighting.method) {
    case 'direct': {
      if (participantsGive(problem, 'weights')) return;
      const given = problem.criteria.filter((c) => c.weight !== undefined).length;
      if (given > 0 && given < n)
        problem.criteria.forEach((c, j) => {
          if (c.weight === undefined)
            list.add(['criteria', j, 'weight'], `is missing while other criteria have weights; give every criterion a weight, or none for equal weights`);
        });
      if (given === n && problem.criteria.every((c) => c.weight === 0))
        list.add(['criteria'], 'all weights are 0; give at least one criterion a positive weight');
      return;
    }
    case 'roc':
      if (weighting.ranks.length !== n)
        list.add(['weighting', 'ranks'], `has ${weighting.ranks.length} ranks but there are ${n} criteria; give one rank per criterion (1 = most important)`);
      weighting.ranks.forEach((rank, j) => {
        if (rank > n) list.add(['weighting', 'ranks', j], `is ${rank}, beyond the ${n} criteria; ranks run from 1 (most important) to ${n}`);
      });
      return;
    case 'swing':
      if (weighting.points.length !== n)
        list.add(['weighting', 'points'], `has ${weighting.points.length} values but there are ${n} criteria; give one swing score per criterion (100 for the most important swing)`);
      else if (weighting.points.every((p) => p === 0))
        list.add(['weighting', 'points'], 'are all 0; give the most important swing 100 and the others their value relative to it');
      return;
    case 'ahp':
      if (weighting.pairwise !== undefined) checkPairwise(weighting.pairwise, n, 'criterion', ['weighting', 'pairwise'], list);
      else if (!groupPairwise) list.add(['weighting', 'pairwise'], `is required: a ${n} × ${n} matrix comparing the criteria pairwise`);
      return;
    case 'ahp-hierarchy': {
      if (weighting.criteria !== undefined) checkPairwise(weighting.criteria, n, 'criterion', ['weighting', 'criteria'], list);
      else if (!groupPairwise) list.add(['weighting', 'criteria'], `is required: a ${n} × ${n} matrix comparing the criteria pairwise`);
      const ids = problem.criteria.map((c) => c.id);
      for (const key of Object.keys(weighting.alternatives))
        if (!ids.includes(key))
          list.add(['weighting', 'alternatives', key], `no criterion has id "${key}"; the criteria ids are ${ids.map((id) => `"${id}"`).join(', ')}`);
      for (const id of ids) {
        const matrix = weighting.alternatives[id];
        if (matrix === undefined)
          list.add(['weighting', 'alternatives'], `has no matrix for criterion "${id}"; give one ${m} × ${m} matrix comparing the alternatives for every criterion id`);
        else checkPairwise(matrix, m, 'alternative', ['weighting', 'alternatives', id], list);
      }
      return;
    }
  }
}

function checkParticipants(problem: DecisionProblem, list: ProblemList): void {
  const n = problem.criteria.length;
  const method = problem.weighting.method;
  problem.participants?.forEach((participant, k) => {
    const path = ['participants', k];
    if (participant.weights === undefined && participant.pairwise === undefined && participant.matrix === undefined)
      list.add(path, `"${participant.name}" gives no weights, pairwise judgments or matrix; add at least one`);
    if (participant.weights !== undefined) {
      if (method !== 'direct')
        list.add([...path, 'weights'], `direct weights need weighting.method "direct" (it is "${method}"); remove them or the weighting`);
      else if (participant.weights.length !== n)
        list.add([...path, 'weights'], `has ${participant.weights.length} weights but there are ${n} criteria; give one per criterion, in the order of "criteria"`);
    }
    if (participant.pairwise !== undefined) {
      if (method !== 'ahp' && method !== 'ahp-hierarchy')
        list.add([...path, 'pairwise'], `pairwise judgments need weighting.method "ahp" or "ahp-hierarchy" (it is "${method}")`);
      else checkPairwise(participant.pairwise, n, 'criterion', [...path, 'pairwise'], list);
    }
    if (participant.matrix !== undefined) {
      if (method === 'ahp-hierarchy')
        list.add([...path, 'matrix'], 'is not used with ahp-hierarchy, where the alternatives are compared pairwise; remove it');
      else checkShape(participant.matrix, problem, [...path, 'matrix'], list);
    }
  });
  if (participantsGive(problem, 'matrix') && method !== 'ahp-hierarchy' && list.items.length === 0)
    problem.criteria.forEach((criterion, j) => {
      const anyValue = problem.participants?.some((p) => p.matrix?.some((row) => row[j] !== null && row[j] !== undefined));
      if (!anyValue)
        list.add(['criteria', j], `no participant gives a value for criterion "${criterion.id}"; enter at least one or remove the criterion`);
    });
}

/** Which thresholds each preference function reads (Brans & Vincke 1985, the six generalised criteria). */
const PREFERENCE_PARAMETERS = {
  usual: [],
  ushape: ['q'],
  vshape: ['p'],
  level: ['q', 'p'],
  linear: ['q', 'p'],
  gaussian: ['s'],
} as const;

const PARAMETER_MEANING = {
  q: 'the indifference threshold',
  p: 'the strict-preference threshold',
  s: 'the spread of the gaussian',
} as const;

function checkPreferences(problem: DecisionProblem, list: ProblemList): void {
  if (problem.method !== 'promethee2') return;
  problem.criteria.forEach((criterion, j) => {
    const preference = criterion.preference;
    if (preference === undefined) return; // usual criterion
    const path = ['criteria', j, 'preference'];
    for (const key of PREFERENCE_PARAMETERS[preference.function])
      if (preference[key] === undefined)
        list.add([...path, key], `is required by the "${preference.function}" preference function (${PARAMETER_MEANING[key]}, in the criterion's own unit)`);
    if (preference.function === 'vshape' && preference.p === 0)
      list.add([...path, 'p'], 'must be above 0 for the "vshape" function; use "usual" for a step at 0');
    if ((preference.function === 'level' || preference.function === 'linear') && preference.q !== undefined && preference.p !== undefined && preference.q > preference.p)
      list.add([...path, 'q'], `is ${show(preference.q)}, above p = ${show(preference.p)}; the indifference threshold q must not exceed the preference threshold p`);
  });
}

/** Why a normalisation or method needs positive (or non-negative) values, for the message. */
function domainRule(method: DecisionProblem['method'], normalization: Normalization, benefit: boolean): { positive: boolean; why: string } | null {
  if (method === 'wpm') return { positive: true, why: 'WPM multiplies powers of the values (it takes logarithms)' };
  if (normalization === 'sum' || normalization === 'linear')
    return benefit
      ? { positive: false, why: `the "${normalization}" normalisation divides by the column's ${normalization === 'sum' ? 'total' : 'maximum'}` }
      : { positive: true, why: `the "${normalization}" normalisation takes the reciprocal of cost values` };
  if (normalization === 'max') return { positive: false, why: 'the "max" normalisation divides by the column maximum' };
  return null;
}

function checkValueDomains(problem: DecisionProblem, list: ProblemList): void {
  if (isHierarchy(problem) || participantsGive(problem, 'matrix') || problem.matrix === undefined) return;
  const method = problem.method;
  if (method === 'vikor' || method === 'promethee2') return; // both work on raw differences
  const normalization = problem.normalization ?? defaultNormalization(method, false);
  if (method === 'wpm' && normalization === 'minmax') {
    list.add(['normalization'], 'minmax maps the worst value to 0, which would zero every WPM product; use "linear" (the WPM default), "max", "sum" or "vector"');
    return;
  }
  const advice =
    method === 'wpm'
      ? 'shift the scale so every value is above 0 (e.g. rate 1–10 instead of 0–9), or use another method'
      : 'use the "minmax" or "vector" normalisation for data with zeros or negative values';
  problem.matrix.forEach((row, i) => {
    row.forEach((value, j) => {
      const criterion = problem.criteria[j];
      if (value === null || criterion === undefined || list.full) return;
      const rule = domainRule(method, normalization, criterion.type === 'benefit');
      if (rule === null) return;
      if (rule.positive ? value <= 0 : value < 0)
        list.add(['matrix', i, j], `is ${show(value)}, but ${rule.why}, so values must be ${rule.positive ? 'positive' : 'non-negative'}; ${advice}`);
    });
  });
}
