import i18next from 'i18next';
import { AppError, formatPath, type Problem } from '../../../core/api.ts';

/** The problems an API error carries (for invalid input or files), for showing per field or line. */
export function problemsOf(error: unknown): Problem[] {
  return error instanceof AppError ? (error.details?.problems ?? []) : [];
}

/**
 * The sentence to show for an error. The server writes its sentences (with file, line and field)
 * in English; in any other UI language a summary of the error's code in that language comes first,
 * so a reader always learns what happened, and the English detail still says where.
 */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof AppError) || i18next.language === 'en') return message;
  return `${i18next.t(`errors.${error.code}`)} ${message}`;
}

/** The message for one field of a form, by the path the server reports (['title', 'en']). */
export function fieldError(problems: readonly Problem[], ...path: (string | number)[]): string | undefined {
  const key = formatPath(path);
  return problems.find((p) => formatPath(p.path) === key || formatPath(p.path).startsWith(`${key}.`) || formatPath(p.path).startsWith(`${key}[`))
    ?.message;
}
