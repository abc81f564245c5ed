import type { ImportResult, MapDocument } from './model.ts';
import { MermaidParser } from './mermaid/parser.ts';
import { printMermaid as print } from './mermaid/printer.ts';
import { DEFAULT_LIMITS, withSafeIds, type ImportLimits } from './roundtrip.ts';

/**
 * Mermaid flowcharts ⇄ concept maps.
 *
 * The parser is hand-written (mermaid/parser.ts) because the official one cannot run here: the
 * `mermaid` package needs a DOM (core/ runs without one, in every layer), and `@mermaid-js/parser`,
 * its package-level parser, covers newer diagram types but not flowcharts. A flowchart is a small
 * line-oriented language, so a recursive-descent reader that follows Mermaid's grammar (flow.jison)
 * is short, reports exact lines, and can be lenient where the seed book relies on it (brackets
 * inside unquoted labels).
 *
 * Each edge becomes its own phrase (`A & B --> C` is two phrases); the printer writes a phrase with
 * several sources or targets with `&`, so a round trip keeps the concepts, the set of propositions
 * and the groups, though not the phrase ids.
 */

export { MAX_EDGES, MAX_NESTING, MAX_NODES, type ImportLimits } from './roundtrip.ts';

export interface MermaidImportOptions {
  /** Lower limits, for callers (and tests) that want them; the defaults are the documented maxima. */
  limits?: Partial<ImportLimits>;
}

/** Reads a Mermaid flowchart. Throws AppError `invalid_file` (with the line) or `too_large`. */
export function parseMermaid(text: string, options: MermaidImportOptions = {}): ImportResult {
  const result = new MermaidParser(text, { ...DEFAULT_LIMITS, ...options.limits }).parse();
  return { ...result, map: withSafeIds(result.map) };
}

/** Writes a Mermaid flowchart that reads back to the same concepts, propositions and groups. */
export function printMermaid(map: MapDocument): string {
  return print(map);
}
