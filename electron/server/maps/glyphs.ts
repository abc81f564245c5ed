import * as opentype from 'opentype.js/dist/opentype.mjs';
import type { GlyphSource } from '../../../core/graph/svg.ts';
import { textWidth } from '../../../core/graph/measure.ts';
import { ChunkedFont } from '../fonts.ts';

/**
 * Glyph outlines from the map font (Noto Sans SC, regular, from @fontsource), so exported SVG and
 * PNG show Chinese labels on machines without CJK fonts. The font comes in ~100 files split by
 * Unicode range (../fonts.ts); only the files a map's characters need are read, once each.
 */

const regular = new ChunkedFont<opentype.Font>(
  400,
  (data) => opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
  (font, codePoint) => font.charToGlyphIndex(String.fromCodePoint(codePoint)) > 0,
);

function fontFor(char: string): opentype.Font | undefined {
  return regular.lookup(char.codePointAt(0) ?? 0)?.font;
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * Path data from a glyph's commands. opentype.js's own toPathData rounds through strings and
 * turns coordinates such as 163.00000000001 into NaN (a tiny fraction prints in exponent form),
 * which silently cut labels short; plain rounding has no such case.
 */
function pathData(path: opentype.Path): string {
  let d = '';
  for (const c of path.commands) {
    if (c.type === 'M' || c.type === 'L') d += `${c.type}${fmt(c.x)} ${fmt(c.y)}`;
    else if (c.type === 'Q') d += `Q${fmt(c.x1)} ${fmt(c.y1)} ${fmt(c.x)} ${fmt(c.y)}`;
    else if (c.type === 'C') d += `C${fmt(c.x1)} ${fmt(c.y1)} ${fmt(c.x2)} ${fmt(c.y2)} ${fmt(c.x)} ${fmt(c.y)}`;
    else d += 'Z';
  }
  return d;
}

export const fontGlyphs: GlyphSource = {
  path(text, x, baseline, fontSize) {
    let at = x;
    const parts: string[] = [];
    for (const char of text) {
      const font = fontFor(char);
      if (font && char.trim() !== '') parts.push(pathData(font.getPath(char, at, baseline, fontSize)));
      // Advance by the shared metrics, so glyphs land where the layout measured them.
      at += textWidth(char, fontSize);
    }
    return parts.join('');
  },
};
