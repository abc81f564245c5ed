import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../core/decision/index.ts';
import { compromise } from '../../../core/decision/methods/vikor.ts';
import { expectClose, PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, problem } from './fixtures.ts';

describe('TOPSIS against published examples', () => {
  it('reproduces Papathanasiou & Ploskas (2018, ch. 1) closeness values', () => {
    // As tested by energyinpython/distance-metrics-for-mcda tests/test_mcda_methods.py:
    // 0.387, 0.327, 0.391, 0.615, 0.868, 0.493 (vector normalisation, the default).
    const result = evaluate(problem(PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, 'benefit', 'topsis'));
    expect(result.normalization).toBe('vector');
    expectClose(result.scores, [0.387, 0.327, 0.391, 0.615, 0.868, 0.493], 5e-4);
    expect(result.ranking).toEqual(['a5', 'a4', 'a6', 'a3', 'a1', 'a2']);
    if (result.details.method !== 'topsis') throw new Error('TOPSIS details expected');
    result.details.dPlus.forEach((dPlus, i) => {
      const dMinus = result.details.method === 'topsis' ? (result.details.dMinus[i] ?? 0) : 0;
      expect(dMinus / (dPlus + dMinus)).toBeCloseTo(result.scores[i] ?? 0, 12);
    });
  });

  it('reproduces the TOPSIS example of JMcDM (test/mcdm/testtopsis.jl) and the R package "decision"', () => {
    // Weights 4, 2, 6, 8 are normalised by their sum; scores 0.3876870, 0.6503238, 0.0834767.
    const result = evaluate(
      problem(
        [
          [9, 7, 6, 7],
          [8, 7, 9, 6],
          [7, 8, 6, 6],
        ],
        [4, 2, 6, 8],
        'benefit',
        'topsis',
      ),
    );
    expectClose(result.scores, [0.387687, 0.6503238, 0.0834767], 1e-6);
    expect(result.ranking[0]).toBe('a2');
  });

  it('reproduces Ersoy (2021) equipment selection with cost criteria, as tested by pyrepo-mcda', () => {
    // Ersoy, Y. (2021), Equipment selection for an e-commerce company using entropy-based TOPSIS,
    // EDAS and CODAS methods during the COVID-19, LogForum 17(3); pyrepo-mcda
    // tests/test_mcda_methods.py compares at two decimals: 0.308, 0.254, 0.327, 0.263, 0.857, 0.192.
    const result = evaluate(
      problem(
        [
          [256, 8, 41, 1.6, 1.77, 7347.16],
          [256, 8, 32, 1.0, 1.8, 6919.99],
          [256, 8, 53, 1.6, 1.9, 8400],
          [256, 8, 41, 1.0, 1.75, 6808.9],
          [512, 8, 35, 1.6, 1.7, 8479.99],
          [256, 4, 35, 1.6, 1.7, 7499.99],
        ],
        [0.405, 0.221, 0.134, 0.199, 0.007, 0.034],
        ['benefit', 'benefit', 'benefit', 'benefit', 'cost', 'cost'],
        'topsis',
      ),
    );
    expectClose(result.scores, [0.308, 0.254, 0.327, 0.263, 0.857, 0.192], 5e-3);
    expect(result.ranking[0]).toBe('a5');
  });
});

describe('VIKOR against published examples', () => {
  it('reproduces Papathanasiou & Ploskas (2018, ch. 2) Q values with v = 0.625', () => {
    // As tested by energyinpython/pyrepo-mcda tests/test_mcda_methods.py:
    // Q = 0.640, 1.000, 0.693, 0.271, 0.000, 0.694 (the book uses v = (n + 1)/2n = 0.625).
    const result = evaluate(problem(PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, 'benefit', 'vikor', { v: 0.625 }));
    expectClose(result.scores, [0.64, 1, 0.693, 0.271, 0, 0.694], 5e-4);
    // The same test's rank_preferences gives 3, 6, 4, 2, 1, 5 (lower Q is better).
    expect(result.ranks).toEqual([3, 6, 4, 2, 1, 5]);
    if (result.details.method !== 'vikor') throw new Error('VIKOR details expected');
    // From the published Q: the advantage of A4 over A5 is 0.271 ≥ DQ = 1/(6 − 1).
    expect(result.details.dq).toBeCloseTo(0.2, 12);
    expect(result.details.acceptableAdvantage).toBe(true);
    expect(result.details.compromise).toEqual(['a5']);
    // S sums the contributions (weighted regrets).
    result.contributions.forEach((row, i) => expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(result.details.method === 'vikor' ? (result.details.S[i] ?? 0) : 0, 12));
  });

  it('reproduces the VIKOR example of JMcDM (test/mcdm/testvikor.jl) within its tolerance of 0.01', () => {
    const result = evaluate(
      problem(
        [
          [100, 92, 10, 2, 80, 70, 95, 80],
          [80, 70, 8, 4, 100, 80, 80, 90],
          [90, 85, 5, 0, 75, 95, 70, 70],
          [70, 88, 20, 18, 60, 90, 95, 85],
        ],
        [0.11, 0.035, 0.379, 0.384, 0.002, 0.002, 0.01, 0.077],
        'benefit',
        'vikor',
      ),
    );
    expectClose(result.scores, [0.74, 0.73, 1.0, 0.0], 0.01);
    expect(result.ranking[0]).toBe('a4');
  });
});

describe('VIKOR compromise conditions (Opricovic & Tzeng 2004)', () => {
  const f = (values: number[]): Float64Array => Float64Array.from(values);

  it('proposes the best alternative alone when both conditions hold', () => {
    const r = compromise(f([1, 2, 3]), f([1, 2, 3]), f([0, 0.6, 1]));
    expect(r).toMatchObject({ set: [0], dq: 0.5, advantage: true, stability: true });
  });

  it('proposes a′ and a″ when only stability fails (a′ is best by neither S nor R)', () => {
    const r = compromise(f([0.5, 0.2, 0.9]), f([0.5, 0.9, 0.2]), f([0, 0.6, 0.7]));
    expect(r).toMatchObject({ set: [0, 1], advantage: true, stability: false });
  });

  it('proposes every alternative within DQ of a′ when the advantage is too small', () => {
    // m = 5, DQ = 0.25: Q − Q(a′) is 0.2 for a1 and exactly 0.25 (not below DQ) for a3.
    const r = compromise(f([1, 0, 2, 3, 4]), f([1, 0, 2, 3, 4]), f([0.2, 0, 0.25, 1, 0.3]));
    expect(r).toMatchObject({ set: [1, 0], dq: 0.25, advantage: false });
  });

  it('warns when the conditions single out no one', () => {
    const result = evaluate(problem([[10, 0], [0, 10]], [1, 1], 'benefit', 'vikor'));
    expect(result.details.method === 'vikor' && result.details.compromise).toEqual(['a1', 'a2']);
    expect(result.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['tie', 'no_single_compromise']));
  });
});
