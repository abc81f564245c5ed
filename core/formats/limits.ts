import { AppError } from '../api/result.ts';

/**
 * How much a knowledge-base file may hold. The importers check these before the expensive work
 * (JSON.parse, zod, the Markdown lexer), so a huge or hostile file fails fast with `too_large`
 * instead of freezing the server worker.
 */
export const LIMITS = {
  /**
   * The largest file, 256 MiB. Files arrive as strings, so this is measured as `text.length`
   * (UTF-16 code units): the same as bytes for ASCII, up to three times fewer than the UTF-8 bytes
   * of Chinese text. The server should also refuse files whose size on disk is far above this
   * before it reads them into a string.
   */
  maxBytes: 256 * 1024 * 1024,
  /** Entities in one bundle. */
  maxEntities: 200_000,
  /** Relations in one bundle. */
  maxRelations: 1_000_000,
  /** Data rows (not counting the header) in one CSV of cases. */
  maxCsvRows: 200_000,
  /** Nesting of arrays and objects in a JSON bundle; a valid bundle nests 6 deep. */
  maxJsonDepth: 32,
  /**
   * One entity's Markdown file: far below maxBytes because the Markdown lexer is much slower
   * than JSON.parse, and an entity's texts are capped well below this by the model anyway.
   */
  maxMarkdownChars: 16 * 1024 * 1024,
  /** Problems reported for one file; past this the file is probably not what the user meant to pick. */
  maxProblems: 50,
} as const;

const MIB = 1024 * 1024;

export function tooLarge(fileName: string, message: string, limit: string, max: number): AppError {
  return new AppError('too_large', `${fileName}: ${message}`, { file: fileName, limit, max });
}

/** Throws `too_large` when the text is longer than `max` UTF-16 code units. */
export function checkTextSize(text: string, fileName: string, max: number = LIMITS.maxBytes): void {
  checkFileSize(text.length, fileName, max);
}

/** The same check on a file's size, before it is read at all (a byte count, so slightly stricter for CJK text). */
export function checkFileSize(size: number, fileName: string, max: number = LIMITS.maxBytes): void {
  if (size > max)
    throw tooLarge(
      fileName,
      `the file is larger than ${Math.round(max / MIB)} MiB, the most this import reads. Split it into smaller files and import them one by one.`,
      'maxBytes',
      max,
    );
}

/**
 * Throws `too_large` when arrays and objects nest deeper than `max`. A linear scan that skips
 * strings, run before JSON.parse so deep nesting never reaches a recursive parser or validator.
 * Malformed JSON is left to the parser to report.
 */
export function checkJsonDepth(text: string, fileName: string, max: number = LIMITS.maxJsonDepth): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Strings are most of a bundle: jump to the closing quote with indexOf (several times
      // faster than stepping through them) instead of walking them character by character.
      i = closingQuote(text, i);
      if (i < 0) return;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max)
        throw tooLarge(
          fileName,
          `arrays and objects are nested more than ${max} levels deep; a knowledge-base bundle nests 6 levels. Check that this is a bundle exported by Strategy Workbench.`,
          'maxJsonDepth',
          max,
        );
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
}

/**
 * The index of the quote closing the string opened at `open`, or -1 if it is never closed. A
 * quote is escaped when an odd number of backslashes stands right before it.
 */
function closingQuote(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

/** Throws `too_large` when a file holds more items than the limit allows. */
export function checkCount(count: number, max: number, fileName: string, what: string, limit: string): void {
  if (count > max)
    throw tooLarge(
      fileName,
      `the file holds ${count.toLocaleString('en')} ${what}, more than the ${max.toLocaleString('en')} one import accepts. Split it into smaller files and import them one by one.`,
      limit,
      max,
    );
}
