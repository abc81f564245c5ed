import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * The app's font, Noto Sans SC from @fontsource, comes as ~100 WOFF files per weight, split by
 * Unicode range (the package's unicode.json lists which file covers what). This module knows which
 * file covers a character and reads each file once; callers parse the bytes with their own font
 * library (opentype.js for SVG outlines in maps/glyphs.ts, fontkit for PDF in present/pdf.ts).
 */

const require = createRequire(import.meta.url);

/** Weights the renderers use; @fontsource ships 100–900, each with the same chunk table. */
export type FontWeight = 400 | 700;

export interface FontChunk {
  /** The key in unicode.json: "[12]" for a numbered chunk, or a subset name such as "latin". */
  readonly name: string;
  readonly ranges: readonly (readonly [number, number])[];
}

let table: { dir: string; chunks: FontChunk[] } | undefined;

function chunkTable(): { dir: string; chunks: FontChunk[] } {
  if (table) return table;
  const unicodeFile = require.resolve('@fontsource/noto-sans-sc/unicode.json');
  const ranges = JSON.parse(readFileSync(unicodeFile, 'utf8')) as Record<string, string>;
  table = {
    dir: path.join(path.dirname(unicodeFile), 'files'),
    chunks: Object.entries(ranges).map(([name, list]) => ({ name, ranges: list.split(',').map(parseRange) })),
  };
  return table;
}

/** "U+4e00-4e3f" → [0x4e00, 0x4e3f]; "U+20" → [0x20, 0x20]. */
function parseRange(range: string): [number, number] {
  const [a = '0', b] = range.trim().replace(/^U\+/i, '').split('-');
  return [parseInt(a, 16), parseInt(b ?? a, 16)];
}

/** The path of one chunk's WOFF file, e.g. files/noto-sans-sc-12-400-normal.woff. */
export function chunkFile(chunk: FontChunk, weight: FontWeight): string {
  return path.join(chunkTable().dir, `noto-sans-sc-${chunk.name.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff`);
}

const bytes = new Map<string, Uint8Array>();

/** A chunk's WOFF bytes, read from disk the first time only. */
function readChunk(chunk: FontChunk, weight: FontWeight): Uint8Array {
  const file = chunkFile(chunk, weight);
  let data = bytes.get(file);
  if (!data) {
    data = readFileSync(file);
    bytes.set(file, data);
  }
  return data;
}

export interface ChunkMatch<F> {
  chunk: FontChunk;
  font: F;
}

/**
 * One weight of the font, parsed chunk by chunk as characters need them. A character's font is the
 * first chunk whose ranges list it and that really has a glyph for it: the ranges overlap (common
 * characters such as ASCII appear in several), and a range may list a character its file lacks.
 */
export class ChunkedFont<F> {
  private readonly parsed = new Map<FontChunk, F>();
  private readonly found = new Map<number, ChunkMatch<F> | null>();

  constructor(
    readonly weight: FontWeight,
    private readonly parse: (data: Uint8Array) => F,
    private readonly hasGlyph: (font: F, codePoint: number) => boolean,
  ) {}

  /** The chunk and parsed font for a code point, or undefined when no chunk has a glyph for it. */
  lookup(codePoint: number): ChunkMatch<F> | undefined {
    if (!this.found.has(codePoint)) {
      let match: ChunkMatch<F> | null = null;
      for (const chunk of chunkTable().chunks) {
        if (!chunk.ranges.some(([a, b]) => codePoint >= a && codePoint <= b)) continue;
        const font = this.load(chunk);
        if (this.hasGlyph(font, codePoint)) {
          match = { chunk, font };
          break;
        }
      }
      this.found.set(codePoint, match);
    }
    return this.found.get(codePoint) ?? undefined;
  }

  private load(chunk: FontChunk): F {
    let font = this.parsed.get(chunk);
    if (font === undefined) {
      font = this.parse(readChunk(chunk, this.weight));
      this.parsed.set(chunk, font);
    }
    return font;
  }
}

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * The plain sfnt (TrueType) font a WOFF 1.0 file wraps: WOFF is that font's tables, each
 * zlib-compressed when that made it smaller, behind a 44-byte header and a directory of 20-byte
 * entries (W3C WOFF 1.0, §3–5). The sfnt is a 12-byte header, 16-byte table records, then the
 * tables, each padded to 4 bytes, in the same (tag-sorted) order.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const input = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.getUint32(0) !== 0x774f4646) throw new Error('Not a WOFF 1.0 font (no wOFF signature)');
  const count = input.getUint16(12);
  const tables = Array.from({ length: count }, (_, index) => {
    const entry = 44 + index * 20;
    const [offset, stored, length] = [input.getUint32(entry + 4), input.getUint32(entry + 8), input.getUint32(entry + 12)];
    const raw = woff.subarray(offset, offset + stored);
    const data = stored < length ? inflateSync(raw) : raw;
    if (data.length !== length) throw new Error('Corrupt WOFF font: a table does not inflate to its stated length');
    return { tag: input.getUint32(entry), checksum: input.getUint32(entry + 16), data };
  });
  const headerSize = 12 + 16 * count;
  const sfnt = new Uint8Array(tables.reduce((size, table) => size + pad4(table.data.length), headerSize));
  const output = new DataView(sfnt.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  output.setUint32(0, input.getUint32(4)); // the wrapped font's version (flavor)
  output.setUint16(4, count);
  output.setUint16(6, power * 16); // searchRange, entrySelector, rangeShift: binary-search hints
  output.setUint16(8, Math.log2(power));
  output.setUint16(10, (count - power) * 16);
  let offset = headerSize;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    output.setUint32(record, table.tag);
    output.setUint32(record + 4, table.checksum);
    output.setUint32(record + 8, offset);
    output.setUint32(record + 12, table.data.length);
    sfnt.set(table.data, offset);
    offset += pad4(table.data.length);
  });
  return sfnt;
}
