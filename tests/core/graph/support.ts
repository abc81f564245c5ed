import { expect } from 'vitest';
import { AppError } from '../../../core/api/result.ts';
import { MapDocument, propositions } from '../../../core/graph/model.ts';

/** Propositions as a reader would say them: `A -uses-> B`, sorted. */
export function said(map: Pick<MapDocument, 'phrases'>): string[] {
  return propositions(map)
    .map((p) => `${p.from} -${p.phrase}-> ${p.to}`)
    .sort();
}

export function labels(map: MapDocument): Record<string, string> {
  return Object.fromEntries(map.concepts.map((c) => [c.id, c.label]));
}

/** Runs `fn`, expecting an AppError with `code`; returns it for further checks. */
export function thrown(fn: () => unknown, code: AppError['code']): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code, appError.message).toBe(code);
    return appError;
  }
  throw new Error(`expected an AppError ${code}, but nothing was thrown`);
}

/** An invalid_file error pointing at `line`, saying so in its message, with one problem. */
export function invalidAt(fn: () => unknown, line: number): AppError {
  const error = thrown(fn, 'invalid_file');
  expect(error.message).toContain(`line ${line}`);
  const problems = error.details?.problems ?? [];
  expect(problems).toHaveLength(1);
  expect(problems[0]?.line).toBe(line);
  return error;
}

/** The map satisfies the model's own schema (ids, lengths, enums). */
export function expectValid(map: MapDocument): void {
  const parsed = MapDocument.safeParse(map);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
}
