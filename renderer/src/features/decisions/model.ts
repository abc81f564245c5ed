import type { DecisionProblemInput, Evidence } from '../../../../core/decision/schema.ts';

/**
 * Small pure helpers over the decision problem the editor holds (the JSON format of
 * docs/decision-format.md). Each returns a new problem; nothing mutates.
 */
export type Problem = DecisionProblemInput;
export type Criterion = Problem['criteria'][number];
export type Alternative = Problem['alternatives'][number];
export type Matrix = (number | null)[][];

/** Who is entering values: the shared problem (null) or one participant (by index). */
export type Voice = number | null;

export function matrixOf(problem: Problem, voice: Voice): Matrix {
  const source = voice === null ? problem.matrix : problem.participants?.[voice]?.matrix;
  return problem.alternatives.map((_, i) => problem.criteria.map((_, j) => source?.[i]?.[j] ?? null));
}

export function setCells(problem: Problem, voice: Voice, cells: { row: number; col: number; value: number | null }[]): Problem {
  const matrix = matrixOf(problem, voice).map((row) => [...row]);
  for (const { row, col, value } of cells) if (matrix[row] && col < problem.criteria.length) matrix[row][col] = value;
  if (voice === null) return { ...problem, matrix };
  return {
    ...problem,
    participants: problem.participants?.map((p, i) =>
      i === voice ? { ...p, matrix: matrix.map((row) => row.map((v) => (v === null || v <= 0 ? null : v))) } : p,
    ),
  };
}

function uniqueId(base: string, taken: readonly string[]): string {
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

export function addAlternative(problem: Problem, name: string, entity?: string): Problem {
  const id = uniqueId(slug(name) || 'option', problem.alternatives.map((a) => a.id));
  return {
    ...problem,
    alternatives: [...problem.alternatives, { id, name, ...(entity ? { entity } : {}) }],
    matrix: [...matrixOf(problem, null), problem.criteria.map(() => null)],
    participants: problem.participants?.map((p) => (p.matrix ? { ...p, matrix: [...p.matrix, problem.criteria.map(() => null)] } : p)),
  };
}

export function addCriterion(problem: Problem, name: string): Problem {
  const id = uniqueId(slug(name) || 'criterion', problem.criteria.map((c) => c.id));
  const equal = problem.criteria.length ? Math.round(100 / (problem.criteria.length + 1)) : 50;
  return {
    ...problem,
    criteria: [...problem.criteria, { id, name, type: 'benefit', weight: equal }],
    matrix: matrixOf(problem, null).map((row) => [...row, null]),
    weighting: { method: 'direct' },
    participants: problem.participants?.map((p) => ({
      ...p,
      ...(p.matrix ? { matrix: p.matrix.map((row) => [...row, null]) } : {}),
      ...(p.weights ? { weights: [...p.weights, equal || 1] } : {}),
      pairwise: undefined,
    })),
  };
}

export function removeAlternative(problem: Problem, index: number): Problem {
  const id = problem.alternatives[index]?.id;
  return {
    ...problem,
    alternatives: problem.alternatives.filter((_, i) => i !== index),
    matrix: matrixOf(problem, null).filter((_, i) => i !== index),
    participants: problem.participants?.map((p) => (p.matrix ? { ...p, matrix: p.matrix.filter((_, i) => i !== index) } : p)),
    evidence: (problem.evidence ?? []).filter((e) => e.alternative !== id),
  };
}

export function removeCriterion(problem: Problem, index: number): Problem {
  const id = problem.criteria[index]?.id;
  return {
    ...problem,
    criteria: problem.criteria.filter((_, j) => j !== index),
    matrix: matrixOf(problem, null).map((row) => row.filter((_, j) => j !== index)),
    weighting: { method: 'direct' },
    participants: problem.participants?.map((p) => ({
      ...p,
      ...(p.matrix ? { matrix: p.matrix.map((row) => row.filter((_, j) => j !== index)) } : {}),
      ...(p.weights ? { weights: p.weights.filter((_, j) => j !== index) } : {}),
      pairwise: undefined,
    })),
    evidence: (problem.evidence ?? []).filter((e) => e.criterion !== id),
  };
}

export function updateCriterion(problem: Problem, index: number, patch: Partial<Criterion>): Problem {
  return { ...problem, criteria: problem.criteria.map((c, j) => (j === index ? { ...c, ...patch } : c)) };
}

export function updateAlternative(problem: Problem, index: number, patch: Partial<Alternative>): Problem {
  return { ...problem, alternatives: problem.alternatives.map((a, i) => (i === index ? { ...a, ...patch } : a)) };
}

export function evidenceFor(problem: Problem, alternative: string | undefined, criterion: string): Evidence[] {
  return (problem.evidence ?? []).filter((e) => e.criterion === criterion && (e.alternative === alternative || e.alternative === undefined)) as Evidence[];
}

export function addEvidence(problem: Problem, evidence: Evidence): Problem {
  return { ...problem, evidence: [...(problem.evidence ?? []), evidence] };
}

export function removeEvidence(problem: Problem, evidence: Evidence): Problem {
  return { ...problem, evidence: (problem.evidence ?? []).filter((e) => e !== evidence) };
}

/** Direct weights per criterion, in the voice being edited (participants have their own). */
export function directWeights(problem: Problem, voice: Voice): number[] {
  if (voice !== null) return problem.criteria.map((_, j) => problem.participants?.[voice]?.weights?.[j] ?? 1);
  return problem.criteria.map((c) => c.weight ?? 1);
}

export function setDirectWeights(problem: Problem, voice: Voice, weights: number[]): Problem {
  if (voice !== null)
    return { ...problem, participants: problem.participants?.map((p, i) => (i === voice ? { ...p, weights: weights.map((w) => Math.max(w, 0.01)) } : p)) };
  return { ...problem, weighting: { method: 'direct' }, criteria: problem.criteria.map((c, j) => ({ ...c, weight: weights[j] ?? 0 })) };
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
