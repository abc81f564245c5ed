import { LineCounter, isNode, parseDocument } from 'yaml';
import type { Problem } from '../../../core/api.ts';

export interface ParsedYaml {
  value: unknown;
  /** The 1-based line of the node at a path, or of its nearest ancestor that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Parses YAML, turning syntax errors into problems with lines instead of throwing. */
export function parseYaml(source: string): { ok: true; doc: ParsedYaml } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path: [],
        line: lineCounter.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  return {
    ok: true,
    doc: {
      value: doc.toJS({ maxAliasCount: 100 }) as unknown,
      lineOf(path) {
        for (let n = path.length; n >= 0; n--) {
          const node: unknown = doc.getIn(path.slice(0, n), true);
          if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
        }
        return undefined;
      },
    },
  };
}
