import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS, parseCasesCsv, printCasesCsv } from '../../../core/formats/cases-csv.ts';
import { LIMITS } from '../../../core/formats/limits.ts';
import type { Entity, RelationContent } from '../../../core/model/entity.ts';
import { appError, comparable, contentOf, entity, loadSeed, problemsOf, trickyText } from './support.ts';

const seed = loadSeed();
const HEADER = CASE_COLUMNS.join(',');
const COLUMN_KINDS: Record<string, string> = {
  'uses-model': 'uses_model',
  'run-by': 'run_by',
  teaches: 'teaches',
  'targets-segment': 'targets_segment',
  'related-to': 'related_to',
};

/** What the CSV promises to keep of a case: its content, list items on one line each. */
const expectedContent = (e: Entity) => {
  const c = comparable(contentOf(e));
  const lists = Object.fromEntries(
    Object.entries(c.lists).map(([k, items]) => [k, items.map((i) => ({ zh: oneLine(i.zh), en: oneLine(i.en) }))]),
  );
  return { ...c, lists };
};
const oneLine = (s: string) => s.replace(/\n/g, ' ');

/** The relations the CSV carries: the five column kinds from a case, sourced like the case, without notes. */
const expectedRelations = (cases: Entity[], relations: RelationContent[]): RelationContent[] => {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const seen = new Set<string>();
  return relations
    .filter((r) => byId.has(r.from) && r.kind in COLUMN_KINDS)
    .map((r) => ({ kind: r.kind, from: r.from, to: r.to, note: { zh: '', en: '' }, source: byId.get(r.from)?.source ?? '' }))
    .filter((r) => !seen.has(`${r.from} ${r.kind} ${r.to}`) && seen.add(`${r.from} ${r.kind} ${r.to}`));
};

const sortRelations = (rs: RelationContent[]) => [...rs].sort((a, b) => `${a.from} ${a.kind} ${a.to}`.localeCompare(`${b.from} ${b.kind} ${b.to}`));

/** A row with the given cells, every other column empty. */
function row(cells: Partial<Record<(typeof CASE_COLUMNS)[number], string>>): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return CASE_COLUMNS.map((c) => quote(cells[c] ?? '')).join(',');
}
const good = { title_en: 'Acme', outcome: 'success', source: 'interview' };

describe('the CSV of cases', () => {
  const cases = seed.entities.filter((e) => e.kind === 'case');

  it('round-trips the seed cases and their relations', () => {
    const parsed = parseCasesCsv(printCasesCsv(seed.entities, seed.relations), 'cases.csv');
    expect(parsed.entities.map((e) => e.id).sort()).toEqual(cases.map((c) => c.id).sort());
    const byId = new Map(parsed.entities.map((e) => [e.id, e]));
    for (const c of cases) expect(comparable(contentOf(byId.get(c.id) as Entity))).toEqual(expectedContent(c));
    expect(sortRelations(parsed.relations)).toEqual(sortRelations(expectedRelations(cases, seed.relations)));
    expect(parsed.derivedIds).toEqual([]);
  });

  it('writes what Excel needs: a byte-order mark, the header, CRLF after every row', () => {
    const text = printCasesCsv(cases.slice(0, 2), []);
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Line breaks inside list cells are LF, inside quotes; rows end with CRLF.
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('round-trips generated cases with awkward text', () => {
    const caseArb = entity('case', { text: trickyText().map((t) => t.replace(/\r/g, '')) });
    fc.assert(
      fc.property(fc.uniqueArray(caseArb, { maxLength: 5, selector: (e) => e.id }), (generated) => {
        const relations: RelationContent[] = generated.flatMap((c, i) => [
          { kind: 'uses-model', from: c.id, to: `model/m${i}`, note: { zh: '', en: '' }, source: c.source },
          { kind: 'related-to', from: c.id, to: generated[0]?.id ?? c.id, note: { zh: '', en: '' }, source: c.source },
        ]);
        const parsed = parseCasesCsv(printCasesCsv(generated, relations), 'cases.csv');
        const byId = new Map(parsed.entities.map((e) => [e.id, e]));
        for (const c of generated) expect(comparable(contentOf(byId.get(c.id) as Entity))).toEqual(expectedContent(c));
        expect(sortRelations(parsed.relations)).toEqual(sortRelations(expectedRelations(generated, relations)));
      }),
      { numRuns: 200 },
    );
  });

  it('imports a spreadsheet-saved file: BOM, CRLF, multi-line quoted cells, spreadsheet spellings', () => {
    const text =
      '\uFEFF' +
      [
        HEADER,
        row({
          title_zh: '示例公司',
          title_en: 'Example Co',
          outcome: 'Success',
          factors_zh: '好产品\r\n好团队',
          factors_en: 'Good product\r\nGood team\r\n',
          tags: 'cloud;  saas ; ',
          source: '§5.1',
          uses_model: 'model/product-sales; model/service-subscription',
        }),
        row({ id: 'case/beta', title_en: 'Beta', outcome: '失败', source: 'press' }),
        ',,,,,,,,,,,,,,,,,,,,',
      ].join('\r\n') +
      '\r\n';
    const parsed = parseCasesCsv(text, 'cases.csv');
    expect(parsed.entities).toEqual([
      {
        id: 'case/example-co',
        kind: 'case',
        title: { zh: '示例公司', en: 'Example Co' },
        summary: { zh: '', en: '' },
        attrs: { outcome: 'success' },
        texts: {},
        lists: {
          factors: [
            { zh: '好产品', en: 'Good product' },
            { zh: '好团队', en: 'Good team' },
          ],
        },
        tags: ['cloud', 'saas'],
        source: '§5.1',
      },
      expect.objectContaining({ id: 'case/beta', attrs: { outcome: 'failure' } }),
    ]);
    expect(parsed.relations).toEqual([
      { kind: 'uses-model', from: 'case/example-co', to: 'model/product-sales', note: { zh: '', en: '' }, source: '§5.1' },
      { kind: 'uses-model', from: 'case/example-co', to: 'model/service-subscription', note: { zh: '', en: '' }, source: '§5.1' },
    ]);
    expect(parsed.derivedIds).toEqual(['case/example-co']);
    expect(parsed.externalEndpoints).toEqual(['model/product-sales', 'model/service-subscription']);
  });

  it('reads files saved with semicolons (European Excel) and without a BOM', () => {
    const text = `${CASE_COLUMNS.join(';')}\n${row(good).replace(/,/g, ';')}\n`;
    expect(parseCasesCsv(text, 'cases.csv').entities[0]).toMatchObject({ title: { en: 'Acme' }, source: 'interview' });
  });

  it('makes up unique ids for new rows without taking ids spelled out later in the file', () => {
    const text = [HEADER, row(good), row(good), row({ ...good, id: 'case/acme-2' }), row({ ...good, title_en: '', title_zh: '中文名' })].join('\n');
    const parsed = parseCasesCsv(text, 'cases.csv');
    expect(parsed.entities.map((e) => e.id)).toEqual(['case/acme', 'case/acme-3', 'case/acme-2', 'case/item']);
    expect(parsed.derivedIds).toEqual(['case/acme', 'case/acme-3', 'case/item']);
  });

  it('treats an empty language cell as an untranslated list', () => {
    const text = [HEADER, row({ ...good, lessons_en: 'Listen\nShip' })].join('\n');
    expect(parseCasesCsv(text, 'cases.csv').entities[0]?.lists).toEqual({
      lessons: [
        { zh: '', en: 'Listen' },
        { zh: '', en: 'Ship' },
      ],
    });
  });
});

describe('a broken CSV', () => {
  const problemsFor = (text: string) => problemsOf(appError('invalid_file', () => parseCasesCsv(text, 'cases.csv')));

  it('reports a bad outcome on the line its row starts, after a multi-line cell', () => {
    // Line 1 header; the first row has two three-line cells, the second starting on the line the
    // first ends, so it spans lines 2–6; the bad row is line 7.
    const text = [HEADER, row({ ...good, practices_zh: '一\n二\n三', practices_en: 'one\ntwo\nthree' }), row({ ...good, outcome: 'won' })].join('\r\n');
    expect(problemsFor(text)).toEqual([
      { path: ['outcome'], line: 7, message: '"won" is not one of success, failure, example' },
    ]);
  });

  it('names unknown and missing columns on line 1', () => {
    const text = [HEADER.replace('title_en', 'titel_en'), row(good)].join('\n');
    const problems = problemsFor(text);
    expect(problems.map((p) => p.line)).toEqual([1, 1]);
    expect(problems[0]).toMatchObject({ path: ['titel_en'], message: expect.stringMatching(/unknown column "titel_en"/) });
    expect(problems[1]?.message).toMatch(/missing column title_en/);
  });

  it('refuses an extra column, or text under no column, rather than dropping it', () => {
    expect(problemsFor(`${HEADER},notes\n${row(good)},hello\n`)[0]?.message).toMatch(/unknown column "notes"/);
    expect(problemsFor(`${HEADER},\n${row(good)},\n${row(good).replace('Acme', 'Beta')},hello\n`)).toEqual([
      { path: [], line: 3, message: expect.stringMatching(/column without a name/) },
    ]);
  });

  it('reports zh and en lists of different lengths with the row and column', () => {
    const text = [HEADER, row(good), row({ ...good, id: 'case/b', factors_zh: '一\n二', factors_en: 'one' })].join('\n');
    expect(problemsFor(text)).toEqual([
      { path: ['factors_en'], line: 3, message: expect.stringMatching(/factors_zh has 2 lines but factors_en has 1/) },
    ]);
  });

  it('reports ids of another kind, duplicate ids, missing titles and bad relation targets, each with its line', () => {
    const text = [
      HEADER,
      row({ ...good, id: 'model/acme' }),
      row({ ...good, id: 'case/x' }),
      row({ ...good, id: 'case/x' }),
      row({ ...good, id: 'case/y', title_en: '' }),
      row({ ...good, id: 'case/z', uses_model: 'Product sales; segment/smb' }),
    ].join('\n');
    expect(problemsFor(text)).toEqual([
      { path: ['id'], line: 2, message: expect.stringMatching(/of a model, not of a case/) },
      { path: ['id'], line: 4, message: 'the id "case/x" is already used on line 3' },
      { path: ['title_en'], line: 5, message: expect.stringMatching(/at least one language/) },
      { path: ['uses_model'], line: 6, message: expect.stringMatching(/"Product sales" is not an id/) },
      { path: ['uses_model'], line: 6, message: expect.stringMatching(/cannot "uses-model" a segment/) },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    const text = `${HEADER}\n${row(good)}\n"case/open,Acme\n`;
    expect(problemsFor(text)[0]).toMatchObject({ line: 3, message: expect.stringMatching(/not closed/) });
  });

  it('refuses an empty file', () => {
    expect(problemsFor('')[0]?.line).toBe(1);
  });

  it('refuses more rows than the limit, and reads up to it', () => {
    const text = `${HEADER}\r\n${'x\r\n'.repeat(LIMITS.maxCsvRows + 1)}`;
    expect(appError('too_large', () => parseCasesCsv(text, 'cases.csv')).message).toContain('200,000');
    // Exactly at the limit the rows are read (and these ones found wanting).
    appError('invalid_file', () => parseCasesCsv(`${HEADER}\r\n${'x\r\n'.repeat(LIMITS.maxCsvRows)}`, 'cases.csv'));
  });
});
