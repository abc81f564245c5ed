import { checkJsonDepth, checkTextSize } from './limits.ts';
import { jsonSyntaxProblem } from './json-lines.ts';
import { fail, stripBom } from './problems.ts';

/**
 * The first steps of reading any JSON file: size and nesting limits before parsing, a byte-order
 * mark dropped, and a syntax error reported with its line. Answers the text (for locating later
 * problems) and the parsed value.
 */
export function readJsonFile(input: string, fileName: string, maxDepth?: number): { text: string; doc: unknown } {
  checkTextSize(input, fileName);
  const text = stripBom(input);
  checkJsonDepth(text, fileName, maxDepth);
  try {
    return { text, doc: JSON.parse(text) as unknown };
  } catch (error) {
    const syntax = jsonSyntaxProblem(text, error instanceof Error ? error.message : String(error));
    return fail(fileName, syntax.message, syntax.line);
  }
}
