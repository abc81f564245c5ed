import { z } from 'zod';

/**
 * Every call over every transport answers with this envelope: `{ok: true, value}` or
 * `{ok: false, error}`. Errors carry a stable code the UI can switch on, a sentence for people,
 * and details (for invalid input: one entry per problem with its path).
 */
export const ERROR_CODES = [
  'invalid_args',
  'unknown_method',
  'not_found',
  'conflict',
  'invalid_file',
  'too_large',
  'workspace_newer',
  'not_a_workspace',
  'workspace_damaged',
  'workspace_locked',
  'busy',
  'cancelled',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Problem {
  /** Where: a JSON path into the arguments or file (`['entities', 3, 'title', 'en']`). */
  path: (string | number)[];
  /** For files: the 1-based line, when the format has lines. */
  line?: number;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: { problems?: Problem[]; file?: string; [key: string]: unknown };
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Thrown by server code; the router turns it into `{ok: false, error}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ApiErrorBody['details'];
  constructor(code: ErrorCode, message: string, details?: ApiErrorBody['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** `entities[3].title.en` — how a path is shown to people. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function describeProblems(problems: readonly Problem[], limit = 3): string {
  const shown = problems.slice(0, limit).map((p) => {
    const where = [p.line !== undefined ? `line ${p.line}` : '', formatPath(p.path)].filter(Boolean).join(', ');
    return where ? `${where}: ${p.message}` : p.message;
  });
  const more = problems.length > limit ? ` (and ${problems.length - limit} more)` : '';
  return shown.join('; ') + more;
}

/** Converts zod issues into problems with paths, so every transport reports the same way. */
export function problemsFromZod(error: z.ZodError, prefix: (string | number)[] = []): Problem[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
  }));
}
