import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { essence } from '../../core/graph/roundtrip.ts';
import { bounds, mapGeometry } from '../../core/graph/geometry.ts';
import { renderMapSvg } from '../../core/graph/svg.ts';
import { fontGlyphs } from '../../electron/server/maps/glyphs.ts';
import { svgToPng } from '../../electron/server/maps/png.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import type { Router } from '../../electron/server/router.ts';
import { contentDigest } from '../helpers/files.ts';
import { useServer, ok } from '../helpers/workspace.ts';

const getDoc = async (router: Router, id: string) => ok<{ revision: number; document: MapDocument }>(router, 'maps.get', { id });
const exported = async (router: Router, id: string, format: string) => (await ok<{ content: string }>(router, 'maps.export', { id, format })).content;

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/cxl');
const fixturesMissing = !existsSync(FIXTURES);

describe('concept maps in the workspace', () => {
  const server = useServer();

  it('include the book’s §2.4 map, its 17 concepts linked to the knowledge base', async () => {
    const { router } = server();
    const { document } = await getDoc(router, 'infrastructure-concept-map');
    expect(document.concepts).toHaveLength(17);
    expect(essence(document).propositions).toHaveLength(13);
    expect(document.concepts.find((c) => c.label === '图形处理器(GPU)')?.entity).toBe('component/gpu');
    expect(document.concepts.every((c) => document.layout[c.id])).toBe(true);
  });

  it('keep concepts, propositions and groups through Mermaid → map → Mermaid → map', async () => {
    const { router } = server();
    const source = 'flowchart LR\n  A[Cloud] -->|sells| B(Subscription)\n  subgraph R [Revenue]\n    B --> C{Margin}\n    C -.-> D[(Data)]\n  end\n  A & B --> E((Brand))\n';
    const first = await ok<{ id: string }>(router, 'maps.import', { format: 'mermaid', content: source, fileName: 'a.mmd' });
    const mermaid = await exported(router, first.id, 'mermaid');
    const second = await ok<{ id: string }>(router, 'maps.import', { format: 'mermaid', content: mermaid, fileName: 'b.mmd' });
    expect(essence((await getDoc(router, second.id)).document)).toEqual(essence((await getDoc(router, first.id)).document));
  });

  it('keep concepts, propositions and groups through the seed map → CXL → map', async () => {
    const { router } = server();
    const cxl = await exported(router, 'infrastructure-concept-map', 'cxl');
    const back = await ok<{ id: string }>(router, 'maps.import', { format: 'cxl', content: cxl, fileName: 'seed.cxl' });
    const original = essence((await getDoc(router, 'infrastructure-concept-map')).document);
    const again = essence((await getDoc(router, back.id)).document);
    expect(again.concepts).toEqual(original.concepts);
    expect(again.propositions).toEqual(original.propositions);
  });

  it.skipIf(fixturesMissing)(`import real CmapTools exports ${fixturesMissing ? '(skipped: ../shared/fixtures/cxl is absent)' : ''}`, async () => {
    const { router } = server();
    const result = await ok<{ concepts: unknown[]; propositions: unknown[] }>(router, 'maps.import', {
      format: 'cxl',
      content: readFileSync(path.join(FIXTURES, '01-aerocapture.cxl'), 'utf8'),
      fileName: '01-aerocapture.cxl',
    });
    expect(result.concepts).toHaveLength(27);
    expect(result.propositions).toHaveLength(33);
  });

  it('reject a malformed Mermaid file with its line and leave the workspace unchanged', async () => {
    const { router, context } = server();
    const before = contentDigest(context.workspace.path);
    const result = await router.call('maps.import', { format: 'mermaid', content: 'graph TD\n  A --> B\n  C[unclosed --> D\n', fileName: 'bad.mmd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    if (result.ok) return;
    expect(result.error.details?.problems?.[0]?.line).toBe(3);
    expect(contentDigest(context.workspace.path)).toBe(before);
  });

  it('reject a malformed CXL file with its XML path and leave the workspace unchanged', async () => {
    const { router, context } = server();
    const before = contentDigest(context.workspace.path);
    const content = '<?xml version="1.0"?>\n<cmap><map><concept-list><concept id="a" label="A"/></concept-list>\n<connection-list><connection id="x" from-id="a" to-id="missing"/></connection-list></map></cmap>';
    const result = await router.call('maps.import', { format: 'cxl', content, fileName: 'bad.cxl' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/connection/);
    expect(contentDigest(context.workspace.path)).toBe(before);
  });

  it('draw a case’s neighbourhood, and a whole kind with the cases that use it', async () => {
    const { router } = server();
    const around = await ok<{ id: string }>(router, 'maps.generate', { source: { from: 'entity', entity: 'case/ibm-watson', depth: 1 }, lang: 'en' });
    const doc = (await getDoc(router, around.id)).document;
    expect(doc.concepts.map((c) => c.entity)).toEqual(expect.arrayContaining(['case/ibm-watson', 'organisation/ibm', 'segment/finance']));
    expect(essence(doc).propositions).toContain(JSON.stringify(['case_ibm-watson', 'run by', 'organisation_ibm']));

    const models = await ok<{ id: string; concepts: number }>(router, 'maps.generate', {
      source: { from: 'kind', kind: 'model', relationKinds: ['uses-model'] },
      lang: 'zh',
      groupByKind: true,
    });
    const modelsDoc = (await getDoc(router, models.id)).document;
    expect(modelsDoc.concepts.map((c) => c.entity)).toContain('case/google-tensorflow');
    expect(modelsDoc.groups.map((g) => g.title)).toEqual(expect.arrayContaining(['盈利模式', '案例']));
  });

  it('store geometry apart from meaning: moving nodes rewrites the layout only', async () => {
    const { router, context } = server();
    const { revision, document } = await getDoc(router, 'infrastructure-concept-map');
    const meaningBefore = readColumn(context.workspace.path, 'meaning');
    const moved = { ...document, layout: Object.fromEntries(Object.entries(document.layout).map(([id, p]) => [id, { ...p, x: p.x + 50 }])) };
    await ok(router, 'maps.save', { id: 'infrastructure-concept-map', revision, document: moved });
    expect(readColumn(context.workspace.path, 'meaning')).toBe(meaningBefore);
    const stale = await router.call('maps.save', { id: 'infrastructure-concept-map', revision, document });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('export SVG with labels as outlines (readable without the fonts) and PNG at a chosen scale', async () => {
    const { router } = server();
    const svg = await exported(router, 'infrastructure-concept-map', 'svg');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<text');
    expect(svg).toContain('aria-label="图形处理器(GPU)"');
    expect(svg).not.toMatch(/NaN/);
    const small = await ok<{ content: string; encoding: string }>(router, 'maps.export', { id: 'infrastructure-concept-map', format: 'png', scale: 1 });
    const large = await ok<{ content: string; encoding: string }>(router, 'maps.export', { id: 'infrastructure-concept-map', format: 'png', scale: 2 });
    const png = (b64: string) => Buffer.from(b64, 'base64');
    expect(png(small.content).subarray(1, 4).toString()).toBe('PNG');
    // PNG width (header bytes 16–19) doubles with the scale, give or take a rounded pixel.
    expect(Math.abs(png(large.content).readUInt32BE(16) - 2 * png(small.content).readUInt32BE(16))).toBeLessThanOrEqual(2);
  });

  it('picture any part of a map (as presentation handouts do), edges cut by the frame included', async () => {
    const { router } = server();
    const { document } = await getDoc(router, 'infrastructure-concept-map');
    const box = bounds(mapGeometry(document));
    const frames = [0, 0.25, 0.5, 0.75].flatMap((fx) => [0, 0.3, 0.6].map((fy) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height, width: 320, height: 240 })));
    for (const region of frames) {
      const png = await svgToPng(renderMapSvg(document, { glyphs: fontGlyphs, region }), 1);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 240]);
    }
  });
});

function readColumn(file: string, column: 'meaning' | 'layout'): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT ${column} FROM maps WHERE id = 'infrastructure-concept-map'`).pluck().get() as string;
  } finally {
    db.close();
  }
}
