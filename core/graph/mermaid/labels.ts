/**
 * Label text as Mermaid writes it and as the model keeps it (plain text with `\n` line breaks).
 * Mermaid labels are HTML: `<br>` breaks a line, `#quot;` / `#35;` are Mermaid's entity codes,
 * `&amp;` is an HTML entity, and "`**bold**`" is a markdown string.
 */

const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  num: '#',
  semi: ';',
  colon: ':',
  vert: '|',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lcub: '{',
  rcub: '}',
  lbrace: '{',
  rbrace: '}',
  grave: '`',
  ast: '*',
  bsol: '\\',
  sol: '/',
  hyphen: '-',
  dash: '-',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  middot: '\u00b7',
  times: '\u00d7',
  laquo: '\u00ab',
  raquo: '\u00bb',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  harr: '\u2194',
  hearts: '\u2665',
};

function fromCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : undefined;
}

function decodeEntity(name: string): string | undefined {
  if (/^#x[0-9a-f]+$/i.test(name)) return fromCodePoint(parseInt(name.slice(2), 16));
  if (/^#?\d+$/.test(name)) return fromCodePoint(Number(name.replace('#', '')));
  return NAMED_ENTITIES[name.toLowerCase()];
}

/**
 * Mermaid's `#name;` / `#123;` and HTML's `&name;` / `&#123;`, in one left-to-right pass: a decoded
 * character never starts another entity, and an unknown one stays as written, character by character
 * (so in `&#quot;` the `&` stays and `#quot;` still decodes).
 */
function decodeEntities(text: string): string {
  const entity = /#(\w+);|&(#?\w+);/y;
  let out = '';
  for (let i = 0; i < text.length; ) {
    const ch = text[i] ?? '';
    if (ch === '#' || ch === '&') {
      entity.lastIndex = i;
      const match = entity.exec(text);
      const decoded = match ? decodeEntity(match[1] ?? match[2] ?? '') : undefined;
      if (match && decoded !== undefined) {
        out += decoded;
        i += match[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** Formatting tags Mermaid renders; the model keeps only their text. */
const FORMAT_TAG = /<\/?(?:b|i|u|s|em|strong|small|big|sub|sup|span|font|code|mark)(?:\s[^<>]*)?>/gi;

/** Markdown strings render bold and italics; the text is kept without the markers. */
function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, '$1$2');
}

/** Model text for a label as written between brackets or pipes. */
export function decodeLabel(raw: string, quoted: boolean): string {
  let text = raw;
  if (quoted && text.length >= 2 && text.startsWith('`') && text.endsWith('`')) text = stripMarkdown(text.slice(1, -1));
  text = text.replace(/<br\s*\/?>/gi, '\n').replace(FORMAT_TAG, '');
  text = decodeEntities(text);
  return quoted ? text : text.trim();
}

/**
 * A label written as a Mermaid quoted string that decodes back to exactly `label`: quotes and
 * would-be entities, tags and markdown markers are escaped with entity codes, newlines become `<br>`.
 */
export function encodeLabel(label: string): string {
  let body = label
    .replace(/#(?=#?\w+;)/g, '#35;')
    .replace(/&(?=#?\w+;)/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/<(?=\/?[a-z])/gi, '#lt;')
    .replace(/\r?\n|\r/g, '<br>')
    // Mermaid's lexer reads "direction TB" anywhere on a line, even inside a label: hide one letter.
    .replace(/direction(?=[^\S\r\n]+(?:TB|BT|RL|LR|TD))/g, 'directi#111;n');
  if (body.length >= 2 && body.startsWith('`') && body.endsWith('`')) body = `#96;${body.slice(1)}`;
  return `"${body}"`;
}
