import { CJK_WIDTH, FIRST_LATIN, LATIN_WIDTHS } from './font-metrics.ts';
import { isCjk } from '../search/cjk.ts';

/**
 * Text measurement without a DOM, from the map font's metrics (font-metrics.ts): the canvas, the
 * SVG/PNG export and the CLI all wrap labels and size nodes identically.
 */

/** Width of one character in thousandths of an em. Characters the table lacks count as wide. */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const latin = LATIN_WIDTHS[code - FIRST_LATIN];
  if (latin !== undefined) return latin;
  if (isCjk(char)) return CJK_WIDTH;
  if (code >= 0x3000 && code <= 0x303f) return CJK_WIDTH; // CJK punctuation
  if (code >= 0xff00 && code <= 0xffef) return CJK_WIDTH; // full-width forms
  return 620;
}

export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return (width * fontSize) / 1000;
}

/** Where a line may break: after a space, or between two characters where either is CJK. */
function breakable(prev: string, next: string): boolean {
  return prev === ' ' || isCjk(prev) || isCjk(next) || prev === '-' || prev === '/';
}

/**
 * Splits a label into lines no wider than `maxWidth`: at explicit newlines, then at the last
 * break opportunity that fits; a word longer than the width is cut where it must be.
 */
export function wrapLabel(label: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const paragraph of label.split(/\r?\n/)) {
    const chars = [...paragraph.trim()];
    let line: string[] = [];
    let width = 0;
    let lastBreak = -1;
    for (const char of chars) {
      const w = (charWidth(char) * fontSize) / 1000;
      if (line.length > 0 && width + w > maxWidth) {
        const cut = lastBreak > 0 ? lastBreak : line.length;
        lines.push(line.slice(0, cut).join('').trimEnd());
        line = line.slice(cut);
        while (line[0] === ' ') line.shift();
        width = textWidth(line.join(''), fontSize);
        lastBreak = -1;
      }
      const prev = line.at(-1);
      if (prev !== undefined && breakable(prev, char)) lastBreak = line.length;
      line.push(char);
      width += w;
    }
    lines.push(line.join('').trimEnd());
  }
  return lines.length > 0 ? lines : [''];
}

export const LINE_HEIGHT = 1.3;
