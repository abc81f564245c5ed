import { describe, expect, it } from 'vitest';
import { evaluate, spreadOf, type DecisionProblemInput } from '../../../core/decision/index.ts';
import { expectClose, ids, problem } from './fixtures.ts';

describe('geometric standard deviation', () => {
  it('is 1 when everyone agrees and the factor of spread otherwise', () => {
    expect(spreadOf([3, 3, 3])).toEqual({ mean: 3, gsd: 1, min: 3, max: 3, count: 3 });
    // ln 2 and ln 8 lie ln 2 on either side of ln 4: mean 4, GSD 2.
    const spread = spreadOf([2, 8]);
    expect(spread.mean).toBeCloseTo(4, 12);
    expect(spread.gsd).toBeCloseTo(2, 12);
  });
});

describe('group input', () => {
  const base = problem(
    [
      [7, 3, 8],
      [6, 4, 5],
      [5, 5, 6],
    ],
    null,
    ['benefit', 'cost', 'benefit'],
    'wsm',
  );

  it('combines weight shares by geometric mean and names where people disagree most', () => {
    const result = evaluate({
      ...base,
      participants: [
        { name: 'Ana', weights: [5, 3, 2] },
        { name: 'Bo', weights: [20, 30, 50] },
      ],
    });
    // Shares 0.5/0.3/0.2 and 0.2/0.3/0.5: geometric means √0.1, 0.3, √0.1, then normalised.
    const raw = [Math.sqrt(0.1), 0.3, Math.sqrt(0.1)];
    const total = raw.reduce((s, x) => s + x, 0);
    expectClose(result.weights, raw.map((x) => x / total), 1e-12);
    expect(result.group?.weights?.[1]?.gsd).toBeCloseTo(1, 12);
    expect(result.group?.weights?.[0]?.gsd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(result.group?.mostDisagreement.map((d) => d.path)).toEqual([
      ['weights', 0],
      ['weights', 2],
    ]);
    expect(result.group?.mostDisagreement[0]?.label).toBe('weight of "c1"');
  });

  it('combines decision matrices cell by cell, skipping values someone did not give', () => {
    const { matrix: _own, ...rest } = base;
    const result = evaluate({
      ...rest,
      normalization: 'none',
      participants: [
        { name: 'Ana', matrix: [[4, 3, 8], [6, 4, 5], [5, 5, 6]] },
        { name: 'Bo', matrix: [[9, 3, 8], [6, null, 5], [5, 5, 6]] },
      ],
    });
    expect(result.normalized[0]?.[0]).toBeCloseTo(6, 12);
    expect(result.normalized[1]?.[1]).toBe(-4);
    expect(result.group?.matrix?.[1]?.[1]?.count).toBe(1);
    expect(result.group?.mostDisagreement[0]).toMatchObject({ path: ['matrix', 0, 0], label: '"a1" on "c1"', min: 4, max: 9 });
  });

  it('combines pairwise judgments, reports each participant’s CR, and overrides the own matrix', () => {
    const input: DecisionProblemInput = {
      ...base,
      weighting: { method: 'ahp', pairwise: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] },
      participants: [
        { name: 'Ana', pairwise: [[1, 4, 2], [1 / 4, 1, 1 / 2], [1 / 2, 2, 1]] },
        { name: 'Bo', pairwise: [[1, 1, 8], [1, 1, 8], [1 / 8, 1 / 8, 1]] },
      ],
    };
    const result = evaluate(input);
    // Cell [0][1]: √(4·1) = 2; cell [0][2]: √(2·8) = 4; cell [1][2]: √(1/2·8) = 2 (consistent).
    expect(result.group?.pairwise?.[0]?.[1]?.mean).toBeCloseTo(2, 12);
    expect(result.group?.pairwise?.[0]?.[2]?.mean).toBeCloseTo(4, 12);
    expect(result.group?.participantCr?.[0]).toBeCloseTo(0, 12);
    expectClose(result.weights, [4 / 7, 2 / 7, 1 / 7], 1e-9);
    expect(result.warnings.map((w) => w.code)).toContain('participants_override');
  });

  it('needs input from each participant', () => {
    expect(() => evaluate({ ...base, participants: [{ name: 'Ana' }] })).toThrow(/gives no weights, pairwise judgments or matrix/);
  });

  it('keeps the alternatives’ ids in its labels', () => {
    const result = evaluate({
      alternatives: ids(2, 'x'),
      criteria: [{ id: 'k', name: 'Key', type: 'benefit' }],
      method: 'wsm',
      participants: [
        { name: 'A', matrix: [[1], [2]] },
        { name: 'B', matrix: [[4], [2]] },
      ],
    });
    expect(result.group?.mostDisagreement[0]?.label).toBe('"x1" on "Key"');
  });
});
