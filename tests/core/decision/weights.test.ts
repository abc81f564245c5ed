import { describe, expect, it } from 'vitest';
import { evaluate, normalizeToSum, rocWeights, swingWeights } from '../../../core/decision/index.ts';
import { expectClose, problem } from './fixtures.ts';

describe('rank-order centroid weights', () => {
  it('gives the ROC weights for four criteria (Barron & Barrett 1996; Edwards & Barron 1994)', () => {
    // wₖ = (1/n)·Σᵢ₌ₖⁿ 1/i: 0.5208, 0.2708, 0.1458, 0.0625 for n = 4.
    expectClose(rocWeights([1, 2, 3, 4]), [0.5208, 0.2708, 0.1458, 0.0625], 1e-4);
  });

  it('reads ranks per criterion, in any order, and shares tied positions', () => {
    const [first = 0, second = 0, third = 0] = rocWeights([1, 2, 3]);
    expectClose(rocWeights([3, 1, 2]), [third, first, second], 1e-15);
    const tied = rocWeights([1, 2, 2, 4]);
    const plain = rocWeights([1, 2, 3, 4]);
    expect(tied[1]).toBeCloseTo(((plain[1] ?? 0) + (plain[2] ?? 0)) / 2, 15);
    expect(tied.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 15);
  });

  it('is used by weighting.method "roc", ignoring criteria weights with a warning', () => {
    const result = evaluate(problem([[1, 2], [2, 1]], [5, 5], 'benefit', 'wsm', { weighting: { method: 'roc', ranks: [2, 1] } }));
    expectClose(result.weights, [0.25, 0.75], 1e-15);
    expect(result.warnings.map((w) => w.code)).toContain('weights_ignored');
  });
});

describe('swing and direct weights', () => {
  it('turns swing points into shares', () => {
    expectClose(swingWeights([100, 60, 40]), [0.5, 0.3, 0.2], 1e-15);
  });

  it('normalises direct weights by default and keeps them as given on request', () => {
    const input = problem([[1, 2], [2, 1]], [3, 1], 'benefit', 'wsm');
    expectClose(evaluate(input).weights, [0.75, 0.25], 1e-15);
    expectClose(evaluate({ ...input, normalizeWeights: false }).weights, [3, 1], 0);
    expect(normalizeToSum([0, 0])).toEqual([0, 0]);
  });

  it('uses equal weights when no criterion has one, and says so', () => {
    const result = evaluate(problem([[1, 2, 3], [3, 2, 1]], null, 'benefit', 'wsm'));
    expectClose(result.weights, [1 / 3, 1 / 3, 1 / 3], 1e-15);
    expect(result.warnings.map((w) => w.code)).toContain('equal_weights');
  });

  it('warns about a zero weight', () => {
    const result = evaluate(problem([[1, 2], [2, 1]], [1, 0], 'benefit', 'wsm'));
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'zero_weight', path: ['criteria', 1] }));
  });
});
