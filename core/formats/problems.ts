import type { z } from 'zod';
import { AppError, describeProblems, type Problem } from '../api/result.ts';
import { LIMITS } from './limits.ts';

/**
 * Collects what is wrong with a file so the user can fix everything in one go, up to a cap: past
 * LIMITS.maxProblems the rest is usually the same mistake repeated, or the wrong file.
 */
export class Problems {
  readonly list: Problem[] = [];
  private dropped = 0;

  add(path: (string | number)[], message: string, line?: number): void {
    if (this.list.length >= LIMITS.maxProblems) {
      this.dropped++;
      return;
    }
    this.list.push(line === undefined ? { path, message } : { path, line, message });
  }

  get full(): boolean {
    return this.list.length >= LIMITS.maxProblems;
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  /** Fills in lines from a locator that maps paths to lines (all at once: one pass over the file). */
  locate(lines: (paths: (string | number)[][]) => (number | undefined)[]): void {
    const found = lines(this.list.map((p) => p.path));
    this.list.forEach((p, i) => {
      const line = found[i];
      if (p.line === undefined && line !== undefined) p.line = line;
    });
  }

  /** Throws `invalid_file` if anything was collected, problems in file order. */
  throwIfAny(fileName: string): void {
    // In file order, the order a person fixes them in (the sort is stable).
    this.list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (this.list.length > 0) throw invalidFile(fileName, this.list, this.dropped);
  }
}

export function invalidFile(fileName: string, problems: Problem[], dropped = 0): AppError {
  const details = dropped > 0 ? { file: fileName, problems, truncated: dropped } : { file: fileName, problems };
  return new AppError('invalid_file', `${fileName}: ${describeProblems(problems)}`, details);
}

/** Throws `invalid_file` with one problem. */
export function fail(fileName: string, message: string, line?: number, path: (string | number)[] = []): never {
  throw invalidFile(fileName, [line === undefined ? { path, message } : { path, line, message }]);
}

/** Counts line breaks the way editors do: CRLF, CR and LF each end one line. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) count++;
    else if (c === 0x0d) {
      count++;
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return count;
}

/** Editors on Windows put a byte-order mark in front of UTF-8 files; it is not content. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A zod error as paths and messages. An unknown key is reported at the key itself (zod puts it
 * on the object), so its line is the line of the typo.
 */
export function zodProblems(error: z.ZodError): { path: (string | number)[]; message: string }[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...path, key], message: `unknown key "${key}"` }));
    return [{ path, message: issue.message }];
  });
}

/** `a case`, `an organisation`: kinds in sentences. */
export const kindWithArticle = (kind: string): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
