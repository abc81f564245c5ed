import { normalise, type QueryTerm } from './cjk.ts';

export interface Snippet {
  text: string;
  /** [start, end) character ranges of `text` that matched the query. */
  highlights: [number, number][];
}

/** Where the terms occur in the text: CJK terms anywhere, Latin terms at the start of a word. */
export function findMatches(text: string, terms: readonly QueryTerm[]): [number, number][] {
  const folded = normalise(text);
  // NFKC can change lengths (rare ligatures); then offsets would drift, so match on the original.
  const haystack = folded.length === text.length ? folded : text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term.needle) continue;
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(term.needle, from);
      if (at < 0) break;
      const before = haystack[at - 1] ?? ' ';
      if (term.cjk || !/[\p{L}\p{N}]/u.test(before)) ranges.push([at, at + term.needle.length]);
      from = at + term.needle.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A short excerpt around the first match of the text that matches most terms, with the matches
 * marked, built from the original text (not the index's character pairs).
 */
export function makeSnippet(candidates: readonly string[], terms: readonly QueryTerm[], width = 90): Snippet | null {
  let best: { text: string; matches: [number, number][] } | null = null;
  for (const text of candidates) {
    if (!text) continue;
    const matches = findMatches(text, terms);
    if (matches.length > 0 && (!best || matches.length > best.matches.length)) best = { text, matches };
  }
  const first = best?.matches[0];
  if (!best || !first) return null;
  const start = Math.max(0, Math.min(first[0] - Math.floor(width / 3), best.text.length - width));
  const end = Math.min(best.text.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < best.text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + best.text.slice(start, end) + suffix,
    highlights: best.matches
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): [number, number] => [s + shift, e + shift]),
  };
}
