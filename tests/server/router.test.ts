import { describe, expect, it } from 'vitest';
import { api } from '../../core/api.ts';
import { useServer } from '../helpers/workspace.ts';

describe('router', () => {
  const server = useServer();

  it('answers a known method with {ok: true, value} that matches the contract', async () => {
    const { router } = server();
    const result = await router.call('kb.stats', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(api['kb.stats'].output.safeParse(result.value).success).toBe(true);
  });

  it('names an unknown method and lists the known ones', async () => {
    const { router } = server();
    const result = await router.call('kb.drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    if (result.ok) return;
    expect(result.error.message).toContain('"kb.drop"');
    expect(result.error.message).toContain('kb.stats');
  });

  it('names the field that is wrong in invalid arguments', async () => {
    const { router } = server();
    const result = await router.call('kb.get', { id: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/kb\.get.*id/);
    expect(result.error.details?.problems?.[0]?.path).toEqual(['id']);
  });

  it('refuses unexpected keys rather than ignoring them', async () => {
    const { router } = server();
    const result = await router.call('kb.list', { kind: 'case', dropTable: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('reports a missing entity as not_found with its id', async () => {
    const { router } = server();
    const result = await router.call('kb.get', { id: 'case/does-not-exist' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (result.ok) return;
    expect(result.error.message).toContain('case/does-not-exist');
  });
});
