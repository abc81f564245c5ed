import { readCsv, writeCsv } from '../formats/csv-rows.ts';
import { Problems } from '../formats/problems.ts';
import type { DecisionProblemInput } from './schema.ts';

/**
 * A decision matrix as a spreadsheet: one row per alternative, one column per criterion, with
 * three marked rows under the header for each criterion's type, weight and name:
 *
 *   alternative,name,entity,recurring,margin
 *   #type,,,benefit,benefit
 *   #weight,,,25,20
 *   #name,,,Recurring revenue,Margin
 *   subscription,Service subscription,model/service-subscription,5,3
 *
 * An empty value cell is a missing value. With semicolons as the separator (European Excel) a
 * decimal comma is read as a point. Method, weighting and evidence are not part of this format;
 * an import starts from the problem it updates (or a weighted sum with direct weights).
 */

const FIXED = ['alternative', 'name', 'entity'] as const;
const META = ['#type', '#weight', '#name'] as const;

export function printDecisionCsv(problem: DecisionProblemInput): string {
  const criteria = problem.criteria;
  const rows: string[][] = [
    [...FIXED, ...criteria.map((c) => c.id)],
    ['#type', '', '', ...criteria.map((c) => c.type)],
    ['#weight', '', '', ...criteria.map((c) => (c.weight === undefined ? '' : String(c.weight)))],
    ['#name', '', '', ...criteria.map((c) => c.name ?? '')],
  ];
  problem.alternatives.forEach((a, i) =>
    rows.push([a.id, a.name ?? '', a.entity ?? '', ...criteria.map((_, j) => {
      const v = problem.matrix?.[i]?.[j];
      return v === null || v === undefined ? '' : String(v);
    })]),
  );
  return writeCsv(rows);
}

/** Reads a matrix CSV into `base` (its method and settings kept), naming the line and column of every problem. */
export function parseDecisionCsv(input: string, fileName: string, base: Partial<DecisionProblemInput> = {}): DecisionProblemInput {
  const { rows, separator } = readCsv(input, fileName, 20_000);
  const problems = new Problems();
  const header = rows[0]?.cells.map((c) => c.trim()) ?? [];
  if (FIXED.some((name, i) => header[i]?.toLowerCase() !== name))
    problems.add([], `the header row must start with ${FIXED.join(', ')}, then one column per criterion id`, 1);
  problems.throwIfAny(fileName);
  const criterionIds = header.slice(FIXED.length);
  const seen = new Set<string>();
  criterionIds.forEach((id, j) => {
    if (!id) problems.add(['criteria', j], 'a criterion column has no id in the header row', 1);
    else if (seen.has(id)) problems.add(['criteria', j], `the criterion id "${id}" is used twice`, 1);
    seen.add(id);
  });
  const meta = new Map<string, { cells: string[]; line: number }>();
  const data: { cells: string[]; line: number }[] = [];
  for (const row of rows.slice(1)) {
    const first = (row.cells[0] ?? '').trim();
    if (row.cells.every((c) => c.trim() === '')) continue;
    if ((META as readonly string[]).includes(first.toLowerCase())) meta.set(first.toLowerCase(), row);
    else data.push(row);
  }
  const number = (text: string, line: number, column: string): number | null => {
    const cleaned = (separator === ';' ? text.replace(',', '.') : text).trim();
    if (cleaned === '') return null;
    const value = Number(cleaned);
    if (!Number.isFinite(value)) {
      problems.add([column], `"${text}" is not a number`, line);
      return null;
    }
    return value;
  };
  const types = meta.get('#type');
  const weights = meta.get('#weight');
  const names = meta.get('#name');
  const criteria = criterionIds.map((id, j) => {
    const col = FIXED.length + j;
    const type = (types?.cells[col] ?? 'benefit').trim().toLowerCase() || 'benefit';
    if (type !== 'benefit' && type !== 'cost') problems.add([id], `the type must be benefit or cost, not "${type}"`, types?.line);
    const weight = weights ? number(weights.cells[col] ?? '', weights.line, id) : null;
    const name = (names?.cells[col] ?? '').trim();
    return { id, type: type === 'cost' ? ('cost' as const) : ('benefit' as const), ...(weight !== null ? { weight } : {}), ...(name ? { name } : {}) };
  });
  const ids = new Set<string>();
  const alternatives = data.map(({ cells, line }) => {
    const id = (cells[0] ?? '').trim();
    if (!id) problems.add(['alternative'], 'the row has no alternative id', line);
    else if (ids.has(id)) problems.add(['alternative'], `the alternative id "${id}" is used twice`, line);
    ids.add(id);
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== ''))
      problems.add([], 'the row has values beyond the last criterion column', line);
    const name = (cells[1] ?? '').trim();
    const entity = (cells[2] ?? '').trim();
    return { id, ...(name ? { name } : {}), ...(entity ? { entity } : {}) };
  });
  const matrix = data.map(({ cells, line }) => criterionIds.map((id, j) => number(cells[FIXED.length + j] ?? '', line, id)));
  problems.throwIfAny(fileName);
  return { method: 'wsm', ...base, alternatives, criteria, matrix };
}
