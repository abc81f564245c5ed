import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contentDigest } from '../helpers/files.ts';
import { useServer, ok } from '../helpers/workspace.ts';


type Entity = { id: string; revision: number; title: { zh: string; en: string }; tags: string[]; origin: string };

const pilot = {
  kind: 'case',
  title: { zh: '客户 X 试点', en: 'Client X pilot' },
  summary: { zh: '按需订阅的推理服务试点。', en: 'A pilot of an inference service sold by subscription.' },
  attrs: { outcome: 'success' },
  lists: { lessons: [{ zh: '先小规模验证', en: 'Validate small first' }] },
  tags: ['client-x', 'pilot'],
  source: 'Workshop 2026-11',
};

describe('changing the knowledge base', () => {
  const server = useServer();

  it('creates an entry with a readable id, finds it by search at once, and records its history', async () => {
    const { router } = server();
    const created = await ok<Entity>(router, 'kb.create', { content: pilot });
    expect(created.id).toBe('case/client-x-pilot');
    expect(created.origin).toBe('user');
    const found = await ok<{ hits: { id: string }[] }>(router, 'kb.search', { query: '试点' });
    expect(found.hits.map((h) => h.id)).toContain(created.id);
    const history = await ok<{ action: string }[]>(router, 'kb.history', { id: created.id });
    expect(history.map((h) => h.action)).toEqual(['create']);
  });

  it('rejects invalid content, naming each field, and writes nothing', async () => {
    const { router, context } = server();
    const before = contentDigest(context.workspace.path);
    const result = await router.call('kb.create', {
      content: { ...pilot, title: { zh: '', en: '' }, attrs: { outcome: 'maybe' }, source: '' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    if (result.ok) return;
    const paths = (result.error.details?.problems ?? []).map((p) => p.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['content.title', 'content.source']));
    const attr = await router.call('kb.create', { content: { ...pilot, attrs: { outcome: 'maybe' } } });
    expect(attr.ok ? '' : attr.error.message).toMatch(/attrs\.outcome: "maybe" is not one of success, failure, example/);
    expect(contentDigest(context.workspace.path)).toBe(before);
  });

  it('edits with optimistic concurrency: a stale revision is a conflict, not a silent overwrite', async () => {
    const { router } = server();
    const created = await ok<Entity>(router, 'kb.create', { content: pilot });
    const edited = await ok<Entity>(router, 'kb.update', {
      id: created.id,
      revision: created.revision,
      content: { ...pilot, title: { ...pilot.title, en: 'Client X pilot (phase 1)' } },
    });
    expect(edited.revision).toBe(created.revision + 1);
    const stale = await router.call('kb.update', { id: created.id, revision: created.revision, content: pilot });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('relates entries only in ways the kinds allow, and shows the relation from both ends', async () => {
    const { router } = server();
    const created = await ok<Entity>(router, 'kb.create', { content: pilot });
    const wrong = await router.call('kb.relations.create', {
      relation: { kind: 'uses-model', from: created.id, to: 'segment/finance', source: 'Workshop' },
    });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/cannot join a case to a market segment/);
    await ok(router, 'kb.relations.create', {
      relation: { kind: 'uses-model', from: created.id, to: 'model/service-subscription', source: 'Workshop' },
    });
    const model = await ok<{ relations: { direction: string; other: { id: string } }[] }>(router, 'kb.get', { id: 'model/service-subscription' });
    expect(model.relations).toContainEqual(expect.objectContaining({ direction: 'incoming', other: expect.objectContaining({ id: created.id }) }));
    // The case is now found by the name of the model it uses.
    const hits = await ok<{ hits: { id: string }[] }>(router, 'kb.search', { query: 'Client X subscription', lang: 'en' });
    expect(hits.hits.map((h) => h.id)).toContain(created.id);
  });

  it('undoes an edit, a deletion with its relations, and a new relation, newest first', async () => {
    const { router } = server();
    const watson = (await ok<{ entity: Entity & Record<string, unknown> }>(router, 'kb.get', { id: 'case/ibm-watson' })).entity;
    const { id, revision, origin: _o, createdAt: _c, updatedAt: _u, ...content } = watson;
    await ok(router, 'kb.update', { id, revision, content: { ...content, title: { zh: '沃森', en: 'Watson (renamed)' } } });
    const relationsBefore = (await ok<{ relations: unknown[] }>(router, 'kb.get', { id })).relations.length;
    await ok(router, 'kb.delete', { id });
    expect(await router.call('kb.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok<{ total: number }>(router, 'kb.search', { query: 'Watson renamed', lang: 'en' })).toMatchObject({ total: 0 });
    expect(await ok<{ next: { action: string } }>(router, 'kb.undoState', {})).toMatchObject({ next: { action: 'delete' } });

    await ok(router, 'kb.undo', {});
    expect(await ok<{ total: number }>(router, 'kb.search', { query: 'Watson renamed', lang: 'en' })).toMatchObject({ total: 1 });
    const back = await ok<{ entity: Entity; relations: unknown[] }>(router, 'kb.get', { id });
    expect(back.entity.title.en).toBe('Watson (renamed)');
    expect(back.relations.length).toBe(relationsBefore);

    await ok(router, 'kb.undo', {});
    expect((await ok<{ entity: Entity }>(router, 'kb.get', { id })).entity.title.en).toBe('IBM Watson');
    const history = await ok<{ action: string }[]>(router, 'kb.history', { id });
    expect(history.map((h) => h.action)).toEqual(['restore', 'restore', 'delete', 'update', 'import']);
  });

  it('restores an earlier revision as a new one', async () => {
    const { router } = server();
    const k80 = (await ok<{ entity: Entity & Record<string, unknown> }>(router, 'kb.get', { id: 'case/nvidia-tesla-k80' })).entity;
    const { id, revision, origin: _o, createdAt: _c, updatedAt: _u, ...content } = k80;
    await ok(router, 'kb.update', { id, revision, content: { ...content, tags: ['gpu', 'retired'] } });
    const restored = await ok<Entity>(router, 'kb.restore', { id, revision });
    expect(restored.tags).toEqual(k80.tags);
    expect(restored.revision).toBe(revision + 2);
  });

  it('never revives a default entry deleted through the API when the defaults load again', async () => {
    const first = server();
    const file = first.context.workspace.path;
    await ok(first.router, 'kb.delete', { id: 'case/nvidia-tesla-k80' });
    first.close();
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = 'older' WHERE key = 'seed_version'").run();
    db.prepare("UPDATE seed_state SET hash = 'older'").run();
    db.close();
    const reopened = server({ dbPath: file });
    expect(reopened.context.workspace.seedReport?.skipped).toBe(false);
    expect((await reopened.router.call('kb.get', { id: 'case/nvidia-tesla-k80' })).ok).toBe(false);
  });
});
