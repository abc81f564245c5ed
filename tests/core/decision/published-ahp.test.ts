import { describe, expect, it } from 'vitest';
import { analyzePairwise, evaluate, SAATY_1980_RANDOM_INDEX } from '../../../core/decision/index.ts';
import { expectClose, ids } from './fixtures.ts';

/**
 * Saaty, T. L. (2008), Decision making with the analytic hierarchy process, Int. J. Services
 * Sciences 1(1): relative consumption of drinks in the US. Rows/columns: coffee, wine, tea, beer,
 * sodas, milk, water; the judgments as encoded in AHPy's tests/test_ahp.py.
 */
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];

describe('AHP against published examples', () => {
  it('uses Saaty’s (1980) random index table', () => {
    // Saaty (1980), The Analytic Hierarchy Process, RI for n = 1…10.
    expect(SAATY_1980_RANDOM_INDEX.slice(1)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });

  it('reproduces Saaty’s (2008) drink-consumption priorities and consistency ratio', () => {
    // Saaty (2008): coffee .177, wine .019, tea .042, beer .116, sodas .190, milk .129,
    // water .327, CR = .022. AHPy (PhilipGriffith/AHPy, tests/test_ahp.py) reproduces them to four
    // decimals (.1775, .0191, .0418, .1164, .1896, .1288, .3268), the CR with random index 1.35
    // (its 'saaty' table, from Saaty 2005) and CR = .0235 with Donegan & Dodd's (1991) 1.2519.
    const analysis = analyzePairwise(DRINKS, 'eigenvector', 1.35);
    expectClose(analysis.priorities, [0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268], 1e-4);
    expect(analysis.consistency.cr).toBeCloseTo(0.022, 3);
    expect(analyzePairwise(DRINKS, 'eigenvector', 1.2519).consistency.cr).toBeCloseTo(0.0235, 4);
    // The default is Saaty's 1980 table: RI(7) = 1.32, same CI.
    const saaty1980 = analyzePairwise(DRINKS, 'eigenvector', 'saaty1980').consistency;
    expect(saaty1980.randomIndex).toBe(1.32);
    expect(saaty1980.cr).toBeCloseTo(saaty1980.ci / 1.32, 15);
  });

  it('reproduces Saaty’s (2005) choice of a city, a full hierarchy, via ahp-hierarchy', () => {
    // Saaty (2005), Theory and Applications of the Analytic Network Process: five criteria, four
    // cities. AHPy tests/test_ahp.py (eigenvector priorities, four decimals): Bethesda 0.2291,
    // Boston 0.2748, Pittsburgh 0.3852, Santa Fe 0.1110.
    const result = evaluate({
      alternatives: [{ id: 'bethesda' }, { id: 'boston' }, { id: 'pittsburgh' }, { id: 'santa-fe' }],
      criteria: ['culture', 'family', 'housing', 'jobs', 'transportation'].map((id) => ({ id, type: 'benefit' as const })),
      method: 'wsm',
      weighting: {
        method: 'ahp-hierarchy',
        criteria: [
          [1, 1 / 5, 3, 1 / 2, 5],
          [5, 1, 7, 1, 7],
          [1 / 3, 1 / 7, 1, 1 / 4, 3],
          [2, 1, 4, 1, 7],
          [1 / 5, 1 / 7, 1 / 3, 1 / 7, 1],
        ],
        alternatives: {
          culture: [[1, 1 / 2, 1, 1 / 2], [2, 1, 2.5, 1], [1, 1 / 2.5, 1, 1 / 2.5], [2, 1, 2.5, 1]],
          family: [[1, 2, 1 / 3, 4], [1 / 2, 1, 1 / 8, 2], [3, 8, 1, 9], [1 / 4, 1 / 2, 1 / 9, 1]],
          housing: [[1, 5, 1 / 2, 2.5], [1 / 5, 1, 1 / 9, 1 / 4], [2, 9, 1, 7], [1 / 2.5, 4, 1 / 7, 1]],
          jobs: [[1, 1 / 2, 3, 4], [2, 1, 6, 8], [1 / 3, 1 / 6, 1, 1], [1 / 4, 1 / 8, 1, 1]],
          transportation: [[1, 1.5, 1 / 2, 4], [1 / 1.5, 1, 1 / 3.5, 2.5], [2, 3.5, 1, 9], [1 / 4, 1 / 2.5, 1 / 9, 1]],
        },
      },
    });
    expectClose(result.scores, [0.2291, 0.2748, 0.3852, 0.111], 2e-4);
    expect(result.ranking).toEqual(['pittsburgh', 'boston', 'bethesda', 'santa-fe']);
    expect(result.normalization).toBe('none');
    expect(Object.keys(result.consistency?.local ?? {})).toHaveLength(5);
  });

  it('reproduces Papathanasiou & Ploskas (2018, ch. 5) AHP synthesis, as tested by pyrepo-mcda', () => {
    // pyrepo-mcda tests/test_mcda_methods_2.py (Test_AHP): eigenvector priorities, global
    // priorities 0.117, 0.071, 0.095, 0.212, 0.350, 0.155.
    const result = evaluate({
      alternatives: ids(6, 'a'),
      criteria: ids(4, 'c').map((c) => ({ ...c, type: 'benefit' as const })),
      method: 'wsm',
      weighting: {
        method: 'ahp-hierarchy',
        criteria: [[1, 1, 5, 3], [1, 1, 5, 3], [1 / 5, 1 / 5, 1, 1 / 3], [1 / 3, 1 / 3, 3, 1]],
        alternatives: {
          c1: [[1, 5, 1, 1, 1 / 3, 3], [1 / 5, 1, 1 / 3, 1 / 5, 1 / 7, 1], [1, 3, 1, 1 / 3, 1 / 5, 1], [1, 5, 3, 1, 1 / 3, 3], [3, 7, 5, 3, 1, 7], [1 / 3, 1, 1, 1 / 3, 1 / 7, 1]],
          c2: [[1, 7, 3, 1 / 3, 1 / 3, 1 / 3], [1 / 7, 1, 1 / 3, 1 / 7, 1 / 9, 1 / 7], [1 / 3, 3, 1, 1 / 5, 1 / 5, 1 / 5], [3, 7, 5, 1, 1, 1], [3, 9, 5, 1, 1, 1], [3, 7, 5, 1, 1, 1]],
          c3: [[1, 1 / 9, 1 / 7, 1 / 9, 1, 1 / 5], [9, 1, 1, 1, 5, 3], [7, 1, 1, 1, 5, 1], [9, 1, 1, 1, 7, 3], [1, 1 / 5, 1 / 5, 1 / 7, 1, 1 / 3], [5, 1 / 3, 1, 1 / 3, 3, 1]],
          c4: [[1, 1 / 5, 1 / 5, 1 / 3, 1 / 7, 1 / 5], [5, 1, 1, 3, 1 / 3, 1], [5, 1, 1, 1, 1 / 3, 1], [3, 1 / 3, 1, 1, 1 / 7, 1], [7, 3, 3, 7, 1, 5], [5, 1, 1, 1, 1 / 5, 1]],
        },
      },
    });
    expectClose(result.scores, [0.117, 0.071, 0.095, 0.212, 0.35, 0.155], 5e-4);
  });

  it('reproduces JMcDM’s AHP (approximate priorities) and its consistency figures', () => {
    // JMcDM test/mcdm/testahp.jl: JMcDM derives priorities by Saaty's column-normalisation
    // approximation (src/ahp.jl), our priority "approximate". Criteria matrix K: λmax 8.72642777,
    // CI 0.10377540, CR 0.07359957; scores 0.2801050, 0.1482273, 0.3813036, 0.1903641.
    const K = [
      [1, 7, 1 / 5, 1 / 8, 1 / 2, 1 / 3, 1 / 5, 1],
      [1 / 7, 1, 1 / 8, 1 / 9, 1 / 4, 1 / 5, 1 / 9, 1 / 8],
      [5, 8, 1, 1 / 3, 4, 2, 1, 1],
      [8, 9, 3, 1, 7, 5, 3, 3],
      [2, 4, 1 / 4, 1 / 7, 1, 1 / 2, 1 / 5, 1 / 5],
      [3, 5, 1 / 2, 1 / 5, 2, 1, 1 / 3, 1 / 3],
      [5, 9, 1, 1 / 3, 5, 3, 1, 1],
      [1, 8, 1, 1 / 3, 5, 3, 1, 1],
    ];
    const local = [
      [[1, 3, 1 / 5, 2], [1 / 3, 1, 1 / 7, 1 / 3], [5, 7, 1, 4], [1 / 2, 3, 1 / 4, 1]],
      [[1, 1 / 2, 4, 5], [2, 1, 6, 7], [1 / 4, 1 / 6, 1, 3], [1 / 5, 1 / 7, 1 / 3, 1]],
      [[1, 1 / 2, 1 / 6, 3], [2, 1, 1 / 4, 5], [6, 4, 1, 9], [1 / 3, 1 / 5, 1 / 9, 1]],
      [[1, 7, 1 / 4, 2], [1 / 7, 1, 1 / 9, 1 / 5], [4, 9, 1, 5], [1 / 2, 5, 1 / 5, 1]],
      [[1, 6, 2, 3], [1 / 6, 1, 1 / 4, 1 / 3], [1 / 2, 4, 1, 2], [1 / 3, 3, 1 / 2, 1]],
      [[1, 1 / 4, 1 / 2, 1 / 7], [4, 1, 2, 1 / 3], [2, 1 / 2, 1, 1 / 5], [7, 3, 5, 1]],
      [[1, 3, 7, 1], [1 / 3, 1, 4, 1 / 3], [1 / 7, 1 / 4, 1, 1 / 7], [1, 3, 7, 1]],
      [[1, 2, 5, 8], [1 / 2, 1, 3, 6], [1 / 5, 1 / 3, 1, 3], [1 / 8, 1 / 6, 1 / 3, 1]],
    ];
    const result = evaluate({
      alternatives: ids(4, 'a'),
      criteria: ids(8, 'k').map((c) => ({ ...c, type: 'benefit' as const })),
      method: 'wsm',
      weighting: {
        method: 'ahp-hierarchy',
        priority: 'approximate',
        criteria: K,
        alternatives: Object.fromEntries(local.map((matrix, j) => [`k${j + 1}`, matrix])),
      },
    });
    expectClose(result.scores, [0.280105, 0.1482273, 0.3813036, 0.1903641], 1e-6);
    expect(result.consistency?.lambdaMax).toBeCloseTo(8.72642777111301, 8);
    expect(result.consistency?.ci).toBeCloseTo(0.10377539587328702, 8);
    expect(result.consistency?.cr).toBeCloseTo(0.07359957154133831, 8);
  });

  it('finds the exact weights of a perfectly consistent matrix with either priority method', () => {
    // aᵢₖ = wᵢ/wₖ has principal eigenvector w and λmax = n (Saaty 1980, ch. 3).
    const w = [0.5, 0.3, 0.2];
    const consistent = w.map((wi) => w.map((wk) => wi / wk));
    for (const priority of ['eigenvector', 'approximate'] as const) {
      const analysis = analyzePairwise(consistent, priority, 'saaty1980');
      expectClose(analysis.priorities, w, 1e-12);
      expect(analysis.consistency.lambdaMax).toBeCloseTo(3, 12);
      expect(analysis.consistency.cr).toBeCloseTo(0, 12);
    }
  });
});

describe('AHP consistency warnings', () => {
  const base = {
    alternatives: ids(2, 'a'),
    matrix: [[1, 2, 3], [3, 2, 1]],
    method: 'wsm' as const,
  };

  it('warns above CR 0.1, naming the matrix', () => {
    // Intransitive: 1 ≻ 2 ≻ 3 ≻ 1.
    const result = evaluate({
      ...base,
      criteria: ids(3, 'c').map((c) => ({ ...c, type: 'benefit' as const })),
      weighting: { method: 'ahp', pairwise: [[1, 5, 1 / 5], [1 / 5, 1, 5], [5, 1 / 5, 1]] },
    });
    expect(result.consistency?.cr).toBeGreaterThan(0.1);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'inconsistent_judgments', path: ['weighting', 'pairwise'] }));
  });

  it('reports no CR beyond n = 10 unless a random index is given', () => {
    const n = 11;
    const pairwise = Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
    const problem = {
      alternatives: ids(2, 'a'),
      criteria: ids(n, 'c').map((c) => ({ ...c, type: 'benefit' as const })),
      matrix: [Array.from({ length: n }, (_, j) => j), Array.from({ length: n }, (_, j) => n - j)],
      method: 'wsm' as const,
    };
    const without = evaluate({ ...problem, weighting: { method: 'ahp', pairwise } });
    expect(without.consistency?.cr).toBeNull();
    expect(without.warnings.map((w) => w.code)).toContain('no_random_index');
    const withIndex = evaluate({ ...problem, weighting: { method: 'ahp', pairwise, randomIndex: 1.51 } });
    expect(withIndex.consistency?.cr).toBeCloseTo(0, 12);
  });
});
