import { AppError, formatPath, type Problem } from '../../../core/api.ts';

/** The problems an API error carries (for invalid input or files), for showing per field or line. */
export function problemsOf(error: unknown): Problem[] {
  return error instanceof AppError ? (error.details?.problems ?? []) : [];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The message for one field of a form, by the path the server reports (['title', 'en']). */
export function fieldError(problems: readonly Problem[], ...path: (string | number)[]): string | undefined {
  const key = formatPath(path);
  return problems.find((p) => formatPath(p.path) === key || formatPath(p.path).startsWith(`${key}.`) || formatPath(p.path).startsWith(`${key}[`))
    ?.message;
}
