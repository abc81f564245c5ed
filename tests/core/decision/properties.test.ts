import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregatePairwise, evaluate, METHODS, type Method, type Preference } from '../../../core/decision/index.ts';
import { unicriterionSums } from '../../../core/decision/methods/promethee.ts';
import { argsortDoubles } from '../../../core/decision/sort.ts';
import { problem, type Kind } from './fixtures.ts';

/** A random problem: m × n positive values (every method accepts them), positive weights. */
const arbitraryProblem = fc
  .record({ m: fc.integer({ min: 2, max: 7 }), n: fc.integer({ min: 2, max: 5 }) })
  .chain(({ m, n }) =>
    fc.record({
      matrix: fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      weights: fc.array(fc.double({ min: 0.05, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
      types: fc.array(fc.constantFrom<Kind>('benefit', 'cost'), { minLength: n, maxLength: n }),
      column: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: m, maxLength: m }),
      pick: fc.nat(),
    }),
  );

function expectSameOutcome(a: ReturnType<typeof evaluate>, b: ReturnType<typeof evaluate>): void {
  a.scores.forEach((score, i) => expect(Math.abs(score - (b.scores[i] ?? NaN))).toBeLessThan(1e-9 * (1 + Math.abs(score))));
  expect(a.ranks).toEqual(b.ranks);
}

describe('properties of every method', () => {
  it.each(METHODS)('%s: a zero-weight criterion changes nothing, whatever its values', (method: Method) => {
    fc.assert(
      fc.property(arbitraryProblem, ({ matrix, weights, types, column, pick }) => {
        const j = pick % weights.length;
        const zeroed = weights.map((w, k) => (k === j ? 0 : w));
        const replaced = matrix.map((row, i) => row.map((x, k) => (k === j ? (column[i] ?? x) : x)));
        expectSameOutcome(evaluate(problem(matrix, zeroed, types, method)), evaluate(problem(replaced, zeroed, types, method)));
      }),
      { numRuns: 150 },
    );
  });

  it.each(METHODS)('%s: scaling all weights changes nothing when they are normalised', (method: Method) => {
    fc.assert(
      fc.property(arbitraryProblem, fc.double({ min: 0.001, max: 1000, noNaN: true }), ({ matrix, weights, types }, factor) => {
        const scaled = weights.map((w) => w * factor);
        expectSameOutcome(evaluate(problem(matrix, weights, types, method)), evaluate(problem(matrix, scaled, types, method)));
      }),
      { numRuns: 150 },
    );
  });

  it('WSM: a dominated alternative never ranks first', () => {
    fc.assert(
      fc.property(arbitraryProblem, fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 5, maxLength: 5 }), ({ matrix, weights, types, pick }, gaps) => {
        const m = matrix.length;
        const dominated = pick % m;
        const dominant = (dominated + 1) % m;
        // Worse than the dominant row on every criterion, strictly on the first.
        const row = (matrix[dominant] ?? []).map((x, j) => {
          const gap = (gaps[j] ?? 0) + (j === 0 ? 1 : 0);
          return types[j] === 'benefit' ? x - gap : x + gap;
        });
        const rows = matrix.map((r, i) => (i === dominated ? row : r));
        const result = evaluate(problem(rows, weights, types, 'wsm'));
        expect(result.ranks[dominated]).toBeGreaterThan(1);
        expect(result.ranking[0]).not.toBe(`a${dominated + 1}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('properties of group aggregation', () => {
  /** A reciprocal matrix from random Saaty-scale judgments above the diagonal. */
  const saatyValue = fc.constantFrom(1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9);
  const reciprocalMatrix = (n: number): fc.Arbitrary<number[][]> =>
    fc.array(saatyValue, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
      const a = Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
      let k = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const v = upper[k++] ?? 1;
          (a[i] as number[])[j] = v;
          (a[j] as number[])[i] = 1 / v;
        }
      return a;
    });

  it('the geometric mean of reciprocal matrices stays reciprocal', () => {
    const judgments = fc.integer({ min: 2, max: 7 }).chain((n) => fc.array(reciprocalMatrix(n), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(judgments, (matrices) => {
        const { matrix } = aggregatePairwise(matrices);
        matrix.forEach((row, i) =>
          row.forEach((value, k) => {
            expect(value * (matrix[k]?.[i] ?? NaN)).toBeCloseTo(1, 12);
            if (i === k) expect(value).toBeCloseTo(1, 12);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});

/** Brans & Vincke's definitions, pair by pair: the reference for the sorted sweep. */
function naivePreference(d: number, preference: Preference | undefined): number {
  if (d <= 0) return 0;
  const q = preference?.q ?? 0;
  const p = preference?.p ?? 0;
  switch (preference?.function ?? 'usual') {
    case 'usual':
      return 1;
    case 'ushape':
      return d <= q ? 0 : 1;
    case 'vshape':
      return d <= p ? d / p : 1;
    case 'level':
      return d <= q ? 0 : d <= p ? 0.5 : 1;
    case 'linear':
      return d <= q ? 0 : d <= p ? (d - q) / (p - q) : 1;
    case 'gaussian': {
      const s = preference?.s ?? 1;
      return 1 - Math.exp(-(d * d) / (2 * s * s));
    }
  }
}

describe('PROMETHEE sweep', () => {
  const preference: fc.Arbitrary<Preference> = fc.oneof(
    fc.constant<Preference>({ function: 'usual' }),
    fc.integer({ min: 0, max: 6 }).map((q): Preference => ({ function: 'ushape', q })),
    fc.integer({ min: 1, max: 6 }).map((p): Preference => ({ function: 'vshape', p })),
    fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })).map(([q, extra]): Preference => ({ function: 'level', q, p: q + extra })),
    fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })).map(([q, extra]): Preference => ({ function: 'linear', q, p: q + extra })),
    fc.double({ min: 0.2, max: 5, noNaN: true }).map((s): Preference => ({ function: 'gaussian', s })),
  );
  // Small integers give many ties and differences exactly at q and p, the cases a sweep gets wrong first.
  const values = fc.oneof(
    fc.array(fc.integer({ min: -5, max: 8 }), { minLength: 1, maxLength: 40 }),
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }),
  );

  it('equals the pairwise definition for all six preference functions, both directions', () => {
    fc.assert(
      fc.property(values, fc.boolean(), preference, (column, benefit, pref) => {
        const sums = unicriterionSums(Float64Array.from(column), benefit, pref);
        column.forEach((a, i) => {
          let plus = 0;
          let minus = 0;
          for (const b of column) {
            const d = benefit ? a - b : b - a;
            plus += naivePreference(d, pref);
            minus += naivePreference(-d, pref);
          }
          expect(Math.abs((sums.plus[i] ?? NaN) - plus)).toBeLessThan(1e-9 * (1 + column.length));
          expect(Math.abs((sums.minus[i] ?? NaN) - minus)).toBeLessThan(1e-9 * (1 + column.length));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('sorts by radix exactly as a comparator sort does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, -1)), { maxLength: 200 }), (xs) => {
        const values = Float64Array.from(xs);
        const order = Array.from(argsortDoubles(values));
        const expected = Array.from(values.keys()).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
        expect(order).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
