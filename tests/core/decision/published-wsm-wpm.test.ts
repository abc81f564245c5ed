import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../core/decision/index.ts';
import { expectClose, problem } from './fixtures.ts';

/**
 * Triantaphyllou (2000), Multi-Criteria Decision Making Methods: A Comparative Study, the
 * three-alternative, four-criterion example (weights 0.20, 0.15, 0.40, 0.25) reproduced in the
 * Wikipedia articles "Weighted sum model" and "Weighted product model".
 */
const TRIANTAPHYLLOU = [
  [25, 20, 15, 30],
  [10, 30, 20, 30],
  [30, 10, 30, 10],
];
const TRIANTAPHYLLOU_WEIGHTS = [0.2, 0.15, 0.4, 0.25];

describe('WSM against published examples', () => {
  it('reproduces Triantaphyllou’s WSM scores (21.50, 22.00, 22.00) and reports the tie', () => {
    // Wikipedia "Weighted sum model", Example table: A1 21.50, A2 22.00, A3 22.00 (the data are
    // already commensurable, hence no normalisation). Older revisions printed 20.00 for A3, an
    // arithmetic slip: 30·0.20 + 10·0.15 + 30·0.40 + 10·0.25 = 22.
    const result = evaluate(problem(TRIANTAPHYLLOU, TRIANTAPHYLLOU_WEIGHTS, 'benefit', 'wsm', { normalization: 'none' }));
    expectClose(result.scores, [21.5, 22, 22], 1e-9);
    expect(result.ranks).toEqual([3, 1, 1]);
    expect(result.warnings.filter((w) => w.code === 'tie')).toHaveLength(1);
  });

  it('reproduces the SAW examples of the Julia package JMcDM (test/mcdm/testsaw.jl)', () => {
    // JMcDM's saw() normalises benefits by x/max and costs by min/x: our "linear" normalisation.
    const example1 = evaluate(
      problem(
        [
          [25, 65, 7, 20],
          [21, 78, 6, 24],
          [19, 53, 5, 33],
          [22, 25, 2, 31],
        ],
        [0.25, 0.25, 0.25, 0.25],
        ['benefit', 'benefit', 'cost', 'benefit'],
        'wsm',
        { normalization: 'linear' },
      ),
    );
    expectClose(example1.scores, [0.681277, 0.725151, 0.709871, 0.784976], 1e-4);

    const example2 = evaluate(
      problem(
        [
          [4, 7, 3, 2, 2, 2, 2],
          [4, 4, 6, 4, 4, 3, 7],
          [7, 6, 4, 2, 5, 5, 3],
          [3, 2, 5, 3, 3, 2, 5],
          [4, 2, 2, 5, 5, 3, 6],
        ],
        [0.283, 0.162, 0.162, 0.07, 0.085, 0.162, 0.076],
        'benefit',
        'wsm',
        { normalization: 'linear' },
      ),
    );
    expectClose(example2.scores, [0.553228, 0.713485, 0.837428, 0.514657, 0.579342], 1e-4);
    expect(example2.ranking).toEqual(['a3', 'a2', 'a5', 'a1', 'a4']);
  });

  it('reproduces Rizan et al. (2020) SAW admission example, as tested by pyrepo-mcda', () => {
    // Rizan, Wahyuningsih, Pradana & Ramadella (2020), SAW Method in Supporting the Process of
    // Admission of New Junior High School Students, CITSM 2020; pyrepo-mcda
    // tests/test_mcda_methods_2.py (SAW with linear normalisation): 0.35, 0.375, 0.825, 0.642.
    const result = evaluate(
      problem(
        [
          [0.75, 0.5, 0.75, 0, 0, 0, 1],
          [0.75, 1, 0.75, 0, 0, 0, 0.75],
          [0.75, 0.75, 0.75, 0, 0.5, 0.25, 1],
          [0.5, 0.5, 0.75, 1, 0.5, 0, 0.75],
        ],
        [0.1, 0.1, 0.1, 0.15, 0.2, 0.25, 0.1],
        'benefit',
        'wsm',
        { normalization: 'linear' },
      ),
    );
    expectClose(result.scores, [0.35, 0.375, 0.825, 0.642], 5e-4);
  });
});

describe('WPM against published examples', () => {
  it('reproduces Triantaphyllou’s WPM ratios P(A1/A2) = 1.007, P(A1/A3) = 1.067, P(A2/A3) = 1.059', () => {
    // Wikipedia "Weighted product model", Example: the ratios of the products Π aᵢⱼ^wⱼ.
    const { scores } = evaluate(problem(TRIANTAPHYLLOU, TRIANTAPHYLLOU_WEIGHTS, 'benefit', 'wpm', { normalization: 'none' }));
    const [a1, a2, a3] = scores as [number, number, number];
    expectClose([a1 / a2, a1 / a3, a2 / a3], [1.007, 1.067, 1.059], 5e-4);
    // Ratios do not depend on scaling a benefit column, so max normalisation agrees.
    const scaled = evaluate(problem(TRIANTAPHYLLOU, TRIANTAPHYLLOU_WEIGHTS, 'benefit', 'wpm', { normalization: 'max' })).scores;
    expectClose([(scaled[0] as number) / (scaled[1] as number)], [a1 / a2], 1e-12);
  });

  it('reproduces the WPM example of JMcDM (test/mcdm/testwpm.jl) with the default linear normalisation', () => {
    const result = evaluate(
      problem(
        [
          [3, 12.5, 2, 120, 14, 3],
          [5, 15, 3, 110, 38, 4],
          [3, 13, 2, 120, 19, 3],
          [4, 14, 2, 100, 31, 4],
          [3, 15, 1.5, 125, 40, 4],
        ],
        [0.221, 0.159, 0.175, 0.127, 0.117, 0.201],
        ['benefit', 'cost', 'cost', 'benefit', 'cost', 'benefit'],
        'wpm',
      ),
    );
    expect(result.normalization).toBe('linear');
    expectClose(result.scores, [0.7975224331331, 0.7532541470585, 0.7647463553356, 0.7873956894791, 0.7674278741782], 1e-4);
    // Contributions are wⱼ·ln rᵢⱼ and add up to ln(score).
    result.contributions.forEach((row, i) => expect(Math.exp(row.reduce((s, x) => s + x, 0))).toBeCloseTo(result.scores[i] ?? 0, 12));
  });
});
