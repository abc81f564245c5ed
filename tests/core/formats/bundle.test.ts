import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, parseBundle, printBundle, type Bundle } from '../../../core/formats/bundle.ts';
import { LIMITS } from '../../../core/formats/limits.ts';
import { appError, knowledgeBase, lineOf, loadSeed, problemsOf } from './support.ts';

const seed = loadSeed();

/** A small valid bundle written by hand, two spaces per level, so lines are easy to count. */
const HANDWRITTEN = `{
  "format": "strategy-workbench.kb",
  "version": 1,
  "sections": [],
  "entities": [
    {
      "id": "case/acme",
      "kind": "case",
      "source": "interview",
      "title": { "zh": "", "en": "Acme" },
      "attrs": { "outcome": "success" },
      "origin": "user",
      "revision": 3,
      "createdAt": "2025-01-01T00:00:00.000Z",
      "updatedAt": "2025-01-02T00:00:00.000Z"
    },
    {
      "id": "model/rent",
      "kind": "model",
      "source": "interview",
      "title": { "zh": "租赁", "en": "Rent" },
      "origin": "user",
      "revision": 1,
      "createdAt": "2025-01-01T00:00:00.000Z",
      "updatedAt": "2025-01-01T00:00:00.000Z"
    }
  ],
  "relations": [
    { "kind": "uses-model", "from": "case/acme", "to": "model/rent", "source": "interview", "origin": "user" }
  ]
}
`;

const edit = (from: string, to: string): string => {
  expect(HANDWRITTEN).toContain(from);
  return HANDWRITTEN.replace(from, to);
};

describe('the JSON bundle', () => {
  it('prints the seed, reads it back and prints the same bytes', () => {
    const text = printBundle(seed);
    const parsed = parseBundle(text, 'kb.json');
    expect(printBundle(parsed)).toBe(text);
    expect(parsed.entities).toHaveLength(seed.entities.length);
    expect(parsed.relations).toHaveLength(seed.relations.length);
    expect(parsed.sections).toEqual(seed.sections);
    expect(parsed.externalEndpoints).toEqual([]);
  });

  it('keeps every field of every entity, origin, revision and timestamps included', () => {
    const parsed = parseBundle(printBundle(seed), 'kb.json');
    const byId = new Map(parsed.entities.map((e) => [e.id, e]));
    for (const e of seed.entities) expect(byId.get(e.id)).toEqual({ ...e, tags: [...new Set(e.tags)].sort() });
  });

  it('writes the documented layout: top-level keys in order, entities by id, relations by from, kind, to', () => {
    const doc = JSON.parse(printBundle(seed)) as {
      entities: { id: string }[];
      relations: { from: string; kind: string; to: string }[];
    };
    expect(Object.keys(doc)).toEqual(['format', 'version', 'sections', 'entities', 'relations']);
    expect(Object.keys(doc.entities[0] ?? {})).toEqual(
      expect.arrayContaining(['id', 'kind', 'title', 'summary', 'attrs', 'texts', 'lists', 'tags', 'source', 'origin', 'revision', 'createdAt', 'updatedAt']),
    );
    const ids = doc.entities.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    const keys = doc.relations.map((r) => [r.from, r.kind, r.to].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
    expect(Object.keys(doc.relations[0] ?? {})).toEqual(['kind', 'from', 'to', 'note', 'source', 'origin']);
  });

  it('round-trips generated knowledge bases byte for byte, whatever order they come in', () => {
    fc.assert(
      fc.property(knowledgeBase(), fc.array(fc.nat(), { maxLength: 20 }), ({ entities, relations }, swaps) => {
        const bundle: Bundle = { sections: [{ id: '§1', title: { zh: '一', en: 'One' } }], entities, relations };
        const text = printBundle(bundle);
        expect(printBundle(parseBundle(text, 'kb.json'))).toBe(text);
        const shuffled = [...entities];
        for (const n of swaps) shuffled.push(...shuffled.splice(0, n % (shuffled.length + 1)).reverse());
        expect(printBundle({ ...bundle, entities: shuffled, relations: [...relations].reverse() })).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a hand-written bundle, filling in omitted defaults, and tolerates a byte-order mark', () => {
    const parsed = parseBundle(`\uFEFF${HANDWRITTEN}`, 'kb.json');
    expect(parsed.entities[0]).toEqual({
      id: 'case/acme',
      kind: 'case',
      source: 'interview',
      title: { zh: '', en: 'Acme' },
      summary: { zh: '', en: '' },
      attrs: { outcome: 'success' },
      texts: {},
      lists: {},
      tags: [],
      origin: 'user',
      revision: 3,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
    });
    expect(parsed.relations).toEqual([
      { kind: 'uses-model', from: 'case/acme', to: 'model/rent', note: { zh: '', en: '' }, source: 'interview', origin: 'user' },
    ]);
  });

  it('returns relation endpoints outside the bundle for the server to check', () => {
    const text = edit('"to": "model/rent"', '"to": "model/elsewhere"');
    expect(parseBundle(text, 'kb.json').externalEndpoints).toEqual(['model/elsewhere']);
  });
});

describe('a broken bundle', () => {
  it('reports a JSON syntax error with its line and column', () => {
    // The comma after "version": 1 is missing; the error is where "sections" begins.
    const text = edit('"version": 1,', '"version": 1');
    const error = appError('invalid_file', () => parseBundle(text, 'kb.json'));
    const [problem] = problemsOf(error);
    expect(problem?.line).toBe(lineOf(text, '"sections"'));
    expect(problem?.message).toMatch(/comma.*column 3\b/);
    expect(error.message).toMatch(/^kb\.json: line 4/);
    expect(error.details?.file).toBe('kb.json');
  });

  it('reports an unclosed string on the line it starts', () => {
    const text = edit('"source": "interview",\n      "title": { "zh": "", "en": "Acme" }', '"source": "interview,\n      "title": { "zh": "", "en": "Acme" }');
    const [problem] = problemsOf(appError('invalid_file', () => parseBundle(text, 'kb.json')));
    expect(problem?.line).toBe(lineOf(text, '"interview,'));
  });

  it('names the path and line of a value of the wrong type', () => {
    const text = edit('"en": "Rent"', '"en": 5');
    const problems = problemsOf(appError('invalid_file', () => parseBundle(text, 'kb.json')));
    expect(problems).toEqual([expect.objectContaining({ path: ['entities', 1, 'title', 'en'], line: lineOf(text, '"en": 5') })]);
  });

  it('points a missing field at the object that lacks it', () => {
    const text = edit('"source": "interview",\n      "title": { "zh": "租赁"', '"title": { "zh": "租赁"');
    const problems = problemsOf(appError('invalid_file', () => parseBundle(text, 'kb.json')));
    expect(problems).toEqual([expect.objectContaining({ path: ['entities', 1, 'source'], line: lineOf(text, '"id": "model/rent"') - 1 })]);
  });

  it('reports a duplicate id, an id of another kind and a bad attribute together', () => {
    const text = edit('"id": "model/rent"', '"id": "case/acme"').replace('"outcome": "success"', '"outcome": "won"');
    const problems = problemsOf(appError('invalid_file', () => parseBundle(text, 'kb.json')));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['entities', 1, 'id'], line: lineOf(text, '"kind": "model"') - 1, message: expect.stringMatching(/already used/) }),
        expect.objectContaining({ path: ['entities', 1, 'id'], message: expect.stringMatching(/must start with "model\/"/) }),
        expect.objectContaining({ path: ['entities', 0, 'attrs', 'outcome'], line: lineOf(text, '"won"') }),
      ]),
    );
  });

  it('refuses a duplicate relation and a relation kind the endpoints do not allow', () => {
    const relation = '{ "kind": "uses-model", "from": "case/acme", "to": "model/rent", "source": "interview", "origin": "user" }';
    const wrongKind = '{ "kind": "teaches", "from": "case/acme", "to": "model/rent", "source": "interview", "origin": "user" }';
    const text = edit(relation, `${relation},\n    ${relation},\n    ${wrongKind}`);
    const problems = problemsOf(appError('invalid_file', () => parseBundle(text, 'kb.json')));
    expect(problems).toEqual([
      expect.objectContaining({ path: ['relations', 1], line: lineOf(text, relation) + 1 }),
      expect.objectContaining({ path: ['relations', 2, 'kind'], line: lineOf(text, '"teaches"'), message: 'a case cannot "teaches" a model' }),
    ]);
  });

  it('checks the kind of an endpoint outside the bundle from its id', () => {
    const text = edit('"to": "model/rent"', '"to": "segment/smb"');
    const problems = problemsOf(appError('invalid_file', () => parseBundle(text, 'kb.json')));
    expect(problems[0]?.message).toBe('a case cannot "uses-model" a segment');
  });

  it('says a newer version comes from a newer app', () => {
    const error = appError('invalid_file', () => parseBundle(edit('"version": 1', '"version": 2'), 'kb.json'));
    expect(error.message).toMatch(/newer/);
    expect(problemsOf(error)[0]).toMatchObject({ path: ['version'], line: 3 });
  });

  it('refuses JSON that is not a bundle', () => {
    const error = appError('invalid_file', () => parseBundle('{"entities": []}', 'other.json'));
    expect(error.message).toContain(BUNDLE_FORMAT);
    appError('invalid_file', () => parseBundle('[1, 2]', 'other.json'));
  });

  it('stops collecting at the problem cap', () => {
    const bad = Array.from({ length: 80 }, () => '{}').join(',');
    const error = appError('invalid_file', () => parseBundle(`{"format": "${BUNDLE_FORMAT}", "version": 1, "entities": [${bad}]}`, 'kb.json'));
    expect(problemsOf(error)).toHaveLength(LIMITS.maxProblems);
    expect(error.details?.truncated).toBeGreaterThan(0);
  });
});

describe('bundle limits', () => {
  const head = `{"format": "${BUNDLE_FORMAT}", "version": 1, `;

  it('refuses nesting deeper than the limit before parsing', () => {
    const deep = `${'['.repeat(LIMITS.maxJsonDepth)}${']'.repeat(LIMITS.maxJsonDepth)}`;
    const error = appError('too_large', () => parseBundle(`${head}"entities": [], "x": ${deep}}`, 'kb.json'));
    expect(error.message).toContain(String(LIMITS.maxJsonDepth));
    // Brackets inside strings do not count.
    const quoted = `${head}"entities": [], "relations": [], "sections": [{"id": "${'['.repeat(100)}", "title": {"zh": "", "en": ""}}]}`;
    expect(parseBundle(quoted, 'kb.json').sections).toHaveLength(1);
  });

  it('refuses more entities or relations than the limits', () => {
    const entities = Array.from({ length: LIMITS.maxEntities + 1 }, () => '{}').join(',');
    expect(appError('too_large', () => parseBundle(`${head}"entities": [${entities}]}`, 'kb.json')).message).toContain('200,000');
    const relations = Array.from({ length: LIMITS.maxRelations + 1 }, () => '0').join(',');
    appError('too_large', () => parseBundle(`${head}"entities": [], "relations": [${relations}]}`, 'kb.json'));
  });

  it('refuses a file over the size limit without parsing it', () => {
    const error = appError('too_large', () => parseBundle(' '.repeat(LIMITS.maxBytes + 1), 'kb.json'));
    expect(error.message).toMatch(/256 MiB.*Split/);
  });
});
