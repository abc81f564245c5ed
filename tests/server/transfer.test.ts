import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TransferConflict } from '../../core/api.ts';
import { deleteNodes } from '../../core/graph/actions.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import type { Entity } from '../../core/model/entity.ts';
import type { Router } from '../../electron/server/router.ts';
import { contentDigest } from '../helpers/files.ts';
import { ok, useServer, useTempDir } from '../helpers/workspace.ts';

const SEED_MAP = 'infrastructure-concept-map';

async function editSummary(router: Router, id: string, en: string): Promise<void> {
  const { entity } = await ok<{ entity: Entity }>(router, 'kb.get', { id });
  const { id: _id, origin: _o, revision, createdAt: _c, updatedAt: _u, ...content } = entity;
  await ok(router, 'kb.update', { id, revision, content: { ...content, summary: { ...content.summary, en } } });
}

describe('moving knowledge between workspaces', () => {
  const server = useServer();
  const tempDir = useTempDir();

  it('carries entries, maps and decisions over, shows what is edited on both sides, and applies each choice in one go', async () => {
    const dir = tempDir();
    const from = server({ dbPath: path.join(dir, 'client-a.swb') }).router;
    const into = server({ dbPath: path.join(dir, 'client-b.swb') });

    await editSummary(from, 'case/ibm-watson', 'Edited in workspace A.');
    const created = await ok<{ id: string }>(from, 'maps.create', { title: 'Pricing workshop' });
    await ok(from, 'presentations.create', { mapId: SEED_MAP, title: 'Walkthrough', from: 'reveal' });
    const { revision, document } = await ok<{ revision: number; document: MapDocument }>(into.router, 'maps.get', { id: SEED_MAP });
    await ok(into.router, 'maps.save', { id: SEED_MAP, revision, document: deleteNodes(document, [document.concepts[0]?.id ?? '']) });

    const bundle = await ok<{ content: string; entities: number; maps: number; decisions: number }>(from, 'transfer.export', {
      kinds: ['case'],
      maps: [SEED_MAP, created.id],
      decisions: ['profit-model-for-infrastructure'],
    });
    expect(bundle).toMatchObject({ maps: 2, decisions: 1 });
    expect(bundle.entities).toBeGreaterThan(10);

    const preview = await ok<{ entities: { new: number; same: number }; maps: { new: number }; decisions: { same: number }; conflicts: TransferConflict[] }>(
      into.router,
      'transfer.preview',
      { content: bundle.content, fileName: 'a.json' },
    );
    expect(preview.conflicts.map((c) => c.key).sort()).toEqual(['entity:case/ibm-watson', `map:${SEED_MAP}`]);
    expect(preview).toMatchObject({ entities: { new: 0, same: bundle.entities - 1 }, maps: { new: 1 }, decisions: { same: 1 } });

    const before = contentDigest(into.context.workspace.path);
    const unresolved = await into.router.call('transfer.import', { content: bundle.content, fileName: 'a.json' });
    expect(unresolved).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/2 items exist here with other content/) as string } });
    expect(contentDigest(into.context.workspace.path)).toBe(before);

    const report = await ok<{ entities: { replaced: number }; maps: { created: number; copied: number } }>(into.router, 'transfer.import', {
      content: bundle.content,
      fileName: 'a.json',
      resolutions: { 'entity:case/ibm-watson': 'replace', [`map:${SEED_MAP}`]: 'copy' },
    });
    expect(report).toMatchObject({ entities: { replaced: 1 }, maps: { created: 1, copied: 1 } });
    expect((await ok<{ entity: Entity }>(into.router, 'kb.get', { id: 'case/ibm-watson' })).entity.summary.en).toBe('Edited in workspace A.');
    const maps = await ok<{ id: string; concepts: number }[]>(into.router, 'maps.list', {});
    expect(maps.find((m) => m.id === SEED_MAP)?.concepts).toBe(16); // this workspace's edit kept
    expect(maps.filter((m) => m.id.startsWith(`${SEED_MAP}-`)).map((m) => m.concepts)).toEqual([17]); // the bundle's alongside
    const presentations = await ok<{ mapId: string }[]>(into.router, 'presentations.list', {});
    expect(presentations.map((p) => p.mapId)).toEqual([expect.stringMatching(new RegExp(`^${SEED_MAP}-`)) as string]);
  });

  it("replacing a map prunes its removed concepts from this workspace's presentations of it, as a map save does", async () => {
    const dir = tempDir();
    const from = server({ dbPath: path.join(dir, 'client-a.swb') }).router;
    const into = server({ dbPath: path.join(dir, 'client-b.swb') }).router;
    const { revision, document } = await ok<{ revision: number; document: MapDocument }>(from, 'maps.get', { id: SEED_MAP });
    const removed = document.concepts[0]?.id ?? '';
    await ok(from, 'maps.save', { id: SEED_MAP, revision, document: deleteNodes(document, [removed]) });
    const { id } = await ok<{ id: string }>(into, 'presentations.create', { mapId: SEED_MAP, title: 'Walkthrough', from: 'reveal' });
    const mentions = async () => JSON.stringify((await ok<{ document: unknown }>(into, 'presentations.get', { id })).document).includes(`"${removed}"`);
    expect(await mentions()).toBe(true);

    const bundle = await ok<{ content: string }>(from, 'transfer.export', { kinds: [], maps: [SEED_MAP], decisions: [] });
    await ok(into, 'transfer.import', { content: bundle.content, fileName: 'a.json', resolutions: { [`map:${SEED_MAP}`]: 'replace' } });
    expect(await mentions()).toBe(false);
  });

  it('refuses a malformed bundle with where it is wrong, writing nothing', async () => {
    const { router, context } = server();
    const before = contentDigest(context.workspace.path);
    const broken = '{\n  "format": "strategy-workbench.transfer",\n  "version": 1,\n  "maps": [\n    { "id": "x", "document": { "title": 5 } }\n  ]\n}\n';
    const result = await router.call('transfer.import', { content: broken, fileName: 'broken.json' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_file', details: { problems: expect.arrayContaining([expect.objectContaining({ line: 5 })]) as unknown } } });
    expect(contentDigest(context.workspace.path)).toBe(before);
  });
});
