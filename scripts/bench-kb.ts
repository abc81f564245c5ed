// `npm run bench:kb`: the knowledge base at 100,000 synthetic bilingual entities. Prints the bulk
// import rate, the index size, and search latency p50/p95 per query class against a plain LIKE scan.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBundle, printBundle } from '../core/formats/bundle.ts';
import { SOURCE_DATA_DIR } from '../electron/server/paths.ts';
import { createServer } from '../electron/server/server.ts';
import { syntheticEntities } from './bench/synthetic.ts';

const COUNT = Number(process.env.BENCH_ENTITIES ?? 100_000);
const RUNS = 200;
const QUERIES: [string, string][] = [
  ['English word', 'platform'],
  ['2-char Chinese word', '广告'],
  ['4-char Chinese phrase', '数据服务'],
  ['mixed', 'AI 平台'],
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-kb-'));
try {
  const server = createServer({ dbPath: path.join(dir, 'bench.swb'), dataDir: SOURCE_DATA_DIR, transport: 'test', appVersion: 'bench', seed: false });
  const { router } = server;
  const db = server.context.workspace.db;

  console.log(`Building ${COUNT.toLocaleString('en')} synthetic entities…`);
  const bundle = printBundle({ sections: [], entities: syntheticEntities(COUNT), relations: [] });
  const parseStart = performance.now();
  parseBundle(bundle, 'synthetic.json');
  const parseSeconds = (performance.now() - parseStart) / 1000;
  const start = performance.now();
  const imported = await router.call('kb.import', { format: 'bundle', content: bundle, fileName: 'synthetic.json' });
  const seconds = (performance.now() - start) / 1000;
  if (!imported.ok) throw new Error(imported.error.message);
  const storeSeconds = seconds - parseSeconds;
  db.pragma('wal_checkpoint(TRUNCATE)');

  const ftsBytes = db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'entity_fts%' OR name = 'search_docs'").pluck().get() as number;
  const fileBytes = statSync(path.join(dir, 'bench.swb')).size;
  console.log(`\nBulk import of a ${mib(bundle.length)} JSON bundle through kb.import: ${(COUNT / seconds).toFixed(0)} entities/s end to end (${seconds.toFixed(1)} s)`);
  console.log(`  of which reading the file (JSON parse, depth check, schema validation): ${parseSeconds.toFixed(1)} s`);
  console.log(`  and writing (checks against the workspace, rows, tags, full-text index, commit): ${(COUNT / storeSeconds).toFixed(0)} entities/s (${storeSeconds.toFixed(1)} s)`);
  console.log(`Index size: ${mib(ftsBytes)} (full-text index) in a ${mib(fileBytes)} workspace\n`);

  const scan = db.prepare(
    "SELECT id FROM entities WHERE (title_zh || ' ' || title_en || ' ' || summary_zh || ' ' || summary_en || ' ' || lists) LIKE @a AND (title_zh || ' ' || title_en || ' ' || summary_zh || ' ' || summary_en || ' ' || lists) LIKE @b LIMIT 20",
  );
  const scanCount = db.prepare(
    "SELECT count(*) FROM entities WHERE (title_zh || ' ' || title_en || ' ' || summary_zh || ' ' || summary_en || ' ' || lists) LIKE @a AND (title_zh || ' ' || title_en || ' ' || summary_zh || ' ' || summary_en || ' ' || lists) LIKE @b",
  );
  const rows: string[][] = [['query class', 'query', 'hits', 'search p50', 'search p95', 'LIKE p50', 'LIKE p95', 'speed-up (p50)']];
  let worstP95 = 0;
  let worstRatio = Infinity;
  for (const [label, query] of QUERIES) {
    const [a, b = ''] = query.split(' ');
    const first = await router.call('kb.search', { query, limit: 20 });
    if (!first.ok) throw new Error(first.error.message);
    const hits = (first.value as { total: number }).total;
    const search: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await router.call('kb.search', { query, limit: 20 });
      search.push(performance.now() - t0);
    }
    const like: number[] = [];
    for (let i = 0; i < Math.max(10, RUNS / 10); i++)
      like.push(time(() => {
        const params = { a: `%${a}%`, b: `%${b}%` };
        scanCount.get(params);
        scan.all(params);
      }));
    const p50 = percentile(search, 50);
    const p95 = percentile(search, 95);
    const ratio = percentile(like, 50) / p50;
    worstP95 = Math.max(worstP95, p95);
    worstRatio = Math.min(worstRatio, ratio);
    rows.push([label, query, String(hits), `${p50.toFixed(2)} ms`, `${p95.toFixed(2)} ms`, `${percentile(like, 50).toFixed(1)} ms`, `${percentile(like, 95).toFixed(1)} ms`, `${ratio.toFixed(0)}×`]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(`\nFloors: import ≥ 20,000/s, search p95 ≤ 20 ms, ≥ 10× the scan.`);
  console.log(
    `Result: import ${(COUNT / seconds).toFixed(0)}/s end to end ${COUNT / seconds >= 20_000 ? 'OK' : 'BELOW'}, ${(COUNT / storeSeconds).toFixed(0)}/s writing ${COUNT / storeSeconds >= 20_000 ? 'OK' : 'BELOW'}; worst p95 ${worstP95.toFixed(2)} ms ${worstP95 <= 20 ? 'OK' : 'ABOVE'}; smallest speed-up ${worstRatio.toFixed(0)}× ${worstRatio >= 10 ? 'OK' : 'BELOW'}`,
  );
  server.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
