import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Method } from '../../../core/decision/index.ts';
import { mulberry32, sampleSimplex } from '../../../core/decision/random.ts';
import { expectClose, problem } from './fixtures.ts';

/** Two alternatives that each win one criterion: they swap exactly when the weights are equal. */
const MIRROR = [
  [1, 0],
  [0, 1],
];

describe('weight sensitivity', () => {
  it.each<[Method, 'exact' | 'numeric']>([
    ['wsm', 'exact'],
    ['promethee2', 'exact'],
    ['topsis', 'numeric'],
    ['vikor', 'numeric'],
  ])('%s finds the swap of two mirrored alternatives at equal weights (%s)', (method, solver) => {
    const result = evaluate(problem(MIRROR, [0.6, 0.4], 'benefit', method, { sensitivity: true }));
    const sensitivity = result.sensitivity;
    expect(sensitivity?.top).toBe('a1');
    expect(sensitivity?.solver).toBe(solver);
    const [first, second] = sensitivity?.criteria ?? [];
    expect(first?.weight).toBeCloseTo(0.6, 12);
    expect(first?.topStays.min).toBeCloseTo(0.5, 8);
    expect(first?.topStays.max).toBe(1);
    expect(second?.topStays.min).toBe(0);
    expect(second?.topStays.max).toBeCloseTo(0.5, 8);
    expect(first?.nearestSwap?.weight).toBeCloseTo(0.5, 8);
    expect(first?.nearestSwap?.alternatives).toEqual(['a1', 'a2']);
  });

  it('reports no swap when an alternative dominates', () => {
    const result = evaluate(problem([[2, 2], [1, 1]], [1, 1], 'benefit', 'wsm', { sensitivity: true }));
    expect(result.sensitivity?.criteria.map((c) => c.nearestSwap)).toEqual([null, null]);
    expect(result.sensitivity?.criteria[0]?.topStays).toEqual({ min: 0, max: 1 });
  });

  /** The problem's weights with criterion j's share set to t and the others rescaled. */
  const reweigh = (weights: number[], j: number, t: number): number[] => {
    const total = weights.reduce((s, w) => s + w, 0);
    const share = (weights[j] ?? 0) / total;
    return weights.map((w, k) => (k === j ? t : ((w / total) * (1 - t)) / (1 - share)));
  };

  it('exact answers agree with re-evaluating at the reported weights (WSM, PROMETHEE II)', () => {
    const arbitrary = fc.record({
      // Values to 0.01 on 0–100: no subnormal noise, few exact ties.
      matrix: fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 6 }),
      weights: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
      method: fc.constantFrom<Method>('wsm', 'promethee2'),
    });
    fc.assert(
      fc.property(arbitrary, ({ matrix, weights, method }) => {
        const result = evaluate(problem(matrix, weights, 'benefit', method, { sensitivity: true }));
        if (result.warnings.some((w) => w.code === 'tie' || w.code === 'constant_column')) return;
        result.sensitivity?.criteria.forEach((c, j) => {
          const at = (t: number) => evaluate(problem(matrix, reweigh(weights, j, t), 'benefit', method));
          // Inside the interval the top stays first; just outside it does not.
          for (const t of [c.topStays.min + 1e-6, (c.topStays.min + c.topStays.max) / 2, c.topStays.max - 1e-6])
            if (t > 0 && t < 1) expect(at(t).ranking[0]).toBe(result.sensitivity?.top);
          if (c.topStays.max < 1 - 1e-6) expect(at(c.topStays.max + 1e-6).ranking[0]).not.toBe(result.sensitivity?.top);
          // Before the nearest swap the order is the current one; beyond it the pair is reversed.
          if (c.nearestSwap === null) return;
          const swap = c.nearestSwap;
          const step = Math.sign(swap.weight - c.weight);
          if (step === 0) return;
          expect(at(c.weight + (swap.weight - c.weight) / 2).ranking).toEqual(result.ranking);
          if (swap.weight + step * 1e-6 <= 0 || swap.weight + step * 1e-6 >= 1) return;
          const beyond = at(swap.weight + step * 1e-6);
          const position = (id: string) => beyond.ranking.indexOf(id);
          expect(position(swap.alternatives[0])).toBeGreaterThan(position(swap.alternatives[1]));
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('SMAA', () => {
  const matrix = [
    [8, 7, 2, 1],
    [5, 3, 7, 5],
    [7, 5, 6, 4],
    [9, 9, 7, 3],
    [11, 10, 3, 7],
    [6, 9, 5, 4],
  ];

  it('is reproducible from its seed and changes with it', () => {
    const run = (seed: number) => evaluate(problem(matrix, null, 'benefit', 'topsis', { smaa: { samples: 2000, seed } })).smaa;
    expect(run(42)).toEqual(run(42));
    expect(run(42)?.acceptability).not.toEqual(run(43)?.acceptability);
  });

  it('gives rank acceptabilities that add up to 1 per alternative and per rank', () => {
    const smaa = evaluate(problem(matrix, null, 'benefit', 'vikor', { smaa: { samples: 3000, seed: 3 } })).smaa;
    smaa?.acceptability.forEach((row) => expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12));
    // Without ties each rank is held by exactly one alternative per sample.
    const byRank = (smaa?.acceptability[0] ?? []).map((_, r) => (smaa?.acceptability ?? []).reduce((s, row) => s + (row[r] ?? 0), 0));
    expectClose(byRank, byRank.map(() => 1), 1e-9);
  });

  it('never ranks a dominated alternative first, and averages the winning weights', () => {
    // a2 is dominated by a1; a1 wins where c1 weighs more, a3 where c2 does.
    const smaa = evaluate(problem([[3, 1], [2, 0.5], [1, 3]], null, 'benefit', 'wsm', { smaa: { samples: 4000, seed: 11 } })).smaa;
    expect(smaa?.acceptability[1]?.[0]).toBe(0);
    expect(smaa?.centralWeights[1]).toBeNull();
    expect(smaa?.centralWeights[0]?.[0]).toBeGreaterThan(0.5);
    expect(smaa?.centralWeights[2]?.[1]).toBeGreaterThan(0.5);
    smaa?.centralWeights.forEach((w) => w === null || expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12));
  });

  it('draws weights uniformly on the simplex (Dirichlet(1,…,1): mean 1/n, variance (n − 1)/(n²(n + 1)))', () => {
    const random = mulberry32(2024);
    const n = 4;
    const samples = 200_000;
    const sums = new Float64Array(n);
    const squares = new Float64Array(n);
    const w = new Float64Array(n);
    for (let s = 0; s < samples; s++) {
      sampleSimplex(random, w);
      if (s % 1000 === 0) expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
      w.forEach((x, j) => {
        sums[j] = (sums[j] ?? 0) + x;
        squares[j] = (squares[j] ?? 0) + x * x;
      });
    }
    const variance = (n - 1) / (n * n * (n + 1));
    sums.forEach((total, j) => {
      const mean = total / samples;
      expect(mean).toBeCloseTo(1 / n, 2);
      expect((squares[j] ?? 0) / samples - mean * mean).toBeCloseTo(variance, 3);
    });
  });
});
