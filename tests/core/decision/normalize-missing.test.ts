import { describe, expect, it } from 'vitest';
import { defaultNormalization, evaluate, normalizeColumn, type Normalization } from '../../../core/decision/index.ts';
import { expectClose, problem } from './fixtures.ts';

const column = Float64Array.from([2, 4, 8]);

describe('normalisations (higher is better afterwards)', () => {
  const cases: [Normalization, number[], number[]][] = [
    ['none', [2, 4, 8], [-2, -4, -8]],
    ['minmax', [0, 1 / 3, 1], [1, 2 / 3, 0]],
    ['max', [0.25, 0.5, 1], [0.75, 0.5, 0]],
    ['sum', [2 / 14, 4 / 14, 8 / 14], [0.5 / 0.875, 0.25 / 0.875, 0.125 / 0.875]],
    ['vector', [2 / Math.sqrt(84), 4 / Math.sqrt(84), 8 / Math.sqrt(84)], [1 - 2 / Math.sqrt(84), 1 - 4 / Math.sqrt(84), 1 - 8 / Math.sqrt(84)]],
    ['linear', [0.25, 0.5, 1], [1, 0.5, 0.25]],
  ];
  it.each(cases)('%s', (kind, benefit, cost) => {
    expectClose(Array.from(normalizeColumn(column, true, kind)), benefit, 1e-15);
    expectClose(Array.from(normalizeColumn(column, false, kind)), cost, 1e-15);
  });

  it('turns a cost into 1/x under "none" for WPM', () => {
    expectClose(Array.from(normalizeColumn(column, false, 'none', true)), [0.5, 0.25, 0.125], 1e-15);
  });

  it('maps a constant column to 1s and warns about it', () => {
    expectClose(Array.from(normalizeColumn(Float64Array.from([3, 3]), true, 'minmax')), [1, 1], 0);
    const result = evaluate(problem([[3, 1], [3, 2]], [1, 1], 'benefit', 'wsm'));
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'constant_column', path: ['criteria', 0] }));
  });

  it('has a sensible default per method', () => {
    expect(defaultNormalization('wsm', false)).toBe('minmax');
    expect(defaultNormalization('wpm', false)).toBe('linear');
    expect(defaultNormalization('topsis', false)).toBe('vector');
    expect(defaultNormalization('topsis', true)).toBe('none');
  });

  it('ignores a normalisation for the raw-value methods, with a warning', () => {
    const result = evaluate(problem([[1, 2], [2, 1]], [1, 1], 'benefit', 'vikor', { normalization: 'vector' }));
    expect(result.normalization).toBe('minmax');
    expect(result.warnings.map((w) => w.code)).toContain('normalization_ignored');
  });
});

describe('missing values', () => {
  const matrix = [
    [10, 5, 1],
    [null, 7, null],
    [30, 9, 3],
  ];

  it('score as the worst value of their column, with a warning naming the cell', () => {
    const result = evaluate(problem(matrix, [1, 1, 1], ['benefit', 'cost', 'cost'], 'wsm', { normalization: 'none' }));
    // Benefit: worst is the minimum (10); cost: worst is the maximum (3), seen as −3 under "none".
    expect(result.normalized[1]).toEqual([10, -7, -3]);
    expect(result.warnings.filter((w) => w.code === 'missing_value').map((w) => w.path)).toEqual([
      ['matrix', 1, 0],
      ['matrix', 1, 2],
    ]);
    expect(result.warnings.find((w) => w.code === 'missing_value')?.message).toMatch(/"a2" has no value for "c1"; .* worst value in that column \(10\)/);
  });

  it('never produce NaN in any method', () => {
    for (const method of ['wsm', 'wpm', 'topsis', 'vikor', 'promethee2'] as const) {
      const result = evaluate(problem(matrix, [1, 1, 1], 'benefit', method));
      for (const value of [...result.scores, ...result.normalized.flat(), ...result.contributions.flat()]) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('never help an alternative', () => {
    // a2 misses its best-possible benefit value; filled with the worst, it cannot win.
    const result = evaluate(problem([[5, 5], [null, 9], [6, 4]], [1, 1], 'benefit', 'wsm'));
    expect(result.normalized[1]?.[0]).toBe(0);
  });
});
