import type { PhraseStyle, Shape } from '../model.ts';

/** Node shapes by their brackets; longer openers first, so `((` is tried before `(`. */
export interface ShapeSyntax {
  open: string;
  /** One closer, or two for `[/…/]` vs `[/…\]` (the closer picks the shape). */
  close: readonly { text: string; shape: Shape }[];
}

export const SHAPE_SYNTAX: readonly ShapeSyntax[] = [
  { open: '(((', close: [{ text: ')))', shape: 'double-circle' }] },
  { open: '((', close: [{ text: '))', shape: 'circle' }] },
  { open: '([', close: [{ text: '])', shape: 'stadium' }] },
  { open: '(', close: [{ text: ')', shape: 'round' }] },
  { open: '[[', close: [{ text: ']]', shape: 'subroutine' }] },
  { open: '[(', close: [{ text: ')]', shape: 'cylinder' }] },
  {
    open: '[/',
    close: [
      { text: '/]', shape: 'parallelogram' },
      { text: '\\]', shape: 'trapezoid' },
    ],
  },
  {
    open: '[\\',
    close: [
      { text: '\\]', shape: 'parallelogram-alt' },
      { text: '/]', shape: 'trapezoid-alt' },
    ],
  },
  { open: '[', close: [{ text: ']', shape: 'rect' }] },
  { open: '{{', close: [{ text: '}}', shape: 'hexagon' }] },
  { open: '{', close: [{ text: '}', shape: 'rhombus' }] },
  { open: '>', close: [{ text: ']', shape: 'asymmetric' }] },
];

/** The brackets a shape is written with. */
export function shapeBrackets(shape: Shape): [string, string] {
  for (const syntax of SHAPE_SYNTAX) {
    const close = syntax.close.find((c) => c.shape === shape);
    if (close) return [syntax.open, close.text];
  }
  return ['[', ']'];
}

/** Mermaid ≥ 11.3 `A@{ shape: … }` names, for the shapes the model has. */
export const NAMED_SHAPES: Readonly<Record<string, Shape>> = {
  rect: 'rect',
  rectangle: 'rect',
  proc: 'rect',
  process: 'rect',
  square: 'rect',
  rounded: 'round',
  event: 'round',
  stadium: 'stadium',
  pill: 'stadium',
  terminal: 'stadium',
  subproc: 'subroutine',
  subprocess: 'subroutine',
  subroutine: 'subroutine',
  'fr-rect': 'subroutine',
  'framed-rectangle': 'subroutine',
  cyl: 'cylinder',
  cylinder: 'cylinder',
  db: 'cylinder',
  database: 'cylinder',
  circle: 'circle',
  circ: 'circle',
  'dbl-circ': 'double-circle',
  'double-circle': 'double-circle',
  odd: 'asymmetric',
  diamond: 'rhombus',
  diam: 'rhombus',
  decision: 'rhombus',
  question: 'rhombus',
  hex: 'hexagon',
  hexagon: 'hexagon',
  prepare: 'hexagon',
  'lean-r': 'parallelogram',
  'lean-right': 'parallelogram',
  'in-out': 'parallelogram',
  'lean-l': 'parallelogram-alt',
  'lean-left': 'parallelogram-alt',
  'out-in': 'parallelogram-alt',
  'trap-b': 'trapezoid',
  trapezoid: 'trapezoid',
  'trapezoid-bottom': 'trapezoid',
  priority: 'trapezoid',
  'trap-t': 'trapezoid-alt',
  'trapezoid-top': 'trapezoid-alt',
  'inv-trapezoid': 'trapezoid-alt',
  manual: 'trapezoid-alt',
};

// ---------------------------------------------------------------------------------------------
// Links. Mermaid's lexer (flow.jison) reads a link as one token: an optional start marker
// (`<`, `o`, `x`), a run of `-`, `=` or `.`, and an end marker (`>`, `o`, `x`, or the run itself).

/** A complete link: `-->`, `---`, `--o`, `<-->`, `==>`, `-.->`, `~~~`, `---->`, `-...->`… */
const LINK = /([xo<]?)(--+[-xo>]|==+[=xo>]|-?\.+-[xo>]?|~~~+)/y;
/** The first half of a link with text: `-- text -->`, `== text ==>`, `-. text .->`. */
const START_LINK = /([xo<]?)(--|==|-\.)(?=[^-=.>~]|$)/y;
/** Where the text of `-- text -->` ends, for each kind of start. */
const END_LINK: Record<string, RegExp> = {
  '--': /[ \t]*(--+[xo>]|---+)/g,
  '==': /[ \t]*(==+[xo>]|===+)/g,
  '-.': /[ \t]*(\.+-[xo>]?)/g,
};

export interface LinkToken {
  /** Characters consumed from the start position. */
  length: number;
  start: string;
  body: string;
}

export function matchLink(text: string, at: number): LinkToken | null {
  LINK.lastIndex = at;
  const m = LINK.exec(text);
  return m ? { length: m[0].length, start: m[1] ?? '', body: m[2] ?? '' } : null;
}

export function matchStartLink(text: string, at: number): { length: number; start: string; kind: string } | null {
  START_LINK.lastIndex = at;
  const m = START_LINK.exec(text);
  return m ? { length: m[0].length, start: m[1] ?? '', kind: m[2] ?? '' } : null;
}

/** The end of the text of a `-- text -->` link: index of the end token and the token. */
export function findEndLink(text: string, from: number, limit: number, kind: string): { index: number; length: number; body: string } | null {
  const re = END_LINK[kind];
  if (!re) return null;
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= limit) return null;
  return { index: m.index, length: m[0].length, body: m[1] ?? '' };
}

export interface LinkMeaning {
  style: PhraseStyle;
  /** Extra dashes/dots/equals: a length hint for the layout, which the model does not keep. */
  longer: boolean;
  /** A start marker Mermaid ignores (`<--o`, `<---`): reported, not kept. */
  ignoredStart: string | null;
}

const HEADS: Record<string, PhraseStyle['head']> = { '>': 'arrow', o: 'circle', x: 'cross' };
const TAILS: Record<string, PhraseStyle['head']> = { '<': 'arrow', o: 'circle', x: 'cross' };

/**
 * What a link means, as Mermaid's flowDb.destructLink reads it: the end marker gives the head; a
 * start marker gives a tail only when it mirrors the head (`<-->`, `o--o`, `x--x`), otherwise
 * Mermaid ignores it.
 */
export function linkMeaning(start: string, body: string, textEnd?: string): LinkMeaning {
  const end = textEnd ?? body;
  const last = end.at(-1) ?? '';
  const head = HEADS[last] ?? 'none';
  const run = body + (textEnd ?? '');
  const line: PhraseStyle['line'] = run.startsWith('~')
    ? 'invisible'
    : run.includes('.')
      ? 'dotted'
      : run.startsWith('=')
        ? 'thick'
        : 'solid';
  const tailCandidate = start === '' ? 'none' : (TAILS[start] ?? 'none');
  const mirrored = tailCandidate !== 'none' && tailCandidate === head;
  const dots = (end.match(/\./g) ?? []).length;
  const runLength = end.replace(/[xo<>]/g, '').length;
  const longer = line === 'dotted' ? dots > 1 : runLength > (head === 'none' ? 3 : 2);
  return {
    style: { line, head: line === 'invisible' ? 'none' : head, tail: mirrored ? tailCandidate : 'none' },
    longer,
    ignoredStart: start !== '' && !mirrored ? start : null,
  };
}

/** The link for a phrase style; the tail is written only where Mermaid can show it (mirrored). */
export function linkFor(style: PhraseStyle): string {
  if (style.line === 'invisible') return '~~~';
  const headMark = { arrow: '>', circle: 'o', cross: 'x', none: '' }[style.head];
  const tailMark = style.tail !== 'none' && style.tail === style.head ? { arrow: '<', circle: 'o', cross: 'x', none: '' }[style.tail] : '';
  if (style.line === 'dotted') return `${tailMark}-.-${headMark}`;
  const run = style.line === 'thick' ? '=' : '-';
  return `${tailMark}${run}${run}${headMark || run}`;
}
