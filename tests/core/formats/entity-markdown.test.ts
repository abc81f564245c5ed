import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntityMarkdown, printEntityMarkdown } from '../../../core/formats/entity-markdown.ts';
import { LIMITS } from '../../../core/formats/limits.ts';
import type { Entity, EntityContent, RelationContent } from '../../../core/model/entity.ts';
import { KINDS } from '../../../core/model/kinds.ts';
import { anyKind, appError, comparable, contentOf, entity, knowledgeBase, lineOf, loadSeed, problemsOf, trimmedText } from './support.ts';

const seed = loadSeed();

const outgoing = (e: { id: string }, relations: RelationContent[]): RelationContent[] =>
  relations
    .filter((r) => r.from === e.id)
    .map(({ kind, from, to, note, source }) => ({ kind, from, to, note, source }))
    .sort((a, b) => `${a.kind} ${a.to}`.localeCompare(`${b.kind} ${b.to}`));

/** The content Markdown promises to keep: summaries and list items are trimmed. */
function expected(content: EntityContent): EntityContent {
  const c = comparable(content);
  const lists = Object.fromEntries(
    Object.entries(c.lists)
      .map(([k, items]) => [k, items.map((i) => ({ zh: i.zh.trim(), en: i.en.trim() })).filter((i) => i.zh !== '' || i.en !== '')] as const)
      .filter(([, items]) => items.length > 0),
  );
  return { ...c, summary: { zh: c.summary.zh.trim(), en: c.summary.en.trim() }, lists };
}

function roundTrip(e: Entity, relations: RelationContent[]) {
  const parsed = parseEntityMarkdown(printEntityMarkdown(e, relations), `${e.id}.md`);
  expect(parsed.entity.id).toBe(e.id);
  expect(comparable(contentOf(parsed.entity))).toEqual(expected(contentOf(e)));
  expect(parsed.relations).toEqual(outgoing(e, relations));
}

/** A case written by hand the way a person would, English first. */
const HANDWRITTEN = `---
id: case/acme
kind: case
source: interview, 2025
title: { zh: 艾克米, en: Acme }
attrs: { outcome: failure }
texts:
  product: { en: Rockets }
tags: [hardware, b2b]
relations:
  - { kind: uses-model, to: model/product-sales, source: §4.1.1 }
  - kind: run-by
    to: organisation/acme-corp
    source: interview
    note: { en: The parent company }
---

# Acme

## English

Acme sold rockets to *coyotes*.

It did not last.

### Success factors / causes of failure

* Products blew up
* Customers never came back
  after the first purchase

### Lessons

- Test before shipping

## 中文

艾克米向郊狼出售火箭。

### 成功因素 / 失败原因

- 产品爆炸
- 客户不再回头
`;

describe('the Markdown of one entity', () => {
  it('round-trips every seed entity with its relations', () => {
    for (const e of seed.entities) roundTrip(e, seed.relations);
  });

  it('round-trips generated entities whose text is full of Markdown syntax', () => {
    fc.assert(
      fc.property(knowledgeBase({ text: trimmedText() }), ({ entities, relations }) => {
        for (const e of entities) roundTrip(e, relations);
      }),
      { numRuns: 300 },
    );
    // 300 generated knowledge bases take ~1.5 s alone, several times that on a busy 2-core machine.
  }, 30_000);

  it('round-trips untrimmed text up to surrounding whitespace', () => {
    fc.assert(
      fc.property(anyKind.chain((kind) => entity(kind)), (e) => roundTrip(e, [])),
      { numRuns: 300 },
    );
  });

  it('reads as a document: title, English then Chinese, list labels of the kind, bullets', () => {
    const tensorflow = seed.entities.find((e) => e.id === 'case/google-tensorflow') as Entity;
    const text = printEntityMarkdown(tensorflow, seed.relations);
    const body = text.slice(text.indexOf('\n---\n') + 5);
    const headings = body.split('\n').filter((l) => l.startsWith('#'));
    const factors = KINDS.case.lists[0]?.label;
    const practices = KINDS.case.lists[1]?.label;
    expect(headings).toEqual([
      '# Google TensorFlow',
      '## English',
      `### ${factors?.en}`,
      `### ${practices?.en}`,
      '## 中文',
      `### ${factors?.zh}`,
      `### ${practices?.zh}`,
    ]);
    expect(body).toContain(`\n\n${tensorflow.summary.en}\n\n`);
    for (const item of tensorflow.lists.factors ?? []) {
      expect(body).toContain(`\n- ${item.en}\n`);
      expect(body).toContain(`\n- ${item.zh}\n`);
    }
  });

  it('escapes only what would change the structure, the way Markdown escapes', () => {
    const base = seed.entities.find((e) => e.kind === 'case') as Entity;
    const tricky: Entity = {
      ...base,
      summary: { zh: '', en: 'First line\n### Not a heading\n---\nplain # hash' },
      lists: { lessons: [{ zh: '', en: '---' }, { zh: '', en: 'two\nlines' }] },
    };
    const text = printEntityMarkdown(tricky, []);
    expect(text).toContain('First line\n\\### Not a heading\n\\---\nplain # hash');
    expect(text).toContain('- \\---\n- two\n  lines');
    roundTrip(tricky, []);
  });

  it('reads a hand-written file: * bullets, a multi-line item, a missing translation, no trailing lists', () => {
    const parsed = parseEntityMarkdown(HANDWRITTEN, 'acme.md');
    expect(parsed.entity).toEqual({
      id: 'case/acme',
      kind: 'case',
      title: { zh: '艾克米', en: 'Acme' },
      summary: { zh: '艾克米向郊狼出售火箭。', en: 'Acme sold rockets to *coyotes*.\n\nIt did not last.' },
      attrs: { outcome: 'failure' },
      texts: { product: { zh: '', en: 'Rockets' } },
      lists: {
        factors: [
          { zh: '产品爆炸', en: 'Products blew up' },
          { zh: '客户不再回头', en: 'Customers never came back\nafter the first purchase' },
        ],
        lessons: [{ zh: '', en: 'Test before shipping' }],
      },
      tags: ['hardware', 'b2b'],
      source: 'interview, 2025',
    });
    expect(parsed.relations).toEqual([
      { kind: 'uses-model', from: 'case/acme', to: 'model/product-sales', note: { zh: '', en: '' }, source: '§4.1.1' },
      { kind: 'run-by', from: 'case/acme', to: 'organisation/acme-corp', note: { zh: '', en: 'The parent company' }, source: 'interview' },
    ]);
  });

  it('gives a file without an id a derived id for its relations and no id for the entity', () => {
    const parsed = parseEntityMarkdown(HANDWRITTEN.replace('id: case/acme\n', '').replace('\r', ''), 'acme.md');
    expect(parsed.entity.id).toBeUndefined();
    expect(parsed.relations.map((r) => r.from)).toEqual(['case/acme', 'case/acme']);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const parsed = parseEntityMarkdown(`\uFEFF${HANDWRITTEN.replace(/\n/g, '\r\n')}`, 'acme.md');
    expect(parsed.entity).toEqual(parseEntityMarkdown(HANDWRITTEN, 'acme.md').entity);
  });
});

describe('a broken Markdown file', () => {
  const problemsFor = (text: string) => problemsOf(appError('invalid_file', () => parseEntityMarkdown(text, 'acme.md')));
  const edit = (from: string, to: string) => {
    expect(HANDWRITTEN).toContain(from);
    return HANDWRITTEN.replace(from, to);
  };

  it('names the line of an unknown ### heading and the known labels', () => {
    const text = edit('### Lessons', '### Lesons');
    expect(problemsFor(text)).toEqual([
      { path: [], line: lineOf(text, '### Lesons'), message: expect.stringMatching(/unknown heading "### Lesons".*"### Practices".*"### Lessons"/) },
    ]);
  });

  it('reports lists of different lengths at the later heading', () => {
    const text = edit('- 客户不再回头\n', '');
    expect(problemsFor(text)).toEqual([
      { path: ['lists', 'factors'], line: lineOf(text, '### 成功因素'), message: expect.stringMatching(/has 2 items but .* has 1/) },
    ]);
  });

  it('reports broken front matter on its line in the file', () => {
    // The key is written twice; the second one is the mistake.
    const text = edit('kind: case\n', 'kind: case\nsource: again\n');
    expect(problemsFor(text)).toEqual([{ path: [], line: lineOf(text, 'source: interview'), message: 'front matter: Map keys must be unique' }]);
    const unclosed = edit('tags: [hardware, b2b]', 'tags: [hardware, b2b');
    expect(problemsFor(unclosed)[0]?.message).toMatch(/^front matter: .*\]/);
  });

  it('reports invalid front-matter values with their path and line, and body problems in the same pass', () => {
    const text = edit('attrs: { outcome: failure }', 'attrs: { outcome: lost }').replace('### Lessons', '### Lesons');
    expect(problemsFor(text)).toEqual([
      { path: ['attrs', 'outcome'], line: lineOf(text, 'outcome: lost'), message: expect.stringMatching(/"lost" is not one of/) },
      expect.objectContaining({ line: lineOf(text, '### Lesons') }),
    ]);
  });

  it('names an unknown front-matter key on its line', () => {
    const text = edit('tags: [hardware, b2b]', 'tags: [hardware, b2b]\nlists: {}');
    expect(problemsFor(text)).toEqual([{ path: ['lists'], line: lineOf(text, 'lists: {}'), message: 'unknown key "lists"' }]);
  });

  it('refuses an id of another kind and relations the kinds do not allow', () => {
    const text = edit('id: case/acme', 'id: model/acme').replace('kind: run-by', 'kind: teaches');
    expect(problemsFor(text)).toEqual([
      { path: ['id'], line: 2, message: 'the id of a case must start with "case/"' },
      { path: ['relations', 1, 'kind'], line: lineOf(text, 'kind: teaches'), message: 'a case cannot "teaches" an organisation' },
    ]);
  });

  it('refuses text after a list, where it would be lost', () => {
    const text = edit('- Test before shipping\n', '- Test before shipping\n\nA stray paragraph.\n');
    expect(problemsFor(text)).toEqual([
      { path: [], line: lineOf(text, 'A stray paragraph.'), message: expect.stringMatching(/only a bullet list may follow "### Lessons"/) },
    ]);
  });

  it('refuses an unknown ## section and a title heading that contradicts the front matter', () => {
    const text = edit('## 中文', '## Deutsch').replace('# Acme', '# Acme Rockets Inc');
    expect(problemsFor(text)).toEqual([
      { path: [], line: lineOf(text, '# Acme Rockets'), message: expect.stringMatching(/does not match the title/) },
      { path: [], line: lineOf(text, '## Deutsch'), message: expect.stringMatching(/unknown section/) },
    ]);
  });

  it('refuses a file without front matter, or with front matter never closed', () => {
    expect(problemsFor('# Acme\n\n## English\n')).toEqual([{ path: [], line: 1, message: expect.stringMatching(/front matter/) }]);
    expect(problemsFor('---\nkind: case\n')).toEqual([{ path: [], line: 1, message: expect.stringMatching(/not closed/) }]);
  });

  it('refuses a file over the Markdown size limit', () => {
    appError('too_large', () => parseEntityMarkdown(`---\n${' '.repeat(LIMITS.maxMarkdownChars)}`, 'big.md'));
  });
});
