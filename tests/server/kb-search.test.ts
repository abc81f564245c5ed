import { beforeEach, describe, expect, it } from 'vitest';
import type { Server } from '../../electron/server/server.ts';
import { useServer } from '../helpers/workspace.ts';

type SearchResult = { total: number; hits: { id: string; kind: string; title: string; snippet: string }[] };

describe('searching the default knowledge base', () => {
  const server = useServer();
  let s: Server;
  beforeEach(() => {
    s = server();
  });
  async function search(query: string, lang: 'zh' | 'en' = 'zh', limit = 50): Promise<SearchResult> {
    const result = await s.router.call('kb.search', { query, lang, limit });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as SearchResult;
  }

  it('finds the advertising model and the cases that use it for 广告 (a two-character word)', async () => {
    const { hits } = await search('广告');
    const ids = hits.map((h) => h.id);
    expect(ids).toContain('model/advertising-and-data-services');
    for (const id of ['case/google-tensorflow', 'case/amazon-aws']) expect(ids).toContain(id);
    expect(hits.find((h) => h.id === 'case/google-tensorflow')?.snippet).toContain('广告');
  });

  it('ranks the entry titled with the query first', async () => {
    const { hits } = await search('订阅');
    expect(hits[0]?.title).toMatch(/订阅/);
    expect(hits.map((h) => h.id)).toContain('model/service-subscription');
  });

  it('finds Watson in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { hits } = await search('Watson', lang);
      expect(hits[0]?.id).toBe('case/ibm-watson');
    }
  });

  it('finds the failure cases for 失败 and for "failure"', async () => {
    for (const query of ['失败', 'failure']) {
      const ids = (await search(query)).hits.map((h) => h.id);
      expect(ids).toContain('case/ibm-watson');
      expect(ids).toContain('case/nvidia-tesla-k80');
    }
  });

  it('matches English words by prefix: "data" finds data services and data management', async () => {
    const { hits, total } = await search('data', 'en');
    expect(total).toBeGreaterThan(5);
    expect(hits.map((h) => h.id)).toContain('model/advertising-and-data-services');
    expect(hits.some((h) => /data/i.test(h.snippet) || /data/i.test(h.title))).toBe(true);
    const prefix = await search('subscri', 'en');
    expect(prefix.hits.map((h) => h.id)).toContain('model/service-subscription');
  });

  it('combines Chinese and English in one query (AI 平台), every term required', async () => {
    const { hits } = await search('AI 平台');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits.slice(0, 5)) expect(hit.snippet + hit.title).toMatch(/AI|平台/i);
    const appStore = await search('AI 应用商店');
    expect(appStore.hits[0]?.id).toMatch(/app-store/);
  });

  it('finds a single Chinese character, wherever it stands in a word', async () => {
    const ids = (await search('云', 'zh', 200)).hits.map((h) => h.id);
    expect(ids).toContain('case/amazon-aws'); // 云计算: first character of a run
    const last = (await search('务', 'zh', 200)).hits.map((h) => h.id);
    expect(last).toContain('model/service-subscription'); // 服务: last character of a run
  });

  it('finds nothing for a phrase whose characters do not stand together', async () => {
    expect((await search('告广')).total).toBe(0);
  });

  it('answers punctuation-only queries with no hits instead of an error', async () => {
    const result = await s.router.call('kb.search', { query: '"*:()' });
    expect(result).toMatchObject({ ok: true, value: { total: 0 } });
  });
});

describe('the library list', () => {
  const server = useServer();

  it('filters by facets and counts what each further choice would give', async () => {
    const { router } = server();
    const facets = await router.call('kb.facets', { filters: { kinds: ['case'] } });
    if (!facets.ok) throw new Error(facets.error.message);
    const value = facets.value as { outcomes: { value: string; count: number }[]; kinds: { value: string; count: number }[] };
    expect(value.outcomes.find((o) => o.value === 'failure')?.count).toBe(2);
    // The kind facet ignores its own filter, so other kinds still show their counts.
    expect(value.kinds.find((k) => k.value === 'model')?.count).toBeGreaterThan(10);

    const failures = await router.call('kb.query', { filters: { kinds: ['case'], outcomes: ['failure'] }, sort: 'title', lang: 'en' });
    expect(failures).toMatchObject({ ok: true, value: { total: 2 } });
  });

  it('filters cases by the business model they use', async () => {
    const { router } = server();
    const result = await router.call('kb.query', { filters: { models: ['model/advertising-and-data-services'] }, sort: 'title', lang: 'en' });
    if (!result.ok) throw new Error(result.error.message);
    const ids = (result.value as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).toContain('case/google-tensorflow');
    expect(ids).not.toContain('case/ibm-watson');
  });

  it('filters by source section, including subsections', async () => {
    const { router } = server();
    const result = await router.call('kb.query', { filters: { sections: ['§5.2'] }, sort: 'source', lang: 'en' });
    if (!result.ok) throw new Error(result.error.message);
    const items = (result.value as { items: { source: string }[] }).items;
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(item.source.startsWith('§5.2')).toBe(true);
  });

  it('marks the matched text in titles and snippets', async () => {
    const { router } = server();
    const result = await router.call('kb.query', { text: '广告', lang: 'zh', sort: 'relevance' });
    if (!result.ok) throw new Error(result.error.message);
    const hits = (result.value as { items: { snippet?: { text: string; highlights: [number, number][] } }[] }).items;
    const marked = hits.flatMap((h) => (h.snippet ? h.snippet.highlights.map(([s, e]) => h.snippet!.text.slice(s, e)) : []));
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['广告']));
  });
});
