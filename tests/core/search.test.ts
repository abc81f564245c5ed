import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../core/search/snippet.ts';
import { parseQuery, toFtsQuery, toIndexText } from '../../core/search/cjk.ts';

describe('the search index text', () => {
  it('writes Chinese runs as overlapping pairs plus the last character', () => {
    expect(toIndexText('数据服务').trim().split(/\s+/)).toEqual(['数据', '据服', '服务', '务']);
  });

  it('separates Chinese from Latin and folds case and full-width letters', () => {
    expect(toIndexText('ＡＩ平台 TensorFlow').trim().split(/\s+/)).toEqual(['ai', '平台', '台', 'tensorflow']);
  });
});

describe('query parsing', () => {
  it('turns a two-character word into one pair', () => {
    expect(toFtsQuery(parseQuery('广告'))).toBe('"广告"');
  });

  it('turns a longer phrase into the phrase of its pairs', () => {
    expect(toFtsQuery(parseQuery('数据服务'))).toBe('"数据 据服 服务"');
  });

  it('turns a single character into a prefix query', () => {
    expect(toFtsQuery(parseQuery('云'))).toBe('"云"*');
  });

  it('searches English words as prefixes and ANDs every term, mixed or not', () => {
    expect(toFtsQuery(parseQuery('AI 平台'))).toBe('"ai"* AND "平台"');
    expect(toFtsQuery(parseQuery('AI平台'))).toBe('"ai"* AND "平台"');
    expect(toFtsQuery(parseQuery('GPT-3 "quoted"'))).toBe('"gpt"* AND "3"* AND "quoted"*');
  });

  it('has nothing to search in punctuation', () => {
    expect(parseQuery(' ,.;!? ')).toEqual([]);
  });
});

describe('snippets', () => {
  it('mark every match in the original text', () => {
    const snippet = makeSnippet(['通过广告收益，谷歌扩大了影响力'], parseQuery('广告'));
    expect(snippet?.text).toBe('通过广告收益，谷歌扩大了影响力');
    expect(snippet?.highlights).toEqual([[2, 4]]);
  });

  it('match English words at their start only', () => {
    const snippet = makeSnippet(['Metadata and data services'], parseQuery('data'));
    expect(snippet?.highlights).toEqual([[13, 17]]);
  });

  it('pick the candidate text with the most matches and trim long text around the first match', () => {
    const long = `${'x '.repeat(100)}cloud platform for AI ${'y '.repeat(100)}`;
    const snippet = makeSnippet(['AI', long], parseQuery('AI platform'));
    expect(snippet?.text.startsWith('…')).toBe(true);
    expect(snippet?.text.endsWith('…')).toBe(true);
    const marked = snippet!.highlights.map(([s, e]) => snippet!.text.slice(s, e));
    expect(marked).toEqual(['platform', 'AI']);
  });
});
