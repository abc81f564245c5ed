import { describe, expect, it } from 'vitest';
import { AppError, type Problem } from '../../../core/api/result.ts';
import { evaluate, type DecisionProblemInput } from '../../../core/decision/index.ts';
import { ids, problem } from './fixtures.ts';

/** Runs evaluate and returns the problems of the invalid_args error it must throw. */
function problemsOf(input: unknown): Problem[] {
  try {
    evaluate(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('invalid_args');
    return appError.details?.problems ?? [];
  }
  return expect.fail('expected evaluate to throw invalid_args');
}

function expectProblem(input: unknown, path: (string | number)[], message: RegExp): void {
  const problems = problemsOf(input);
  expect(problems, JSON.stringify(problems)).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
}

const valid = problem(
  [
    [1, 2, 3],
    [3, 2, 1],
  ],
  [1, 1, 1],
  'benefit',
  'wsm',
);

describe('invalid problems name the field or cell', () => {
  it('a ragged matrix: the short row', () => {
    expectProblem({ ...valid, matrix: [[1, 2, 3], [3, 2]] }, ['matrix', 1], /has 2 values but there are 3 criteria/);
  });

  it('a matrix with the wrong number of rows', () => {
    expectProblem({ ...valid, matrix: [[1, 2, 3]] }, ['matrix'], /has 1 rows but there are 2 alternatives/);
  });

  it('a matrix cell that is not a number', () => {
    expectProblem({ ...valid, matrix: [[1, '2', 3], [3, 2, 1]] }, ['matrix', 0, 1], /number/);
  });

  it('a negative weight', () => {
    const input = { ...valid, criteria: valid.criteria.map((c, j) => (j === 1 ? { ...c, weight: -2 } : c)) };
    expectProblem(input, ['criteria', 1, 'weight'], /cannot be negative/);
  });

  it('weights that are all zero', () => {
    expectProblem({ ...valid, criteria: valid.criteria.map((c) => ({ ...c, weight: 0 })) }, ['criteria'], /all weights are 0/);
  });

  it('a weight given for some criteria only', () => {
    const input = { ...valid, criteria: valid.criteria.map((c, j) => (j === 2 ? { id: c.id, type: c.type } : c)) };
    expectProblem(input, ['criteria', 2, 'weight'], /every criterion a weight, or none/);
  });

  it('a zero where WPM takes a logarithm', () => {
    expectProblem({ ...valid, method: 'wpm', matrix: [[1, 2, 0], [3, 2, 1]] }, ['matrix', 0, 2], /WPM .* must be positive/);
  });

  it('a negative value where WPM takes a logarithm', () => {
    expectProblem({ ...valid, method: 'wpm', matrix: [[1, 2, 3], [-3, 2, 1]] }, ['matrix', 1, 0], /must be positive/);
  });

  it('a zero cost where the linear normalisation takes a reciprocal', () => {
    const input = problem([[0, 2], [3, 1]], [1, 1], ['cost', 'benefit'], 'wsm', { normalization: 'linear' });
    expectProblem(input, ['matrix', 0, 0], /reciprocal of cost values, so values must be positive/);
  });

  it('a negative value where the sum normalisation divides by the total', () => {
    const input = problem([[-1, 2], [3, 1]], [1, 1], 'benefit', 'topsis', { normalization: 'sum' });
    expectProblem(input, ['matrix', 0, 0], /non-negative/);
  });

  it('a normalisation that zeroes a WPM product, after normalising', () => {
    // 1 − x/max is 0 for the largest cost.
    const input = problem([[1, 2], [3, 1]], [1, 1], ['cost', 'benefit'], 'wpm', { normalization: 'max' });
    expectProblem(input, ['matrix', 1, 0], /becomes 0 after the "max" normalisation/);
  });

  it('minmax with WPM', () => {
    expectProblem({ ...valid, method: 'wpm', normalization: 'minmax' }, ['normalization'], /minmax maps the worst value to 0/);
  });

  it('a non-reciprocal pairwise matrix: the cell below the diagonal', () => {
    const input: DecisionProblemInput = {
      ...valid,
      weighting: { method: 'ahp', pairwise: [[1, 3, 5], [3, 1, 2], [1 / 5, 1 / 2, 1]] },
    };
    expectProblem(input, ['weighting', 'pairwise', 1, 0], /must be the reciprocal of \[0\]\[1\] = 3, i\.e\. 0\.333333; it is 3/);
  });

  it('a pairwise diagonal other than 1, and a pairwise matrix of the wrong size', () => {
    expectProblem({ ...valid, weighting: { method: 'ahp', pairwise: [[2, 1, 1], [1, 1, 1], [1, 1, 1]] } }, ['weighting', 'pairwise', 0, 0], /must be 1/);
    expectProblem({ ...valid, weighting: { method: 'ahp', pairwise: [[1, 2], [0.5, 1]] } }, ['weighting', 'pairwise'], /must be 3 × 3/);
  });

  it('a zero judgment', () => {
    expectProblem({ ...valid, weighting: { method: 'ahp', pairwise: [[1, 0, 1], [1, 1, 1], [1, 1, 1]] } }, ['weighting', 'pairwise', 0, 1], /positive/);
  });

  it('an unknown criterion id in ahp-hierarchy, and a missing one', () => {
    const eye = [[1, 1], [1, 1]];
    const input: DecisionProblemInput = {
      alternatives: ids(2, 'a'),
      criteria: [
        { id: 'price', type: 'benefit' },
        { id: 'quality', type: 'benefit' },
      ],
      method: 'wsm',
      weighting: { method: 'ahp-hierarchy', criteria: eye, alternatives: { price: eye, prize: eye } },
    };
    const problems = problemsOf(input);
    expect(problems).toContainEqual({ path: ['weighting', 'alternatives', 'prize'], message: 'no criterion has id "prize"; the criteria ids are "price", "quality"' });
    expect(problems).toContainEqual(expect.objectContaining({ path: ['weighting', 'alternatives'], message: expect.stringMatching(/no matrix for criterion "quality"/) }));
  });

  it('duplicate ids', () => {
    expectProblem({ ...valid, alternatives: [{ id: 'x' }, { id: 'x' }] }, ['alternatives', 1, 'id'], /already the id of alternatives\[0\]/);
  });

  it('a missing matrix', () => {
    const { matrix: _matrix, ...rest } = valid;
    expectProblem(rest, ['matrix'], /is required/);
  });

  it('an unknown key (a typo is not silently ignored)', () => {
    expectProblem({ ...valid, normalisation: 'vector' }, ['normalisation'], /not a field here; check its spelling/);
    expectProblem({ ...valid, criteria: [{ ...valid.criteria[0], wieght: 1 }, ...valid.criteria.slice(1)] }, ['criteria', 0, 'wieght'], /spelling/);
  });

  it('an unknown method', () => {
    expectProblem({ ...valid, method: 'electre' }, ['method'], /wsm/);
  });

  it('a column with no value at all', () => {
    expectProblem({ ...valid, matrix: [[1, null, 3], [3, null, 1]] }, ['criteria', 1], /every value of criterion "c2" is missing/);
  });

  it('a preference threshold the function needs', () => {
    const input = { ...valid, method: 'promethee2', criteria: valid.criteria.map((c, j) => (j === 0 ? { ...c, preference: { function: 'vshape' } } : c)) };
    expectProblem(input, ['criteria', 0, 'preference', 'p'], /required by the "vshape" preference function/);
  });

  it('q above p in a linear preference function', () => {
    const input = { ...valid, method: 'promethee2', criteria: valid.criteria.map((c, j) => (j === 2 ? { ...c, preference: { function: 'linear', q: 3, p: 1 } } : c)) };
    expectProblem(input, ['criteria', 2, 'preference', 'q'], /must not exceed the preference threshold p/);
  });

  it('ROC ranks of the wrong length or out of range', () => {
    expectProblem({ ...valid, weighting: { method: 'roc', ranks: [1, 2] } }, ['weighting', 'ranks'], /2 ranks but there are 3 criteria/);
    expectProblem({ ...valid, weighting: { method: 'roc', ranks: [1, 2, 7] } }, ['weighting', 'ranks', 2], /beyond the 3 criteria/);
  });

  it('participants’ weights with a non-direct weighting, and non-positive group values', () => {
    expectProblem(
      { ...valid, weighting: { method: 'roc', ranks: [1, 2, 3] }, participants: [{ name: 'A', weights: [1, 2, 3] }] },
      ['participants', 0, 'weights'],
      /need weighting.method "direct"/,
    );
    expectProblem({ ...valid, participants: [{ name: 'A', weights: [1, 0, 3] }] }, ['participants', 0, 'weights', 1], /geometric mean/);
  });

  it('v outside [0, 1]', () => {
    expectProblem({ ...valid, method: 'vikor', v: 1.5 }, ['v'], /between 0 and 1/);
  });

  it('collects several problems at once, and says where in the message', () => {
    const problems = problemsOf({ ...valid, matrix: [[1, 2, 3], [3, 2]], alternatives: [{ id: 'x' }, { id: 'x' }] });
    expect(problems.length).toBeGreaterThanOrEqual(2);
    try {
      evaluate({ ...valid, matrix: [[1, 2, 3], [3, 2]] });
    } catch (error) {
      expect((error as Error).message).toMatch(/matrix\[1\]: row 1/);
    }
  });
});
