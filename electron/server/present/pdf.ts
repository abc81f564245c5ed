import fontkit, { type Font as FontkitFont } from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, type RGB, rgb } from 'pdf-lib';
import { ChunkedFont, chunkFile, type ChunkMatch, type FontWeight, woffToSfnt } from '../fonts.ts';

/**
 * Workshop handouts as PDF with real text (selectable, searchable, extractable) in Chinese and
 * Latin scripts, set in Noto Sans SC from @fontsource. That font comes in ~100 files split by
 * Unicode range (../fonts.ts); each text run is cut into segments by the file that covers each
 * character, each needed file is embedded once per document (subset to the glyphs used), and the
 * segments are drawn one after another.
 */

export type HandoutBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'image'; png: Uint8Array; width: number; height: number; alt: string } // width/height in pixels of the PNG
  | { kind: 'pageBreak' };

export interface Handout {
  title: string;
  lang: 'zh' | 'en';
  author?: string;
  blocks: HandoutBlock[];
}

export interface PdfProgress {
  (done: number, total: number): void;
}

// A4 portrait in points, 20 mm margins; the page number sits in the bottom margin.
const PAGE = { width: 595.28, height: 841.89, margin: 56.69 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** A PNG's pixels are CSS pixels (96 per inch); PDF points are 72 per inch. */
const POINTS_PER_PIXEL = 72 / 96;
/** The part of the em box above the baseline for CJK ideographs (Noto Sans SC draws them in 0.88 em up, 0.12 em down). */
const ASCENT = 0.88;
/** Drawn for characters no file of the font covers: WHITE SQUARE, which Noto Sans SC has. */
const PLACEHOLDER = 0x25a1;

interface TextStyle {
  size: number;
  weight: FontWeight;
  /** Line height as a multiple of the size. */
  leading: number;
  color: RGB;
}

const INK = rgb(0.12, 0.12, 0.12);
const MUTED = rgb(0.42, 0.42, 0.42);
// Headings use the 700 weight, which @fontsource ships with the same chunk table as 400.
const TITLE: TextStyle = { size: 22, weight: 700, leading: 1.35, color: INK };
const AUTHOR: TextStyle = { size: 11, weight: 400, leading: 1.6, color: MUTED };
const BODY: TextStyle = { size: 11, weight: 400, leading: 1.6, color: INK };
const CAPTION: TextStyle = { size: 9, weight: 400, leading: 1.5, color: MUTED };
const FOOTER: TextStyle = { size: 9, weight: 400, leading: 1, color: MUTED };
const HEADINGS: Record<1 | 2 | 3, TextStyle & { before: number; after: number }> = {
  1: { size: 18, weight: 700, leading: 1.4, color: INK, before: 16, after: 6 },
  2: { size: 15, weight: 700, leading: 1.4, color: INK, before: 12, after: 4 },
  3: { size: 12.5, weight: 700, leading: 1.4, color: INK, before: 10, after: 2 },
};
const BLOCK_GAP = 8;
const ITEM_GAP = 2;
const LIST_INDENT = 16;
const lineHeight = (style: TextStyle) => style.size * style.leading;

export async function renderHandoutPdf(handout: Handout, options: { onProgress?: PdfProgress; signal?: AbortSignal } = {}): Promise<Uint8Array> {
  const { onProgress, signal } = options;
  throwIfAborted(signal);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  setMetadata(doc, handout);
  const fonts = new DocumentFonts(doc);
  const writer = new PageWriter(doc, fonts);
  await writeTitle(writer, handout);
  const total = handout.blocks.length;
  onProgress?.(0, total);
  for (const [index, block] of handout.blocks.entries()) {
    await writeBlock(writer, block);
    onProgress?.(index + 1, total);
    await nextTurn();
    throwIfAborted(signal);
  }
  await numberPages(doc, fonts);
  throwIfAborted(signal);
  return doc.save();
}

function setMetadata(doc: PDFDocument, handout: Handout): void {
  doc.setTitle(handout.title, { showInWindowTitleBar: true });
  doc.setLanguage(handout.lang === 'zh' ? 'zh-CN' : 'en');
  if (handout.author) doc.setAuthor(handout.author);
  doc.setCreator('Strategy Workbench');
  doc.setProducer('Strategy Workbench (pdf-lib)');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const error = new Error('PDF rendering was cancelled', { cause: signal.reason });
  error.name = 'AbortError';
  throw error;
}

/**
 * Lets queued events run between blocks. Layout awaits only promises that are already settled, so
 * without this an abort() arriving from a message or a timer would not be seen until the end.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeTitle(writer: PageWriter, handout: Handout): Promise<void> {
  await writer.text(handout.title, TITLE);
  if (handout.author) await writer.text(handout.author, AUTHOR);
  writer.gap(HEADINGS[1].before);
}

async function writeBlock(writer: PageWriter, block: HandoutBlock): Promise<void> {
  switch (block.kind) {
    case 'heading': {
      const style = HEADINGS[block.level];
      writer.gap(style.before);
      // Keep a heading with the first two lines of what follows it.
      await writer.text(block.text, style, { keepWithNext: 2 * lineHeight(BODY) });
      writer.gap(style.after);
      return;
    }
    case 'paragraph':
      await writer.text(block.text, BODY);
      writer.gap(BLOCK_GAP);
      return;
    case 'list':
      for (const item of block.items) {
        await writer.text(item, BODY, { indent: LIST_INDENT, bullet: true });
        writer.gap(ITEM_GAP);
      }
      writer.gap(BLOCK_GAP - ITEM_GAP);
      return;
    case 'image':
      await writer.image(block);
      writer.gap(BLOCK_GAP);
      return;
    case 'pageBreak':
      writer.pageBreak();
      return;
  }
}

async function numberPages(doc: PDFDocument, fonts: DocumentFonts): Promise<void> {
  const pages = doc.getPages();
  await fonts.prepare('0123456789 /', FOOTER.weight);
  pages.forEach((page, index) => {
    const label = `${index + 1} / ${pages.length}`;
    const x = (PAGE.width - fonts.width(label, FOOTER)) / 2;
    drawRuns(page, fonts.runs(label, FOOTER.weight), x, PAGE.margin / 2, FOOTER);
  });
}

interface Run {
  font: PDFFont;
  text: string;
}

function drawRuns(page: PDFPage, runs: Run[], x: number, baseline: number, style: TextStyle): void {
  let at = x;
  for (const run of runs) {
    page.drawText(run.text, { x: at, y: baseline, size: style.size, font: run.font, color: style.color });
    at += run.font.widthOfTextAtSize(run.text, style.size);
  }
}

/** Draws blocks top to bottom, starting a new page when the next piece does not fit. */
class PageWriter {
  private page!: PDFPage;
  /** The top of the free space on the page, in points from the bottom edge. */
  private y = 0;
  /** Nothing drawn on this page yet: no gap at its top, and a page break here is a no-op. */
  private empty = true;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: DocumentFonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    this.empty = true;
  }

  /** Moves to a new page unless `height` points fit on this one (an empty page takes anything). */
  private ensure(height: number): void {
    if (!this.empty && this.y - height < PAGE.margin) this.newPage();
  }

  gap(points: number): void {
    if (!this.empty) this.y -= points;
  }

  pageBreak(): void {
    if (!this.empty) this.newPage();
  }

  /** Wraps and draws a text, indented; a list item's bullet goes in the indent before its first line. */
  async text(text: string, style: TextStyle, options: { indent?: number; bullet?: boolean; keepWithNext?: number } = {}): Promise<void> {
    const { indent = 0, bullet = false, keepWithNext = 0 } = options;
    const lines = await this.layout(text, style, TEXT_WIDTH - indent);
    if (lines.length === 0) return;
    if (keepWithNext > 0) this.ensure(lines.length * lineHeight(style) + keepWithNext);
    lines.forEach((line, index) => {
      this.ensure(lineHeight(style));
      const baseline = this.baseline(style);
      // A drawn dot: the font's U+2022 is a small CJK-style middle dot.
      if (index === 0 && bullet) this.page.drawCircle({ x: PAGE.margin + indent * 0.4, y: baseline + style.size * 0.32, size: style.size * 0.17, color: style.color });
      drawRuns(this.page, this.fonts.runs(line, style.weight), PAGE.margin + indent, baseline, style);
      this.advance(lineHeight(style));
    });
  }

  /** An image at its natural size (1 px = 0.75 pt), shrunk to the text width and the page height, its alt text below as a caption. */
  async image(block: Extract<HandoutBlock, { kind: 'image' }>): Promise<void> {
    const image = await this.doc.embedPng(block.png);
    const caption = await this.layout(block.alt, CAPTION, TEXT_WIDTH);
    const captionHeight = caption.length * lineHeight(CAPTION);
    const natural = { width: (block.width > 0 ? block.width : image.width) * POINTS_PER_PIXEL, height: (block.height > 0 ? block.height : image.height) * POINTS_PER_PIXEL };
    const scale = Math.min(1, TEXT_WIDTH / natural.width, (PAGE.height - 2 * PAGE.margin - captionHeight) / natural.height);
    const width = natural.width * scale;
    const height = natural.height * scale;
    this.ensure(height + captionHeight);
    this.page.drawImage(image, { x: PAGE.margin, y: this.y - height, width, height });
    this.advance(height + 4);
    for (const line of caption) {
      drawRuns(this.page, this.fonts.runs(line, CAPTION.weight), PAGE.margin, this.baseline(CAPTION), CAPTION);
      this.advance(lineHeight(CAPTION));
    }
  }

  private async layout(text: string, style: TextStyle, width: number): Promise<string[]> {
    const clean = normalize(text);
    await this.fonts.prepare(clean, style.weight);
    return wrap(tokenize(clean), width, (piece) => this.fonts.width(piece, style));
  }

  /** The baseline of a line whose box starts at the cursor: half the extra leading above the em box, then the ascent. */
  private baseline(style: TextStyle): number {
    return this.y - (lineHeight(style) - style.size) / 2 - style.size * ASCENT;
  }

  private advance(points: number): void {
    this.y -= points;
    this.empty = false;
  }
}

/** Runs of whitespace become one space; control and invisible format characters are dropped. */
function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
}

type CharKind = 'space' | 'cjk' | 'word';
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** Never at the start of a line: they stay with the character before them. */
const CLOSING = new Set('，。、；：！？）」』】》〉〕”’…,.;:!?)]}%');
/** Never at the end of a line: they stay with the character after them. */
const OPENING = new Set('（「『【《〈〔“‘([{');

const kindOf = (char: string): CharKind => (char === ' ' ? 'space' : CJK.test(char) ? 'cjk' : 'word');

/**
 * Cuts a text into the pieces a line may break between: a space, a Latin word (letters, digits and
 * punctuation up to the next space), or a single CJK character, since Chinese may break between
 * any two characters. Closing punctuation joins the piece before it and opening punctuation the
 * piece after it, so that neither is stranded at the wrong end of a line (the usual CJK line
 * breaking rule, kinsoku, in its simplest form).
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let previous: CharKind = 'space';
  let glue = false;
  for (const char of text) {
    const kind = kindOf(char);
    const join = tokens.length > 0 && kind !== 'space' && (glue || (kind === 'word' && previous === 'word') || (CLOSING.has(char) && previous !== 'space'));
    if (join) tokens[tokens.length - 1] += char;
    else tokens.push(char);
    glue = OPENING.has(char);
    previous = kind;
  }
  return tokens;
}

/**
 * Greedy line filling: put each piece on the current line while it fits, else start a new line.
 * This is what browsers do and is enough for handouts; optimal breaking (Knuth–Plass) would only
 * even out ragged right edges. Widths are measured per piece and summed, which ignores kerning
 * across a break opportunity (a fraction of a point). A piece wider than the line on its own (a
 * long URL) is broken between its characters; spaces at line ends are dropped.
 */
function wrap(tokens: string[], width: number, measure: (text: string) => number): string[] {
  const pieces = tokens.flatMap((text) => {
    const measured = measure(text);
    return measured > width && [...text].length > 1 ? [...text].map((char) => ({ text: char, width: measure(char) })) : [{ text, width: measured }];
  });
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const piece of pieces) {
    if (line && piece.text !== ' ' && used + piece.width > width + 0.01) {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    }
    if (!line && piece.text === ' ') continue;
    line += piece.text;
    used += piece.width;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * A chunk's font as plain TrueType, and parsed. fontkit reads WOFF itself, but inflates its tables
 * with a pure-JS inflate on every parse, and pdf-lib parses the bytes again for each document it
 * embeds them in: that was two thirds of the time to render a handout. Node's zlib decodes each
 * file once instead. Subsetting is still needed, for size.
 */
interface SfntFont {
  sfnt: Uint8Array;
  font: FontkitFont;
}

const family = (weight: FontWeight) =>
  new ChunkedFont<SfntFont>(
    weight,
    (woff) => {
      const sfnt = woffToSfnt(woff);
      return { sfnt, font: fontkit.create(sfnt) };
    },
    ({ font }, codePoint) => font.hasGlyphForCodePoint(codePoint),
  );
const families: Record<FontWeight, ChunkedFont<SfntFont>> = { 400: family(400), 700: family(700) };

/** The font files one document embeds, each once, keyed by file (so by chunk and weight). */
class DocumentFonts {
  private readonly embedded = new Map<string, PDFFont>();

  constructor(private readonly doc: PDFDocument) {}

  /** Embeds the files a text needs, each subset to the glyphs the document draws with it. */
  async prepare(text: string, weight: FontWeight): Promise<void> {
    for (const char of new Set(text)) {
      const match = this.resolve(char, weight)?.match;
      if (!match) continue;
      const file = chunkFile(match.chunk, weight);
      if (!this.embedded.has(file)) this.embedded.set(file, await this.doc.embedFont(match.font.sfnt, { subset: true }));
    }
  }

  /** The text cut into runs of one embedded font each (prepare it first); uncovered characters become □. */
  runs(text: string, weight: FontWeight): Run[] {
    const runs: Run[] = [];
    for (const char of text) {
      const found = this.resolve(char, weight);
      if (!found) continue;
      const font = this.embedded.get(chunkFile(found.match.chunk, weight));
      if (!font) throw new Error(`Font file for “${char}” was not embedded before drawing`);
      const last = runs.at(-1);
      if (last?.font === font) last.text += found.char;
      else runs.push({ font, text: found.char });
    }
    return runs;
  }

  width(text: string, style: TextStyle): number {
    return this.runs(text, style.weight).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, style.size), 0);
  }

  /** The character to draw and the chunk that has it: □ for a character no chunk has. */
  private resolve(char: string, weight: FontWeight): { char: string; match: ChunkMatch<SfntFont> } | undefined {
    const font = families[weight];
    const match = font.lookup(char.codePointAt(0) ?? 0);
    if (match) return { char, match };
    const placeholder = font.lookup(PLACEHOLDER);
    return placeholder && { char: String.fromCodePoint(PLACEHOLDER), match: placeholder };
  }
}
