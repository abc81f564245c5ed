import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { deleteNodes } from '../../core/graph/actions.ts';
import { mapGeometry } from '../../core/graph/geometry.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import { MAX_STEP_IDS, PresentationDocument } from '../../core/present/model.ts';
import type { SessionView } from '../../core/api.ts';
import type { Router } from '../../electron/server/router.ts';
import { insertPresentation, savePresentation } from '../../electron/server/store/presentations.ts';
import { ok, useServer, useTempDir } from '../helpers/workspace.ts';

const MAP = 'infrastructure-concept-map';
const getMap = (router: Router) => ok<{ revision: number; document: MapDocument }>(router, 'maps.get', { id: MAP });
const getPresentation = (router: Router, id: string) => ok<{ revision: number; document: PresentationDocument }>(router, 'presentations.get', { id });
const getSession = (router: Router, id: string) => ok<SessionView>(router, 'sessions.get', { id });
const conceptId = (doc: MapDocument, label: string) => doc.concepts.find((c) => c.label === label)?.id ?? '';

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const noPoppler = !hasTool('pdftotext') || !hasTool('pdfimages');

/** A three-step presentation of the seed map with a detour on the second step. */
async function authored(router: Router) {
  const { document: map } = await getMap(router);
  const gpu = conceptId(map, '图形处理器(GPU)');
  const others = map.concepts.filter((c) => c.id !== gpu).map((c) => c.id);
  const { id, revision } = await ok<{ id: string; revision: number }>(router, 'presentations.create', { mapId: MAP, title: 'Infrastructure walk' });
  const document: PresentationDocument = {
    title: 'Infrastructure walk',
    settings: { theme: 'dark', minLabelPx: 18, transitionMs: 0 },
    steps: [
      { id: 's1', title: 'GPU', camera: null, reveal: [gpu], highlight: [gpu], notes: 'Start with the chip.', detours: [] },
      {
        id: 's2',
        title: 'Around it',
        camera: null,
        reveal: [gpu, ...others.slice(0, 3)],
        highlight: [],
        notes: '',
        detours: [{ id: 'd1', label: 'Why memory?', steps: [{ id: 'd1a', title: 'Memory', camera: { x: 0, y: 0, width: 400, height: 300 }, reveal: null, highlight: [], notes: '' }] }],
      },
      { id: 's3', title: 'Everything', camera: null, reveal: null, highlight: [], notes: '', detours: [] },
    ],
  };
  const saved = await ok<{ revision: number; pruned: unknown[] }>(router, 'presentations.save', { id, revision, document });
  return { id, revision: saved.revision, gpu, map };
}

describe('presentations', () => {
  const server = useServer();

  it('are saved with their detours and refuse a stale save', async () => {
    const { router } = server();
    const { id, revision } = await authored(router);
    const { document } = await getPresentation(router, id);
    expect(document.steps.map((s) => s.title)).toEqual(['GPU', 'Around it', 'Everything']);
    expect(document.steps[1]?.detours[0]?.label).toBe('Why memory?');
    const stale = await router.call('presentations.save', { id, revision: revision - 1, document });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok(router, 'presentations.list', { mapId: MAP })).toEqual([expect.objectContaining({ id, steps: 3, detours: 1 })]);
  });

  it('can be generated to reveal the map concept by concept', async () => {
    const { router } = server();
    const { id } = await ok<{ id: string }>(router, 'presentations.create', { mapId: MAP, title: '逐个概念', from: 'reveal' });
    const { document } = await getPresentation(router, id);
    const { document: map } = await getMap(router);
    expect(document.steps).toHaveLength(map.concepts.length + 1);
    const sizes = document.steps.slice(0, -1).map((s) => s.reveal?.filter((r) => map.concepts.some((c) => c.id === r)).length);
    expect(sizes).toEqual(map.concepts.map((_, i) => i + 1));
  });

  it('are generated for a map too large for one step to list, and the map still lists its presentations', async () => {
    const { router } = server();
    // A chain of 11,000 concepts: with its phrases, 21,999 ids, more than one step may list.
    const n = 11_000;
    const concepts = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Concept ${i}` }));
    const phrases = Array.from({ length: n - 1 }, (_, i) => ({ id: `p${i}`, label: '', from: [`c${i}`], to: [`c${i + 1}`] }));
    const { id: mapId } = await ok<{ id: string }>(router, 'maps.create', { title: 'Big', document: { title: 'Big', concepts, phrases } });
    const { id } = await ok<{ id: string }>(router, 'presentations.create', { mapId, title: 'Walk', from: 'reveal' });
    expect(await ok(router, 'presentations.list', { mapId })).toEqual([expect.objectContaining({ id })]);
    const { document } = await getPresentation(router, id);
    for (const step of document.steps) expect(step.reveal?.length ?? 0).toBeLessThanOrEqual(MAX_STEP_IDS);
    const last = document.steps.at(-1);
    expect(last).toMatchObject({ reveal: null, notes: expect.stringMatching(/shows the rest of the map at once/) as string });
    // Down the chain, in order: the first step shows the chain's head.
    expect(document.steps[0]?.highlight[0]).toBe('c0');
  });

  it('are refused with a clear message when a document breaks a limit, and never stored', async () => {
    const { router, context } = server();
    const { document: map } = await getMap(router);
    const tooMany = Array.from({ length: MAX_STEP_IDS + 1 }, (_, i) => map.concepts[i % map.concepts.length]?.id ?? '');
    const doc: PresentationDocument = {
      title: 'Too big',
      settings: { theme: 'dark', minLabelPx: 18, transitionMs: 700 },
      steps: [{ id: 's1', title: '', camera: null, reveal: tooMany, highlight: [], notes: '', detours: [] }],
    };
    expect(() => insertPresentation(context.workspace.db, MAP, doc)).toThrow(
      expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/too large to save .*reveal fewer concepts/i) as string }),
    );
    expect(await ok(router, 'presentations.list', { mapId: MAP })).toEqual([]);
    const { id } = await authored(router);
    expect(() => savePresentation(context.workspace.db, id, 'current', doc)).toThrow(expect.objectContaining({ code: 'too_large' }));
    expect(await ok(router, 'presentations.list', { mapId: MAP })).toEqual([expect.objectContaining({ id, steps: 3 })]);
  });

  it('lose a deleted concept from the steps that used it, and the map save says so', async () => {
    const { router } = server();
    const { id, gpu } = await authored(router);
    const { revision, document } = await getMap(router);
    const saved = await ok<{ pruned: { title: string; steps: { stepTitle: string; removed: string[] }[] }[] }>(router, 'maps.save', {
      id: MAP,
      revision,
      document: deleteNodes(document, [gpu]),
    });
    expect(saved.pruned).toEqual([
      { presentation: id, title: 'Infrastructure walk', steps: expect.arrayContaining([{ stepTitle: 'GPU', removed: ['图形处理器(GPU)'] }]) as unknown },
    ]);
    const after = await getPresentation(router, id);
    expect(after.document.steps[0]).toMatchObject({ reveal: [], highlight: [] });
    expect(after.document.steps[1]?.reveal).not.toContain(gpu);
  });

  it('go when their map is deleted', async () => {
    const { router } = server();
    const { id } = await authored(router);
    await ok(router, 'maps.delete', { id: MAP });
    expect(await router.call('presentations.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('presenting sessions', () => {
  const server = useServer();
  const tempDir = useTempDir();

  it('move every view together and tell them so', async () => {
    const changes: string[] = [];
    const { router } = server({ onEvent: (event, payload) => event === 'data.changed' && changes.push((payload as { scope: string }).scope) });
    const { id: presentationId } = await authored(router);
    const { id } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    expect((await getSession(router, id)).state.position).toEqual({ step: 0, detour: null });
    changes.length = 0;
    await ok(router, 'sessions.show', { id, position: { step: 1, detour: { id: 'd1', step: 0 } }, black: true });
    expect(changes).toEqual(['sessions']);
    expect((await getSession(router, id)).state).toMatchObject({ position: { step: 1, detour: { id: 'd1', step: 0 } }, black: true });
    await ok(router, 'sessions.show', { id, position: { step: 9, detour: null } });
    expect((await getSession(router, id)).state.position).toEqual({ step: 2, detour: null });
  });

  it('follow a presentation saved while presenting, and do not read it again on every key press', async () => {
    const { router } = server();
    const { id: presentationId } = await authored(router);
    const { id } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    await ok(router, 'sessions.show', { id, position: { step: 2, detour: null } });
    const parse = vi.spyOn(PresentationDocument, 'parse');
    try {
      for (const step of [1, 2, 0, 2]) {
        await ok(router, 'sessions.show', { id, position: { step, detour: null } });
        await getSession(router, id);
      }
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    const current = await getPresentation(router, presentationId);
    const shorter = { ...current.document, steps: current.document.steps.slice(0, 2) };
    await ok(router, 'presentations.save', { id: presentationId, revision: current.revision, document: shorter });
    expect((await getSession(router, id)).state.position).toEqual({ step: 1, detour: null });
    await ok(router, 'sessions.show', { id, position: { step: 5, detour: null } });
    expect((await getSession(router, id)).state.position).toEqual({ step: 1, detour: null });
  });

  it('add to the map live without moving what is there, and report it with votes and parked ideas', async () => {
    const { router } = server();
    const { id: presentationId, gpu, map: before } = await authored(router);
    const { id } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    const added = await ok<{ concept: string; phrase: string }>(router, 'sessions.addConcept', { id, label: '液冷', near: gpu, phrase: '需要' });
    const { document: after } = await getMap(router);
    for (const [nodeId, position] of Object.entries(before.layout)) expect(after.layout[nodeId]).toEqual(position);
    expect(mapGeometry(after).byId.get(added.concept)).toBeDefined();
    expect((await getSession(router, id)).baselineIds).not.toContain(added.concept);

    const ana = await ok<{ participant: string }>(router, 'sessions.addParticipant', { id, name: 'Ana', budget: 2 });
    const bo = await ok<{ participant: string }>(router, 'sessions.addParticipant', { id, name: 'Bo' });
    await ok(router, 'sessions.vote', { id, participant: ana.participant, concept: added.concept });
    await ok(router, 'sessions.vote', { id, participant: ana.participant, concept: added.concept });
    await ok(router, 'sessions.vote', { id, participant: bo.participant, concept: gpu });
    expect(await router.call('sessions.vote', { id, participant: ana.participant, concept: gpu })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Ana has used all 2 dots/) as string },
    });
    await ok(router, 'sessions.park', { id, text: 'Ask finance about power costs' });
    await ok(router, 'sessions.end', { id });

    const md = (await ok<{ content: string }>(router, 'sessions.report', { id, format: 'markdown', lang: 'en' })).content;
    expect(md).toContain('## Propositions added'.replace('##', '###'));
    expect(md).toContain('- 图形处理器(GPU) — 需要 → 液冷');
    expect(md).toMatch(/- 液冷: 2 dots \(Ana 2\)\n- 图形处理器\(GPU\): 1 dot \(Bo 1\)/);
    expect(md).toContain('- Ask finance about power costs');
    expect(md).toContain('### Step 2 · Why memory? 1: Memory');
    const zh = (await ok<{ content: string }>(router, 'sessions.report', { id, format: 'markdown', lang: 'zh' })).content;
    expect(zh).toContain('### 新增命题');
    expect(zh).toContain('液冷: 2 票');

    expect(await router.call('sessions.park', { id, text: 'late idea' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('survive closing and reopening the workspace', async () => {
    const dbPath = path.join(tempDir(), 'kept.swb');
    const first = server({ dbPath });
    const { id: presentationId, gpu } = await authored(first.router);
    const { id } = await ok<{ id: string }>(first.router, 'sessions.start', { presentationId });
    const voter = await ok<{ participant: string }>(first.router, 'sessions.addParticipant', { id, name: 'Ana' });
    await ok(first.router, 'sessions.vote', { id, participant: voter.participant, concept: gpu });
    await ok(first.router, 'sessions.show', { id, position: { step: 2, detour: null } });
    first.close();

    const { router } = server({ dbPath });
    expect((await getPresentation(router, presentationId)).document.steps).toHaveLength(3);
    const session = await getSession(router, id);
    expect(session.state.votes).toEqual({ [gpu]: { [voter.participant]: 1 } });
    expect(session.state.position.step).toBe(2);
    expect(await ok(router, 'sessions.list', { presentationId })).toEqual([expect.objectContaining({ id, votes: 1, participants: 1 })]);
  });

  it('report a PDF handout’s progress through writing the PDF, and stop it there when cancelled', async () => {
    const progress: { done: number; total: number }[] = [];
    let cancel = (): void => undefined;
    const { router, context } = server({
      onEvent: (event, payload) => {
        if (event !== 'job.progress') return;
        const p = payload as { done: number; total: number };
        progress.push(p);
        if (p.done > 4 && p.done < p.total) cancel(); // past the four pictures: writing the PDF
      },
    });
    const { id: presentationId } = await authored(router);
    const { id } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    // Every progress report gets through (they are otherwise at most ten a second).
    let clock = 0;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000));
    try {
      const done = await ok<{ encoding: string }>(router, 'sessions.report', { id, format: 'pdf', lang: 'en', jobId: 'handout-1' });
      expect(done.encoding).toBe('base64');
      const total = progress.at(-1)?.total ?? 0;
      expect(progress.filter((p) => p.done > 4 && p.done < total).length).toBeGreaterThan(3);
      expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));

      progress.length = 0;
      cancel = () => context.jobs.cancel('handout-2');
      const cancelled = await router.call('sessions.report', { id, format: 'pdf', lang: 'en', jobId: 'handout-2' });
      expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(progress.some((p) => p.done === p.total)).toBe(false);
    } finally {
      now.mockRestore();
    }
  });

  it.skipIf(noPoppler)(`export a PDF handout with real text and one picture per step ${noPoppler ? '(skipped: poppler-utils is not installed)' : ''}`, async () => {
    const { router } = server();
    const { id: presentationId, gpu } = await authored(router);
    const { id } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    await ok(router, 'sessions.addConcept', { id, label: 'Liquid cooling', near: gpu, phrase: 'needs' });
    const pdf = await ok<{ content: string; encoding: string; fileName: string }>(router, 'sessions.report', { id, format: 'pdf', lang: 'zh' });
    expect(pdf).toMatchObject({ encoding: 'base64', fileName: expect.stringMatching(/\.pdf$/) as string });
    const file = path.join(tempDir(), 'handout.pdf');
    writeFileSync(file, Buffer.from(pdf.content, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('研讨会报告');
    expect(text).toContain('图形处理器(GPU)—needs→Liquidcooling');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.filter((line) => /\bimage\b/.test(line))).toHaveLength(4); // three steps and the detour's one
  });
});
