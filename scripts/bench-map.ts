// `npm run bench:map`: the concept-map canvas in Chromium at 200, 2,000 and 10,000 concepts.
// Builds renderer/bench (our MapCanvas, and the force-graph package on the same map), serves it
// from 127.0.0.1, and prints layout time and median/p95 frame time while panning, zooming and
// dragging, for both, with ratios and the floors from the issue. Exits 0 whatever the verdicts:
// it is a report. Options by environment: BENCH_MAP_SIZES=200,2000 BENCH_MAP_FRAMES=120
// BENCH_MAP_JSON=/tmp/bench-map.json (raw intervals) CHROMIUM_PATH=/usr/bin/chromium
// BENCH_MAP_MINIMAP=1 (show the minimap on our page, as the editor does).
// BENCH_MAP_POSITIONS=/tmp/bench-positions (for iterating on frame times: our layout's positions
// are saved there per size on the first run and drawn on later runs, whose layouts are not timed).
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchApi, BenchInfo, SharedPositions } from '../renderer/bench/protocol.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'build', 'bench');
const SIZES = (process.env.BENCH_MAP_SIZES ?? '200,2000,10000').split(',').map((s) => Number(s.trim())).filter((n) => n > 1);
const FRAMES = Number(process.env.BENCH_MAP_FRAMES ?? 120);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MINIMAP = process.env.BENCH_MAP_MINIMAP === '1';
const POSITIONS = process.env.BENCH_MAP_POSITIONS;
const VIEWPORT = { width: 1440, height: 900 };
const INTERACTIONS = ['pan', 'zoom', 'drag'] as const;
type Interaction = (typeof INTERACTIONS)[number];

/** The floors from the issue. */
const LAYERED_200_MS = 100;
const FRAME_60FPS = 16.7;
const FRAME_INTERACTIVE = 33;

interface Stats {
  median: number;
  p95: number;
  max: number;
  frames: number;
}

interface PageResult {
  info: BenchInfo;
  frames: Record<Interaction, Stats>;
  intervals: Record<Interaction, number[]>;
}

interface SizeResult {
  n: number;
  ours: PageResult;
  fg: PageResult;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** A static server for build/bench on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
      const info = file.startsWith(dir + path.sep) ? await stat(file).catch(() => null) : null;
      if (!info?.isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(intervals: readonly number[]): Stats {
  return { median: percentile(intervals, 50), p95: percentile(intervals, 95), max: Math.max(...intervals), frames: intervals.length };
}

/** The page's globals, as seen from Node (page.evaluate callbacks run in the page: no closures). */
interface PageGlobals {
  bench: BenchApi;
  benchInput: SharedPositions;
  benchPositions(): SharedPositions;
}

async function runPage(browser: Browser, url: string, blocked: string[], positions?: SharedPositions): Promise<{ result: PageResult; positions?: SharedPositions }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', serviceWorkers: 'block' });
  const origin = new URL(url).origin;
  // Nothing but our own server: anything else is refused and reported.
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (new URL(requested).origin === origin) return route.continue();
    blocked.push(requested);
    return route.abort();
  });
  const page: Page = await context.newPage();
  // Layouts of large maps take minutes on the page's main thread: nothing here may time out.
  page.setDefaultTimeout(0);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  try {
    if (positions) await page.addInitScript((shared) => void ((globalThis as unknown as PageGlobals).benchInput = shared), positions);
    await page.goto(url);
    await page.waitForFunction(() => 'bench' in globalThis);
    await page.evaluate(() => (globalThis as unknown as PageGlobals).bench.ready).catch((error: unknown) => {
      throw new Error(`${url}: ${error instanceof Error ? error.message : String(error)}${errors.length ? `\n${errors.join('\n')}` : ''}`);
    });
    const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).bench.info());
    console.log(`  ${info.nodes.toLocaleString('en')} boxes, ${info.backend}; layout ${info.layouts.map((l) => `${l.kind} ${ms(l.ms)} ms`).join(', ')}`);
    const intervals = {} as Record<Interaction, number[]>;
    for (const interaction of INTERACTIONS)
      intervals[interaction] = await page.evaluate(([name, frames]) => (globalThis as unknown as PageGlobals).bench[name](frames), [interaction, FRAMES] as const);
    const shared = positions ? undefined : await page.evaluate(() => (globalThis as unknown as PageGlobals).benchPositions());
    if (errors.length) console.warn(`  page errors at ${url}:\n    ${errors.join('\n    ')}`);
    const frames = Object.fromEntries(INTERACTIONS.map((i) => [i, stats(intervals[i])])) as Record<Interaction, Stats>;
    return { result: { info, frames, intervals }, positions: shared };
  } finally {
    await context.close();
  }
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
const count = (n: number) => n.toLocaleString('en');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r, i) => {
    const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
    return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

function report(results: SizeResult[], header: string): void {
  console.log(`\n${header}\n`);
  console.log('Maps (same seed on both pages)');
  console.log(
    table([
      ['concepts', 'phrases', 'propositions', 'groups', 'ours: boxes', 'ours: backend', 'drawn layout', 'force-graph: nodes / links'],
      ...results.map((r) => [
        count(r.n),
        count(r.ours.info.phrases),
        count(r.ours.info.propositions),
        String(r.ours.info.groups),
        count(r.ours.info.nodes),
        r.ours.info.backend === 'svg' ? 'SVG' : '2D canvas',
        r.ours.info.drawn,
        `${count(r.fg.info.nodes)} / ${count(r.fg.info.propositions)}`,
      ]),
    ]),
  );

  console.log('\nLayout time, ms (median of runs; computeLayout on the page main thread)');
  console.log(
    table([
      ['concepts', 'ours layered', 'ours force', 'force-graph (d3 sim to rest)', 'force ratio fg/ours'],
      ...results.map((r) => {
        const layered = r.ours.info.layouts.find((l) => l.kind === 'layered');
        const force = r.ours.info.layouts.find((l) => l.kind === 'force');
        const theirs = r.fg.info.layouts[0];
        return [
          count(r.n),
          layered ? `${ms(layered.ms)} (${layered.runs.length}×)` : r.ours.info.layouts.length === 0 ? 'not run (positions reused)' : 'not run (> 2,000)',
          force ? `${ms(force.ms)} (${force.runs.length}×)` : '—',
          theirs ? `${ms(theirs.ms)} (${theirs.runs.length}×, ${theirs.ticks} ticks)` : '—',
          force && theirs ? ratio(theirs.ms / force.ms) : '—',
        ];
      }),
    ]),
  );

  console.log(`\nFrame time, ms (intervals between requestAnimationFrame timestamps, ${FRAMES} frames each)`);
  console.log(
    table([
      ['concepts', 'interaction', 'ours median', 'ours p95', 'ours max', 'force-graph median', 'force-graph p95', 'force-graph max', 'p95 ratio fg/ours'],
      ...results.flatMap((r) =>
        INTERACTIONS.map((i, k) => [
          k === 0 ? `${count(r.n)} (${r.ours.info.backend === 'svg' ? 'SVG' : 'canvas'})` : '',
          i,
          ms(r.ours.frames[i].median),
          ms(r.ours.frames[i].p95),
          ms(r.ours.frames[i].max),
          ms(r.fg.frames[i].median),
          ms(r.fg.frames[i].p95),
          ms(r.fg.frames[i].max),
          ratio(r.fg.frames[i].p95 / r.ours.frames[i].p95),
        ]),
      ),
    ]),
  );

  console.log('\nFloors');
  const verdicts: string[][] = [['floor', 'measured', 'verdict']];
  const at = (n: number) => results.find((r) => r.n === n);
  const small = at(200);
  const layered = small?.ours.info.layouts.find((l) => l.kind === 'layered');
  verdicts.push([`200-concept layered layout < ${LAYERED_200_MS} ms`, layered ? `${ms(layered.ms)} ms` : 'not measured', layered ? (layered.ms < LAYERED_200_MS ? 'OK' : 'ABOVE') : '—']);
  const medium = at(2000);
  for (const i of ['pan', 'zoom'] as const) {
    const p95 = medium?.ours.frames[i].p95;
    verdicts.push([`2,000 concepts ${i} p95 ≤ ${FRAME_60FPS} ms (60 fps)`, p95 === undefined ? 'not measured' : `${ms(p95)} ms`, p95 === undefined ? '—' : p95 <= FRAME_60FPS ? 'OK' : 'ABOVE']);
  }
  const large = at(10000);
  for (const i of INTERACTIONS) {
    const p95 = large?.ours.frames[i].p95;
    verdicts.push([`10,000 concepts ${i} p95 < ${FRAME_INTERACTIVE} ms`, p95 === undefined ? 'not measured' : `${ms(p95)} ms`, p95 === undefined ? '—' : p95 < FRAME_INTERACTIVE ? 'OK' : 'ABOVE']);
  }
  for (const i of INTERACTIONS) {
    const r = large && large.fg.frames[i].p95 / large.ours.frames[i].p95;
    verdicts.push([`10,000 concepts ${i}: no slower than force-graph (p95 fg/ours ≥ 1)`, r === undefined ? 'not measured' : ratio(r), r === undefined ? '—' : r >= 1 ? 'OK' : 'BELOW']);
  }
  console.log(table(verdicts));
}

/** Positions saved by an earlier run with BENCH_MAP_POSITIONS, if any. */
async function savedPositions(n: number): Promise<SharedPositions | null> {
  const text = await readFile(path.join(POSITIONS ?? '', `${n}.json`), 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as SharedPositions);
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  console.log('Building renderer/bench …');
  await build({ configFile: path.join(REPO, 'renderer', 'vite.bench.config.ts'), logLevel: 'warn' });
  const { server, origin } = await serve(OUT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Frames as fast as the work allows, not paced at 60 Hz, so the intervals show the real cost.
      '--disable-gpu-vsync',
      '--disable-frame-rate-limit',
    ],
  });
  const blocked: string[] = [];
  const results: SizeResult[] = [];
  try {
    for (const n of SIZES) {
      const started = performance.now();
      console.log(`\n${count(n)} concepts: our canvas …${n > 5000 ? ' (its force layout alone takes minutes)' : ''}`);
      const saved = POSITIONS && (await savedPositions(n));
      const ours = await runPage(browser, `${origin}/index.html?n=${n}${MINIMAP ? '&minimap=1' : ''}`, blocked, saved || undefined);
      const positions = saved || ours.positions;
      if (POSITIONS && !saved && positions) {
        await mkdir(POSITIONS, { recursive: true });
        await writeFile(path.join(POSITIONS, `${n}.json`), JSON.stringify(positions));
      }
      console.log(`${count(n)} concepts: force-graph …`);
      const fg = await runPage(browser, `${origin}/force-graph.html?n=${n}`, blocked, positions);
      results.push({ n, ours: ours.result, fg: fg.result });
      console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const cpus = os.cpus();
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    report(
      results,
      [
        `bench:map — Chromium ${browser.version()} headless, --disable-gpu (software raster and compositing), ${VIEWPORT.width}×${VIEWPORT.height} @1x,`,
        `frame pacing off (--disable-gpu-vsync --disable-frame-rate-limit); ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}; load average ${load(loadBefore)} before, ${load(os.loadavg())} after.`,
        `${FRAMES} measured frames per interaction after 10 warm-up frames; minimap ${MINIMAP ? 'on' : 'off'}. Pan and drag at scale 1 (labels readable),`,
        "zoom from the whole map in to scale 2 and back. force-graph draws the same boxes and labels at our layout's positions along the same camera path.",
      ].join('\n'),
    );
    if (blocked.length) console.log(`\nRefused ${blocked.length} request(s) off 127.0.0.1: ${[...new Set(blocked)].slice(0, 5).join(', ')}`);
    if (process.env.BENCH_MAP_JSON) {
      await writeFile(process.env.BENCH_MAP_JSON, JSON.stringify(results, null, 1));
      console.log(`\nRaw results: ${process.env.BENCH_MAP_JSON}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
