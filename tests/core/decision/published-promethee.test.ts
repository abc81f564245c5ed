import { describe, expect, it } from 'vitest';
import { evaluate, type DecisionProblemInput, type Preference } from '../../../core/decision/index.ts';
import { expectClose, PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, problem, type Kind } from './fixtures.ts';

function withPreferences(base: DecisionProblemInput, preferences: Preference[]): DecisionProblemInput {
  return { ...base, criteria: base.criteria.map((c, j) => ({ ...c, preference: preferences[j] })) };
}

/** Column-major tables as printed in the papers (one row per criterion). */
function transpose(rows: number[][]): number[][] {
  return (rows[0] ?? []).map((_, i) => rows.map((row) => row[i] ?? 0));
}

const kinds = (types: number[]): Kind[] => types.map((t) => (t === 1 ? 'benefit' : 'cost'));

describe('PROMETHEE II against published examples', () => {
  it('reproduces the documented example of pymcdm PROMETHEE_II (usual criterion)', () => {
    // pymcdm.methods.PROMETHEE_II docstring: [[4,3,2],[3,2,4],[5,1,3]], weights 0.5, 0.3, 0.2,
    // all benefit, 'usual' → net flows [0.1, -0.3, 0.2].
    const result = evaluate(
      problem(
        [
          [4, 3, 2],
          [3, 2, 4],
          [5, 1, 3],
        ],
        [0.5, 0.3, 0.2],
        'benefit',
        'promethee2',
      ),
    );
    expectClose(result.scores, [0.1, -0.3, 0.2], 1e-12);
  });

  it('reproduces Papathanasiou & Ploskas (2018, ch. 3) net flows with linear preference, q = 1, p = 2', () => {
    // As tested by pyrepo-mcda tests/test_mcda_methods_2.py: -0.26, -0.52, -0.22, 0.36, 0.7, -0.06.
    const base = problem(PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, 'benefit', 'promethee2');
    const result = evaluate(withPreferences(base, PAPATHANASIOU_WEIGHTS.map(() => ({ function: 'linear', q: 1, p: 2 }))));
    expectClose(result.scores, [-0.26, -0.52, -0.22, 0.36, 0.7, -0.06], 1e-9);
    if (result.details.method !== 'promethee2') throw new Error('PROMETHEE details expected');
    expectClose(result.details.phi, result.scores, 0);
    result.details.phi.forEach((phi, i) => {
      const details = result.details.method === 'promethee2' ? result.details : null;
      expect((details?.phiPlus[i] ?? 0) - (details?.phiMinus[i] ?? 0)).toBeCloseTo(phi, 12);
    });
  });

  it('reproduces Ziemba et al. (2017) offshore wind farms with V-shape functions and cost criteria', () => {
    // Ziemba, Wątróbski, Zioło & Karczmarczyk (2017), Using the PROSA method in offshore wind farm
    // location problems, Energies 10(11) 1755; as tested by pyrepo-mcda (PROMETHEE_II no 3):
    // -0.0445, 0.1884, -0.0954, -0.0485.
    const matrix = transpose([
      [16347, 14219, 8160, 8160],
      [9, 8.5, 9, 8.5],
      [73.8, 55, 64.8, 62.5],
      [36.7, 36, 28.5, 29.5],
      [1.5, 2, 2, 1.5],
      [3730, 3240, 1860, 1860],
      [2, 1, 2, 1],
      [1, 1, 2, 3],
      [38.8, 33.1, 45.8, 27.3],
      [4, 2, 4, 3],
      [1720524, 1496512, 858830, 858830],
      [40012, 34803, 19973, 19973],
    ]);
    const weights = [20, 5, 5, 1.67, 1.67, 11.67, 11.67, 5, 5, 16.67, 8.33, 8.33];
    const types = kinds([-1, -1, -1, -1, -1, 1, -1, -1, 1, -1, 1, 1]);
    const p = [7280, 4, 13.4, 7.4, 3, 1662, 3, 3, 13.8, 3, 766240, 17820];
    const base = problem(matrix, weights, types, 'promethee2');
    const result = evaluate(withPreferences(base, p.map((value) => ({ function: 'vshape', p: value }))));
    expectClose(result.scores, [-0.0445, 0.1884, -0.0954, -0.0485], 5e-5);
  });

  it('reproduces Ziemba (2019) PROMETHEE II flows with linear functions and cost criteria', () => {
    // Ziemba, P. (2019), Towards strong sustainability management — a generalized PROSA method,
    // Sustainability 11(6) 1555; as tested by pyrepo-mcda (PROMETHEE_II no 2).
    const matrix = transpose([
      [38723, 34913, 25596, 34842, 22570, 39773, 19500, 34525, 16486],
      [33207, 32085, 2123, 32095, 1445, 17485, 868, 16958, 958],
      [0, 0.2, 5, 0.2, 0.2, 0.2, 99, 99, 99],
      [3375, 3127, 3547, 3115, 3090, 4135, 3160, 4295, 3653],
      [11.36, 12.78, 12.78, 12.86, 12.86, 17, 12.86, 17, 12.86],
      [-320.9, -148.4, -148.4, -9.9, -9.9, 0, -9.9, 0, -9.9],
      [203.7, 463, 356.2, 552.5, 295, 383, 264, 352, 264],
      [0, 11.7, 44.8, 11.7, 95.9, 95.9, 116.8, 116.8, 164.9],
      [0, 4.9, 10.7, 5.4, 11.2, 11.2, 11.2, 11.2, 11.2],
      [1, 1, 1, 3.5, 4, 4, 4, 4, 4],
      [21.5, 47.9, 27.7, 39.7, 1.5, 22.7, 2.7, 23.9, 1],
      [0, 3.7, 4.5, 10.3, 11.5, 11.5, 11.3, 11.3, 11.4],
    ]);
    const weights = [0.3333, 0.1667, 0.1667, 0.3333, 0.25, 0.75, 1, 1, 0.4, 0.2, 0.4, 1];
    const types = kinds([-1, -1, 1, -1, 1, 1, -1, 1, 1, -1, -1, 1]);
    const p = [2100, 5000, 50, 200, 5, 20, 100, 80, 4, 2, 23, 3];
    const q = [420, 1000, 10, 40, 1, 7, 50, 20, 1, 1, 4.6, 1];
    const base = problem(matrix, weights, types, 'promethee2');
    const result = evaluate(withPreferences(base, p.map((value, j) => ({ function: 'linear', q: q[j] ?? 0, p: value }))));
    expectClose(result.scores, [-0.4143, -0.5056, -0.2317, -0.2892, 0.3313, 0.0619, 0.4296, 0.1626, 0.4554], 5e-5);
  });
});
