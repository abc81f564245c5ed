/**
 * Chinese (and Japanese, Korean) text has no spaces between words, and most Chinese words are two
 * characters, which SQLite's trigram tokenizer cannot find. So the search index stores each run of
 * CJK characters as overlapping pairs ("数据服务" -> "数据 据服 服务"), plus the run's last character
 * on its own, in an FTS5 `unicode61` table:
 *   - a query of two or more CJK characters becomes the phrase of its pairs, which matches exactly
 *     where those characters stand together;
 *   - a single character X becomes the prefix query X*, which matches a pair starting with X or
 *     the trailing single character (X at the end of a run).
 * Latin words are left to unicode61 and searched as prefixes.
 */

/**
 * Han, kana and Hangul by code point range. Numeric ranges rather than a \p{Script} regular
 * expression: indexing runs over every text of every entry, and this is several times faster.
 */
function isCjkCode(c: number): boolean {
  if (c < 0x1100) return false;
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x3040 && c <= 0x30ff) || // hiragana, katakana
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    (c >= 0x2e80 && c <= 0x2fdf) || // radicals
    (c >= 0x3005 && c <= 0x3007) || // 々 〆 〇
    (c >= 0x3021 && c <= 0x3029) ||
    (c >= 0x31f0 && c <= 0x31ff) || // katakana extensions
    (c >= 0x1100 && c <= 0x11ff) || // Hangul jamo
    (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff66 && c <= 0xff9d) || // half-width katakana
    (c >= 0x20000 && c <= 0x3134f) // extensions B–G
  );
}

/**
 * Calls `visit` with each run of text in turn, alternating non-CJK and CJK. A callback rather
 * than a generator: indexing calls this for every text of every entry, and a generator's
 * per-run objects cost a measurable share of an import.
 */
function eachRun(text: string, visit: (run: string, cjk: boolean) => void): void {
  let start = 0;
  let cjk = false;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const isCjk = isCjkCode(code);
    if (isCjk !== cjk) {
      if (i > start) visit(text.slice(start, i), cjk);
      start = i;
      cjk = isCjk;
    }
    i += code > 0xffff ? 2 : 1;
  }
  if (text.length > start) visit(text.slice(start), cjk);
}
/** What unicode61 treats as part of a token: letters, numbers, and combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export const isCjk = (char: string): boolean => isCjkCode(char.codePointAt(0) ?? 0);

/** NFKC folds full-width Latin (ＡＩ) into ASCII; lowercase matches unicode61's case folding. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out = chars.slice(1).map((char, i) => `${chars[i] ?? ''}${char}`);
  out.push(chars.at(-1) ?? '');
  return out;
}

const CODES_PER_CALL = 8192;

/**
 * pairs(run).join(' ') for the common case of a run without surrogate pairs, built from char
 * codes: indexing 100,000 entries spends most of its JavaScript time here.
 */
function pairedText(run: string): string {
  const n = run.length;
  if (n === 1) return run;
  if (/[\uD800-\uDFFF]/.test(run)) return pairs(run).join(' ');
  const codes = new Array<number>(n * 3 - 2);
  let k = 0;
  for (let i = 0; i + 1 < n; i++) {
    codes[k++] = run.charCodeAt(i);
    codes[k++] = run.charCodeAt(i + 1);
    codes[k++] = 32;
  }
  codes[k] = run.charCodeAt(n - 1);
  // Chunks keep String.fromCharCode's argument list far below engine limits.
  if (codes.length <= CODES_PER_CALL) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let i = 0; i < codes.length; i += CODES_PER_CALL) out += String.fromCharCode.apply(null, codes.slice(i, i + CODES_PER_CALL));
  return out;
}

/** The text as stored in the index column. */
export function toIndexText(text: string): string {
  const out: string[] = [];
  eachRun(normalise(text), (run, cjk) => out.push(cjk ? pairedText(run) : run));
  return out.join(' ');
}

export interface QueryTerm {
  /** The FTS5 expression for this term. */
  fts: string;
  /** What to highlight in the original text. */
  needle: string;
  cjk: boolean;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Splits what the user typed into terms, every one of which must match (AND). Returns [] for a
 * query with nothing searchable in it (only punctuation).
 */
export function parseQuery(input: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  eachRun(normalise(input), (run, cjk) => {
    if (!cjk) {
      for (const word of run.match(WORD) ?? []) terms.push({ fts: `${quote(word)}*`, needle: word, cjk: false });
      return;
    }
    const fts = [...run].length === 1 ? `${quote(run)}*` : quote(pairs(run).slice(0, -1).join(' '));
    terms.push({ fts, needle: run, cjk: true });
  });
  return terms;
}

export function toFtsQuery(terms: readonly QueryTerm[]): string {
  return terms.map((t) => t.fts).join(' AND ');
}
