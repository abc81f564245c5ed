import { printParseErrorCode, visit, type JSONVisitor } from 'jsonc-parser';
import type { Problem } from '../api/result.ts';

/**
 * Lines for JSON problems. JSON.parse does the parsing (fast, and exact JSON); jsonc-parser's
 * streaming visitor is used only when something is wrong, to find where. The visitor is used
 * rather than parseTree/findNodeAtLocation because a node tree of a 256 MiB file would cost
 * gigabytes; the visitor keeps one path and records only the lines asked for.
 */

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'this number is not written the JSON way',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'unexpected text after the end of the JSON',
  InvalidCommentToken: 'JSON does not allow comments',
  UnexpectedEndOfComment: 'JSON does not allow comments',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'a \\u escape needs four hex digits',
  InvalidEscapeCharacter: 'unknown escape after a backslash',
  InvalidCharacter: 'a control character (such as a line break) inside a string must be escaped',
};

/** The first syntax error, with its 1-based line and column; later errors are usually its echoes. */
export function jsonSyntaxProblem(text: string, fallbackMessage: string): Problem {
  let found: Problem | undefined;
  visit(
    text,
    {
      onError(code, _offset, _length, startLine, startCharacter) {
        if (found) return;
        const name = printParseErrorCode(code);
        const message = SYNTAX_MESSAGES[name] ?? name;
        found = { path: [], line: startLine + 1, message: `not valid JSON: ${message} at column ${startCharacter + 1}` };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (found) return found;
  // The two parsers disagree: fall back on the engine's message, which V8 ends with "(line 3 column 7)".
  const at = /\(line (\d+) column \d+\)/.exec(fallbackMessage);
  return at ? { path: [], line: Number(at[1]), message: `not valid JSON: ${fallbackMessage}` } : { path: [], message: `not valid JSON: ${fallbackMessage}` };
}

type Path = readonly (string | number)[];

const keyOf = (path: Path): string => path.map(String).join('\u0000');

/**
 * The 1-based line of the value at each path, or of its nearest ancestor that exists (a missing
 * property is reported where its object starts). One pass over the text whatever the number of paths.
 */
export function jsonLines(text: string, paths: readonly Path[]): (number | undefined)[] {
  const wanted = new Set<string>();
  let maxDepth = 0;
  for (const path of paths) {
    maxDepth = Math.max(maxDepth, path.length);
    for (let n = 0; n <= path.length; n++) wanted.add(keyOf(path.slice(0, n)));
  }
  const found = new Map<string, number>();
  // The path of the value being read: a stack of containers, each knowing its own key and the
  // key of its current member.
  const stack: { key: string; depth: number; member: string | number; isArray: boolean }[] = [];
  const valueKey = (): { key: string; depth: number } | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return { key: '', depth: 0 };
    if (top.isArray) top.member = (top.member as number) + 1;
    const depth = top.depth + 1;
    if (depth > maxDepth) return undefined;
    const key = top.depth === 0 ? String(top.member) : `${top.key}\u0000${String(top.member)}`;
    return { key, depth };
  };
  const record = (key: string, line: number) => {
    if (wanted.has(key) && !found.has(key)) found.set(key, line + 1);
  };
  const open = (isArray: boolean) => (_o: number, _l: number, line: number) => {
    const at = valueKey();
    if (at) record(at.key, line);
    stack.push({ key: at?.key ?? '', depth: at?.depth ?? Number.POSITIVE_INFINITY, member: isArray ? -1 : '', isArray });
  };
  const visitor: JSONVisitor = {
    onObjectBegin: open(false),
    onArrayBegin: open(true),
    onObjectEnd: () => void stack.pop(),
    onArrayEnd: () => void stack.pop(),
    onObjectProperty(property) {
      const top = stack[stack.length - 1];
      if (top) top.member = property;
    },
    onLiteralValue(_value, _offset, _length, line) {
      const at = valueKey();
      if (at) record(at.key, line);
    },
  };
  visit(text, visitor, { disallowComments: true });
  return paths.map((path) => {
    for (let n = path.length; n >= 0; n--) {
      const line = found.get(keyOf(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return undefined;
  });
}
