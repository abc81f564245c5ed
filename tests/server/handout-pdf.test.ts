import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../electron/server/maps/png.ts';
import { type Handout, type HandoutBlock, renderHandoutPdf } from '../../electron/server/present/pdf.ts';
import { useTempDir } from '../helpers/workspace.ts';

/**
 * Handouts are read by people and by tools: the text must come back out of the PDF (search, copy,
 * screen readers), so these tests read the files with poppler's pdftotext/pdfinfo/pdffonts/
 * pdfimages, as a user's viewer would, rather than trusting our own writer.
 */

const POPPLER = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages'];
const onPath = (tool: string) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, tool)));
const missingTools = POPPLER.filter((tool) => !onPath(tool));
const skipNote = missingTools.length ? ` (skipped: ${missingTools.join(', ')} not on PATH; install poppler-utils)` : '';
if (missingTools.length) console.warn(`handout-pdf tests${skipNote}`);

// A4 in points, and the writer's 20 mm margins.
const PAGE = { width: 595.28, height: 841.89, margin: 56.69 };

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const squash = (text: string) => text.replace(/\s+/g, '');
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', file))?.[1]);
const pageText = (file: string, page: number) => run('pdftotext', '-f', String(page), '-l', String(page), file, '-');

/** Word boxes from `pdftotext -bbox` (top-down coordinates, in points), with their page number. */
function words(file: string): { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = run('pdftotext', '-bbox', file, '-');
  return html.split('<page ').slice(1).flatMap((page, index) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      page: index + 1,
      text: m[5]!,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

const pngOf = (width: number, height: number) =>
  svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#3a7"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#fff"/></svg>`, 1);

const MIXED =
  '平台战略的核心在于连接多边市场，例如 Apple 的 App Store 同时服务开发者与用户。网络效应（network effects）使得先发者获得优势，' +
  '但 platform envelopment 也可能让后来者突破。企业需要在开放与控制之间取得平衡：过度开放会失去 value capture，过度控制则抑制生态创新。';
const ENGLISH = 'Strategy is about making choices, trading off, and deliberately choosing to be different from rivals in ways that customers value.';

async function workshop(): Promise<Handout> {
  return {
    title: '平台战略工作坊 Platform Strategy',
    lang: 'zh',
    author: '战略工作台',
    blocks: [
      { kind: 'heading', level: 1, text: '一、平台与网络效应' },
      { kind: 'paragraph', text: MIXED },
      { kind: 'list', items: ['识别关键参与方（key stakeholders）', '评估 network effects 强度', 'Price one side, subsidise the other'] },
      { kind: 'image', png: await pngOf(400, 200), width: 400, height: 200, alt: '图 1：双边市场示意 two-sided market' },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 2, text: 'Choosing a position' },
      { kind: 'paragraph', text: ENGLISH },
      { kind: 'image', png: await pngOf(2000, 300), width: 2000, height: 300, alt: 'A wide timeline' },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 3, text: '附录：术语表' },
      { kind: 'paragraph', text: '护城河（moat）：竞争优势的持久性。' },
    ],
  };
}

describe.skipIf(missingTools.length > 0)(`handout PDF as poppler reads it${skipNote}`, () => {
  const tempDir = useTempDir();
  const save = (bytes: Uint8Array) => {
    const file = path.join(tempDir(), 'handout.pdf');
    writeFileSync(file, bytes);
    return file;
  };

  it('holds the Chinese and English text as real, extractable text in embedded Noto Sans SC', async () => {
    const file = save(await renderHandoutPdf(await workshop()));
    const text = squash(run('pdftotext', file, '-'));
    for (const expected of ['平台战略工作坊PlatformStrategy', '战略工作台', '一、平台与网络效应', MIXED, '识别关键参与方（keystakeholders）', 'Price one side, subsidise the other', ENGLISH, '附录：术语表', '护城河（moat）：竞争优势的持久性。', '图1：双边市场示意two-sidedmarket']) {
      expect(text).toContain(squash(expected));
    }
    const fonts = run('pdffonts', file).split('\n').slice(2).filter(Boolean);
    // Every font travels with the file (emb = yes), so machines without CJK fonts show the text.
    expect(fonts.every((line) => / yes +\S+ +yes /.test(line))).toBe(true);
    expect(fonts.some((line) => line.startsWith('NotoSansSC-Bold'))).toBe(true);
    expect(fonts.some((line) => line.startsWith('NotoSansSC-Regular'))).toBe(true);
  });

  it('has the expected pages, title, language and creator, and numbers the pages n / N', async () => {
    const bytes = await renderHandoutPdf(await workshop());
    const file = save(bytes);
    const info = run('pdfinfo', file);
    expect(info).toMatch(/^Title:\s+平台战略工作坊 Platform Strategy$/m);
    expect(info).toMatch(/^Author:\s+战略工作台$/m);
    expect(info).toMatch(/^Creator:\s+Strategy Workbench$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(pageCount(file)).toBe(3);
    for (const page of [1, 2, 3]) expect(squash(pageText(file, page)).endsWith(`${page}/3`)).toBe(true);
    expect(squash(pageText(file, 2))).toContain('Choosingaposition');
    const lang = (await PDFDocument.load(bytes)).catalog.lookup(PDFName.of('Lang'), PDFString);
    expect(lang.decodeText()).toBe('zh-CN');
  });

  it('wraps the mixed paragraph across lines inside the margins', async () => {
    const file = save(await renderHandoutPdf(await workshop()));
    const page1 = pageText(file, 1);
    const start = page1.indexOf('平台战略的核心');
    const end = page1.indexOf('抑制生态创新。');
    expect(start).toBeGreaterThan(-1);
    expect(page1.slice(start, end).split('\n').length).toBeGreaterThanOrEqual(3);
    for (const word of words(file)) {
      expect(word.xMin).toBeGreaterThanOrEqual(PAGE.margin - 1);
      expect(word.xMax).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 1);
    }
  });

  it('shows images whole: at their natural size when they fit, shrunk to the text width when not', async () => {
    const file = save(await renderHandoutPdf(await workshop()));
    // pdfimages -list: page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
    const images = run('pdfimages', '-list', file)
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image')
      .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), xPpi: Number(cols[12]), yPpi: Number(cols[13]) }));
    expect(images.map(({ page, width }) => ({ page, width }))).toEqual([
      { page: 1, width: 400 },
      { page: 2, width: 2000 },
    ]);
    // 96 pixels per inch is 1 px = 0.75 pt, the natural size.
    expect(images[0]!.xPpi).toBe(96);
    const shownWidth = (2000 / images[1]!.xPpi) * 72;
    expect(shownWidth).toBeGreaterThan(PAGE.width - 2 * PAGE.margin - 2);
    expect(shownWidth).toBeLessThanOrEqual(PAGE.width - 2 * PAGE.margin + 2);
    expect(images[1]!.yPpi).toBe(images[1]!.xPpi); // the aspect ratio is kept
  });

  it('breaks English between words and keeps Chinese closing punctuation off the start of a line', async () => {
    const english = Array.from({ length: 6 }, () => ENGLISH).join(' ');
    // Break opportunities fall between every two characters; one of the two offsets would put a
    // comma or full stop first on some line if the rule were missing.
    const chinese = (offset: number) => '一'.repeat(offset) + '中，文。'.repeat(70);
    const file = save(
      await renderHandoutPdf({ title: 'Wrapping', lang: 'en', blocks: [{ kind: 'paragraph', text: english }, { kind: 'paragraph', text: chinese(0) }, { kind: 'paragraph', text: chinese(1) }] }),
    );
    const lines = run('pdftotext', file, '-').split('\n').map((line) => line.trim()).filter(Boolean);
    const vocabulary = new Set(ENGLISH.split(' '));
    const englishLines = lines.filter((line) => /^[A-Za-z]/.test(line) && line !== 'Wrapping' && !/^\d+\/\d+$/.test(line));
    expect(englishLines.length).toBeGreaterThanOrEqual(4);
    for (const line of englishLines) for (const word of line.split(/\s+/)) expect(vocabulary).toContain(word);
    const chineseLines = lines.filter((line) => /[中文]/.test(line));
    expect(chineseLines.length).toBeGreaterThanOrEqual(6);
    for (const line of chineseLines) expect(line).not.toMatch(/^[，。]/);
    expect(squash(chineseLines.join(''))).toBe(chinese(0) + chinese(1));
  });

  it('flows long content onto new pages without writing into the bottom margin', async () => {
    const blocks: HandoutBlock[] = Array.from({ length: 40 }, (_, i) => ({ kind: 'paragraph', text: `Item${i + 1}: ${MIXED}` }));
    const file = save(await renderHandoutPdf({ title: 'Long handout', lang: 'en', blocks }));
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = squash(run('pdftotext', file, '-'));
    const order = blocks.map((_, i) => text.indexOf(`Item${i + 1}:`));
    expect(order.every((at, i) => at > -1 && (i === 0 || at > order[i - 1]!))).toBe(true);
    for (let page = 1; page <= pages; page++) expect(squash(pageText(file, page)).endsWith(`${page}/${pages}`)).toBe(true);
    const body = words(file).filter((word) => !/^\d+$|^\/$/.test(word.text));
    expect(Math.max(...body.map((word) => word.yMax))).toBeLessThanOrEqual(PAGE.height - PAGE.margin + 1);
  });

  it('draws a visible placeholder for characters the font lacks instead of failing', async () => {
    const file = save(await renderHandoutPdf({ title: 'Placeholder', lang: 'zh', blocks: [{ kind: 'paragraph', text: '罕见字𠀀和私用区\u{E000}之后继续' }] }));
    expect(squash(run('pdftotext', file, '-'))).toContain('罕见字□和私用区□之后继续');
  });
});

async function expectAbortError(rendering: Promise<unknown>): Promise<void> {
  const error = await rendering.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('AbortError');
}

describe('handout PDF rendering', () => {
  it('reports progress block by block', async () => {
    const handout = await workshop();
    const calls: [number, number][] = [];
    const bytes = await renderHandoutPdf(handout, { onProgress: (done, total) => calls.push([done, total]) });
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const total = handout.blocks.length;
    expect(calls).toEqual(Array.from({ length: total + 1 }, (_, done) => [done, total]));
  });

  it('stops with an AbortError when cancelled midway, and at once when cancelled before it starts', async () => {
    const handout = await workshop();
    const controller = new AbortController();
    const seen: number[] = [];
    const rendering = renderHandoutPdf(handout, {
      signal: controller.signal,
      // Abort from a later event-loop turn, as a cancel message from the UI would arrive.
      onProgress: (done) => {
        seen.push(done);
        if (done === 2) setImmediate(() => controller.abort());
      },
    });
    await expectAbortError(rendering);
    expect(Math.max(...seen)).toBeLessThan(handout.blocks.length);

    const cancelled = new AbortController();
    cancelled.abort();
    await expectAbortError(renderHandoutPdf(handout, { signal: cancelled.signal }));
  });
});
