import { describe, expect, it } from 'vitest';
import { evaluate } from '../../core/decision/index.ts';
import { contentDigest } from '../helpers/files.ts';
import { useServer, ok } from '../helpers/workspace.ts';


type Problem = { alternatives: { id: string; entity?: string }[]; criteria: { id: string; name?: string }[]; evidence: { alternative?: string; criterion: string; entity: string }[]; matrix: number[][] };

describe('decisions in the workspace', () => {
  const server = useServer();

  it('include the worked example: the book’s five models against six criteria, every score citing the book', async () => {
    const { router } = server();
    const { problem } = await ok<{ problem: Problem }>(router, 'decisions.get', { id: 'profit-model-for-infrastructure' });
    expect(problem.alternatives.map((a) => a.entity)).toEqual([
      'model/product-sales',
      'model/service-subscription',
      'model/advertising-and-data-services',
      'model/education-and-training',
      'model/partnerships',
    ]);
    expect(problem.criteria.map((c) => c.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Recurring revenue/), expect.stringMatching(/Data-privacy/)]));
    for (const a of problem.alternatives)
      for (const c of problem.criteria)
        expect(problem.evidence.some((e) => e.alternative === a.id && e.criterion === c.id), `${a.id} × ${c.id} cites nothing`).toBe(true);
    for (const e of problem.evidence) expect((await router.call('kb.get', { id: e.entity })).ok, `${e.entity} exists`).toBe(true);
    expect(evaluate(problem).ranking).toHaveLength(5);
  });

  it('refuse a problem the engine would reject, naming the cell, and store nothing', async () => {
    const { router, context } = server();
    const before = contentDigest(context.workspace.path);
    const result = await router.call('decisions.create', {
      problem: { alternatives: [{ id: 'a' }, { id: 'b' }], criteria: [{ id: 'x', type: 'benefit' }], matrix: [[1], [2, 3]], method: 'wsm' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/matrix\[1\]/);
    expect(contentDigest(context.workspace.path)).toBe(before);
  });

  it('save with the revision they were opened at; a stale one is a conflict', async () => {
    const { router } = server();
    const { id } = await ok<{ id: string }>(router, 'decisions.create', {
      problem: { title: 'Pick a partner', alternatives: [{ id: 'a' }, { id: 'b' }], criteria: [{ id: 'x', type: 'benefit' }], matrix: [[1], [2]], method: 'wsm' },
    });
    expect(id).toBe('pick-a-partner');
    const first = await ok<{ revision: number }>(router, 'decisions.save', {
      id,
      revision: 1,
      problem: { title: 'Pick a partner', alternatives: [{ id: 'a' }, { id: 'b' }], criteria: [{ id: 'x', type: 'benefit' }], matrix: [[3], [2]], method: 'wsm' },
    });
    expect(first.revision).toBe(2);
    const stale = await router.call('decisions.save', { id, revision: 1, problem: { title: 'x', alternatives: [{ id: 'a' }], criteria: [{ id: 'x', type: 'benefit' }], matrix: [[1]], method: 'wsm' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
