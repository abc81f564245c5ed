import { Matrix } from './matrix.ts';
import { show } from './problems.ts';
import type { Warning } from './schema.ts';

/** Beyond this many, missing cells are summed up in one warning instead of one each. */
const LISTED = 50;

/**
 * Missing values (null) are scored as the worst value present in their column (the minimum of a
 * benefit, the maximum of a cost): an unknown never helps an alternative, it stays inside the
 * data's range (so positivity rules still hold), and every method can score it. Each filled cell
 * gets a warning with its path. Validation has ensured every column has at least one value.
 */
export function fillMissing(
  rows: readonly (readonly (number | null)[])[],
  benefit: readonly boolean[],
  names: { alternatives: readonly string[]; criteria: readonly string[] },
  warnings: Warning[],
): Matrix {
  const m = rows.length;
  const n = benefit.length;
  const out = new Matrix(m, n);
  let missing = 0;
  for (let j = 0; j < n; j++) {
    let worst = benefit[j] === false ? -Infinity : Infinity;
    for (const row of rows) {
      const x = row[j];
      if (x === null || x === undefined) continue;
      worst = benefit[j] === false ? Math.max(worst, x) : Math.min(worst, x);
    }
    for (let i = 0; i < m; i++) {
      const x = rows[i]?.[j];
      if (x !== null && x !== undefined) {
        out.set(i, j, x);
        continue;
      }
      out.set(i, j, worst);
      missing++;
      if (missing <= LISTED)
        warnings.push({
          code: 'missing_value',
          path: ['matrix', i, j],
          message: `"${names.alternatives[i]}" has no value for "${names.criteria[j]}"; it is scored as the worst value in that column (${show(worst)})`,
        });
    }
  }
  if (missing > LISTED)
    warnings.push({
      code: 'missing_value',
      path: ['matrix'],
      message: `${missing - LISTED} more missing values are scored as the worst value in their column`,
    });
  return out;
}
