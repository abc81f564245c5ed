import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormedEntity } from '../../../core/formats/bundle-entity.ts';
import { Entity } from '../../../core/model/entity.ts';
import { anyKind, entity } from './support.ts';

const zodEntity = Entity.strict();

/** Values that sit on either side of a schema limit or are of another type. */
const ODD_VALUES: unknown[] = [
  null,
  0,
  -0,
  1.5,
  2 ** 53,
  Infinity,
  '',
  ' ',
  ' padded ',
  'x'.repeat(60),
  'x'.repeat(61),
  'x'.repeat(500),
  'x'.repeat(501),
  'x'.repeat(20_000),
  'x'.repeat(20_001),
  'case/acme',
  'model/acme',
  'Case/acme',
  'seed',
  'user',
  'success',
  [],
  [{ zh: 'a', en: '' }],
  Array.from({ length: 51 }, (_, i) => `tag-${i}`),
  Array.from({ length: 501 }, () => ({ zh: 'a', en: 'b' })),
  {},
  { zh: '', en: '' },
  { zh: ' ', en: '' },
  { en: 'b', zh: 'a' },
  { zh: 'a', en: 'b', extra: 1 },
  { zh: 'a' },
  { outcome: 'success' },
  { product: { zh: 'a', en: 'b' } },
  { factors: [{ zh: 'a', en: 'b' }] },
  JSON.parse('{"__proto__": {"zh": "a", "en": "b"}}'),
  { constructor: 'x' },
  { 1: 'x' },
];
// Record keys some kind declares, among others.
const ODD_KEYS = ['__proto__', 'constructor', '1', 'extra', 'zh', 'en', 'outcome', 'family', 'product', 'factors', 'advantages', 'traits'];

const ENTITY_KEYS = Object.keys(zodEntity.shape);

type Mutation =
  | { at: number; op: 'delete' }
  | { at: number; op: 'set'; value: number }
  | { at: number; op: 'add'; key: number; value: number }
  | { op: 'top'; key: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), op: fc.constant('delete' as const) }),
  fc.record({ at: fc.nat(), op: fc.constant('set' as const), value: fc.nat(ODD_VALUES.length - 1) }),
  fc.record({ at: fc.nat(), op: fc.constant('add' as const), key: fc.nat(ODD_KEYS.length - 1), value: fc.nat(ODD_VALUES.length - 1) }),
  fc.record({ op: fc.constant('top' as const), key: fc.nat(ENTITY_KEYS.length - 1), value: fc.nat(ODD_VALUES.length - 1) }),
);

/** Every key of every object or array in the value, with its holder: where a value can be changed. */
function slots(value: unknown, out: [Record<string, unknown>, string][] = []): [Record<string, unknown>, string][] {
  if (typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value)) {
    out.push([value as Record<string, unknown>, key]);
    slots((value as Record<string, unknown>)[key], out);
  }
  return out;
}

/** Every object in the value, empty ones included: where a key can be added. */
function holders(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null) return out;
  if (!Array.isArray(value)) out.push(value as Record<string, unknown>);
  for (const child of Object.values(value)) holders(child, out);
  return out;
}

function mutate(value: unknown, mutations: Mutation[]): unknown {
  // Through JSON, as a file arrives (and so that every mutation starts from fresh objects).
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const odd = (i: number) => structuredClone(ODD_VALUES[i]);
  for (const m of mutations) {
    if (m.op === 'top') {
      (copy as Record<string, unknown>)[ENTITY_KEYS[m.key]!] = odd(m.value);
      continue;
    }
    if (m.op === 'add') {
      const places = holders(copy);
      // defineProperty, so that "__proto__" becomes a key as it does in JSON.parse.
      const value = { value: odd(m.value), enumerable: true, writable: true, configurable: true };
      Object.defineProperty(places[m.at % places.length]!, ODD_KEYS[m.key]!, value);
      continue;
    }
    const places = slots(copy);
    if (places.length === 0) break;
    const [holder, key] = places[m.at % places.length]!;
    if (m.op === 'delete') Reflect.deleteProperty(holder, key);
    else holder[key] = odd(m.value);
  }
  return copy;
}

describe('the fast check of bundle entities', () => {
  it('accepts what an export writes, answering what zod answers', () => {
    fc.assert(
      fc.property(anyKind.chain((kind) => entity(kind)), (e) => {
        const input = JSON.parse(JSON.stringify(e)) as unknown;
        const fast = wellFormedEntity(input);
        expect(fast).toBeDefined();
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zodEntity.parse(input)));
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts what zod refuses and never answers differently, whatever is broken', () => {
    fc.assert(
      fc.property(anyKind.chain((kind) => entity(kind)), fc.array(mutation, { minLength: 1, maxLength: 3 }), (e, mutations) => {
        const input = mutate(e, mutations);
        const fast = wellFormedEntity(input);
        if (fast === undefined) return;
        const result = zodEntity.safeParse(input);
        expect(result.success).toBe(true);
        // Compared as JSON so key order counts too: stored JSON columns are written from these objects.
        expect(JSON.stringify(fast)).toBe(JSON.stringify(result.data));
        expect(fast).toEqual(result.data);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the fast check at the schema limits', () => {
  const base = {
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
    revision: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  const item = { zh: '一', en: 'one' };
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['list items', { lists: { factors: Array.from({ length: 500 }, () => item) } }, { lists: { factors: Array.from({ length: 501 }, () => item) } }],
    ['tags', { tags: Array.from({ length: 50 }, (_, i) => `t${i}`) }, { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['tag length', { tags: ['x'.repeat(60)] }, { tags: ['x'.repeat(61)] }],
    ['source length', { source: 'x'.repeat(500) }, { source: 'x'.repeat(501) }],
    ['text length', { summary: { zh: 'x'.repeat(20_000), en: '' } }, { texts: { product: { zh: '', en: 'x'.repeat(20_001) } } }],
    ['revision', { revision: Number.MAX_SAFE_INTEGER }, { revision: 2 ** 53 }],
  ];
  it.each(cases)('agrees with zod on both sides of the limit on %s', (_, within, beyond) => {
    const inside = { ...base, ...within };
    expect(JSON.stringify(wellFormedEntity(inside))).toBe(JSON.stringify(zodEntity.parse(inside)));
    expect(zodEntity.safeParse({ ...base, ...beyond }).success).toBe(false);
    expect(wellFormedEntity({ ...base, ...beyond })).toBeUndefined();
  });

  it('leaves to zod what zod would trim or fill in', () => {
    expect(wellFormedEntity({ ...base, source: ' interview' })).toBeUndefined();
    expect(wellFormedEntity({ ...base, tags: ['x '] })).toBeUndefined();
    const { summary: _, ...withoutSummary } = base;
    expect(wellFormedEntity(withoutSummary)).toBeUndefined();
    expect(zodEntity.parse(withoutSummary).summary).toEqual({ zh: '', en: '' });
  });
});
