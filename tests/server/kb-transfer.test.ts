import { describe, expect, it } from 'vitest';
import { printBundle } from '../../core/formats/bundle.ts';
import type { Router } from '../../electron/server/router.ts';
import { syntheticEntities } from '../../scripts/bench/synthetic.ts';
import { contentDigest } from '../helpers/files.ts';
import { useServer, ok } from '../helpers/workspace.ts';

const exportAs = async (router: Router, format: string, id?: string) =>
  (await ok<{ content: string; fileName: string }>(router, 'kb.export', { format, id })).content;

describe('import and export', () => {
  const server = useServer();

  it('round-trips the whole knowledge base losslessly through a JSON bundle', async () => {
    const source = server();
    // Include a user's own entry and an edit, not only the defaults.
    await ok(source.router, 'kb.create', {
      content: { kind: 'lesson', title: { zh: '先试点', en: 'Pilot first' }, source: 'Workshop', tags: ['own'] },
    });
    const bundle = await exportAs(source.router, 'bundle');
    const empty = server({ seed: false });
    expect((await ok<{ entities: number }>(empty.router, 'kb.stats', {})).entities).toBe(0);
    const report = await ok<{ created: number; relations: number }>(empty.router, 'kb.import', { format: 'bundle', content: bundle, fileName: 'kb.json' });
    expect(report.created).toBeGreaterThan(150);
    expect(await exportAs(empty.router, 'bundle')).toBe(bundle);
    // …and the imported knowledge base is searchable at once.
    expect((await ok<{ hits: { id: string }[] }>(empty.router, 'kb.search', { query: 'Watson' })).hits[0]?.id).toBe('case/ibm-watson');
  });

  it('imports a cases CSV with a new case and its relations, and re-importing the export changes nothing', async () => {
    const { router, context } = server();
    const csv = await exportAs(router, 'cases-csv');
    const same = await ok<{ created: number; updated: number; unchanged: number }>(router, 'kb.import', { format: 'cases-csv', content: csv, fileName: 'cases.csv' });
    expect(same).toMatchObject({ created: 0, updated: 0 });
    const before = contentDigest(context.workspace.path);
    expect(before).toBe(contentDigest(context.workspace.path));

    const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    const columns = header.split(',');
    const row = columns.map((c) =>
      ({ title_zh: '客户 Y', title_en: 'Client Y', outcome: 'failure', source: 'Interview 2026', uses_model: 'model/advertising-and-data-services', factors_zh: '"需求不足\n定价过高"', factors_en: '"Too little demand\nPriced too high"' })[c] ?? '',
    );
    const report = await ok<{ created: number; ids: string[] }>(router, 'kb.import', {
      format: 'cases-csv',
      content: `${header}\r\n${row.join(',')}\r\n`,
      fileName: 'new.csv',
    });
    expect(report).toMatchObject({ created: 1, ids: ['case/client-y'] });
    const { entity, relations } = await ok<{ entity: { lists: { factors: { en: string }[] } }; relations: { other: { id: string } }[] }>(router, 'kb.get', { id: 'case/client-y' });
    expect(entity.lists.factors.map((f) => f.en)).toEqual(['Too little demand', 'Priced too high']);
    expect(relations.map((r) => r.other.id)).toContain('model/advertising-and-data-services');
  });

  it('exports one entry as Markdown and brings it back after it was deleted', async () => {
    const { router } = server();
    const markdown = await exportAs(router, 'markdown', 'case/ibm-watson');
    expect(markdown).toMatch(/^---\n/);
    expect(markdown).toContain('## English');
    expect(markdown).toContain('## 中文');
    const original = await ok<{ entity: unknown; relations: unknown[] }>(router, 'kb.get', { id: 'case/ibm-watson' });
    await ok(router, 'kb.delete', { id: 'case/ibm-watson' });
    await ok(router, 'kb.import', { format: 'markdown', content: markdown, fileName: 'watson.md' });
    const back = await ok<{ entity: { title: unknown; lists: unknown }; relations: unknown[] }>(router, 'kb.get', { id: 'case/ibm-watson' });
    expect(back.entity.title).toEqual((original.entity as { title: unknown }).title);
    expect(back.entity.lists).toEqual((original.entity as { lists: unknown }).lists);
    expect(back.relations.filter((r) => (r as { direction: string }).direction === 'outgoing').length).toBe(
      original.relations.filter((r) => (r as { direction: string }).direction === 'outgoing').length,
    );
  });

  it('rejects a malformed file with its line, and writes nothing', async () => {
    const { router, context } = server();
    const before = contentDigest(context.workspace.path);
    const broken = '{\n  "format": "strategy-workbench.kb",\n  "version": 1,\n  "entities": [\n    { "id": "case/x", }\n  ]\n}\n';
    const result = await router.call('kb.import', { format: 'bundle', content: broken, fileName: 'broken.json' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    if (result.ok) return;
    expect(result.error.message).toContain('broken.json');
    expect(result.error.details?.problems?.[0]?.line).toBe(5);
    expect(contentDigest(context.workspace.path)).toBe(before);
  });

  it('rejects an inconsistent file (a relation to an entry that exists nowhere) naming the path, and writes nothing', async () => {
    const { router, context } = server();
    const bundle = JSON.parse(await exportAs(router, 'bundle')) as { entities: { id: string }[]; relations: { to: string }[] };
    bundle.entities = bundle.entities.map((e) => ({ ...e, id: e.id.replace('case/ibm-watson', 'case/ibm-watson-copy') }));
    bundle.relations[0]!.to = 'model/does-not-exist';
    const before = contentDigest(context.workspace.path);
    const result = await router.call('kb.import', { format: 'bundle', content: JSON.stringify(bundle), fileName: 'bad.json', onConflict: 'keep' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/model\/does-not-exist/);
    expect(contentDigest(context.workspace.path)).toBe(before);
  });

  it('reports entries that exist with other content as a conflict unless told to keep or replace', async () => {
    const { router, context } = server();
    const bundle = JSON.parse(await exportAs(router, 'bundle')) as { entities: { id: string; title: { en: string } }[] };
    bundle.entities.find((e) => e.id === 'case/ibm-watson')!.title.en = 'Watson, as the other team wrote it';
    const content = JSON.stringify(bundle);
    const before = contentDigest(context.workspace.path);
    const conflict = await router.call('kb.import', { format: 'bundle', content, fileName: 'team.json' });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict', details: { conflicts: ['case/ibm-watson'] } } });
    expect(contentDigest(context.workspace.path)).toBe(before);
    await ok(router, 'kb.import', { format: 'bundle', content, fileName: 'team.json', onConflict: 'keep' });
    expect((await ok<{ entity: { title: { en: string } } }>(router, 'kb.get', { id: 'case/ibm-watson' })).entity.title.en).toBe('IBM Watson');
    await ok(router, 'kb.import', { format: 'bundle', content, fileName: 'team.json', onConflict: 'replace' });
    expect((await ok<{ entity: { title: { en: string } } }>(router, 'kb.get', { id: 'case/ibm-watson' })).entity.title.en).toBe('Watson, as the other team wrote it');
  });

  it('shows progress on a long import, refuses other writes meanwhile, and cancels without a partial write', async () => {
    const progress: { done: number; total: number }[] = [];
    let cancelled = false;
    const { router, context } = server({
      onEvent: (event, payload) => {
        if (event !== 'job.progress') return;
        progress.push(payload as { done: number; total: number });
        if (!cancelled && progress.length === 2) {
          cancelled = true;
          void router.call('kb.create', { content: { kind: 'lesson', title: { zh: '', en: 'During import' }, source: 'x' } }).then((r) => busy.push(r));
          void router.call('jobs.cancel', { jobId: 'big-import' });
        }
      },
    });
    const busy: unknown[] = [];
    const before = contentDigest(context.workspace.path);
    const content = printBundle({ sections: [], entities: syntheticEntities(20_000), relations: [] });
    const result = await router.call('kb.import', { format: 'bundle', content, fileName: 'big.json', jobId: 'big-import' });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]!.total).toBeGreaterThan(20_000);
    expect(busy).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'busy' }) })]);
    expect(contentDigest(context.workspace.path)).toBe(before);
    // After the cancel, writes work again and the same import runs to the end.
    const done = await router.call('kb.import', { format: 'bundle', content, fileName: 'big.json' });
    expect(done).toMatchObject({ ok: true, value: { created: 20_000 } });
  });
});
