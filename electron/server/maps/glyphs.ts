import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as opentype from 'opentype.js/dist/opentype.mjs';
import type { GlyphSource } from '../../../core/graph/svg.ts';
import { textWidth } from '../../../core/graph/measure.ts';

/**
 * Glyph outlines from the map font (Noto Sans SC, regular, from @fontsource), so exported SVG and
 * PNG show Chinese labels on machines without CJK fonts. The font comes in ~100 files split by
 * Unicode range; only the files a map's characters need are read, once each.
 */

const require = createRequire(import.meta.url);
const WEIGHT = 400;

interface Chunk {
  file: string;
  ranges: [number, number][];
  font?: opentype.Font;
}

let chunks: Chunk[] | undefined;

function loadChunks(): Chunk[] {
  if (chunks) return chunks;
  const unicodeFile = require.resolve('@fontsource/noto-sans-sc/unicode.json');
  const dir = path.join(path.dirname(unicodeFile), 'files');
  const table = JSON.parse(readFileSync(unicodeFile, 'utf8')) as Record<string, string>;
  chunks = Object.entries(table).map(([name, ranges]) => ({
    file: path.join(dir, `noto-sans-sc-${name.replace(/^\[(\d+)\]$/, '$1')}-${WEIGHT}-normal.woff`),
    ranges: ranges.split(',').map((r) => {
      const [a = '0', b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)];
    }),
  }));
  return chunks;
}

function load(chunk: Chunk): opentype.Font {
  if (!chunk.font) {
    const buffer = readFileSync(chunk.file);
    chunk.font = opentype.parse(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  }
  return chunk.font;
}

const found = new Map<number, opentype.Font | null>();

/** The first file whose range lists the character and that really has a glyph for it (ranges overlap). */
function fontFor(char: string): opentype.Font | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (!found.has(code)) {
    const candidates = loadChunks().filter((c) => c.ranges.some(([a, b]) => code >= a && code <= b));
    found.set(code, candidates.map(load).find((font) => font.charToGlyphIndex(char) > 0) ?? null);
  }
  return found.get(code) ?? undefined;
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
