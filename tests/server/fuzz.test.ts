import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrorSchema, api, isMethodName, type ApiResult, type MethodName, type SessionView } from '../../core/api.ts';
import { deleteNodes, moveNodes } from '../../core/graph/actions.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import { ENTITY_ID_PATTERN, type Entity } from '../../core/model/entity.ts';
import type { PresentationDocument } from '../../core/present/model.ts';
import type { Server } from '../../electron/server/server.ts';
import type { Workspace } from '../../electron/server/store/workspace.ts';
import { contentDigest } from '../helpers/files.ts';
import { ok, useServer, useTempDir } from '../helpers/workspace.ts';

/**
 * Fuzzes the whole contract through the real router on a seeded workspace: arbitrary JSON,
 * objects with each method's keys and random values, values drawn from the input schemas, and
 * known-good calls with a few mutations. Every answer must be a well-formed error or a value that
 * passes the method's output schema, nothing may throw, and a rejected call must leave the
 * workspace as it was. Methods are found in `api`, so new ones are fuzzed without changes here.
 * The seed is fixed (FUZZ_SEED overrides it to explore); ids the server derives from the clock
 * (sessions, parked ideas) differ between runs, so a run is reproducible in what it sends, nearly.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_529);
const RUNS = 10_400;
const METHODS = Object.keys(api) as MethodName[];

// ---------------------------------------------------------------- ids that exist when a call is made

/** Where existing ids come from, read again before each call since the fuzzing changes them. */
const POOLS = {
  entity: 'SELECT id FROM entities UNION SELECT entity_id FROM revisions',
  relation: 'SELECT id FROM relations',
  /** Maps of a presentable size: presenting a generated map of hundreds of concepts makes a PDF of hundreds of pictures. */
  map: "SELECT id FROM maps WHERE json_array_length(meaning, '$.concepts') <= 40",
  node: "SELECT j.value ->> 'id' FROM maps, json_each(meaning, '$.concepts') j UNION SELECT j.value ->> 'id' FROM maps, json_each(meaning, '$.phrases') j",
  presentation: 'SELECT id FROM presentations',
  session: 'SELECT id FROM sessions',
  participant: "SELECT j.value ->> 'id' FROM sessions, json_each(state, '$.participants') j",
  idea: "SELECT j.value ->> 'id' FROM sessions, json_each(state, '$.parked') j",
  decision: 'SELECT id FROM decisions',
  revision: 'SELECT revision FROM revisions UNION VALUES (1), (2)',
  job: "VALUES ('fuzz-job')",
  /** Files in the fuzzing's folder: the first workspace, those the calls created, their sidecars. */
  file: (live: Live) => readdirSync(live.files).map((name) => path.join(live.files, name)),
} as const;
type PoolName = keyof typeof POOLS;

/** Keys whose strings name files: the server would create them anywhere (the tests run as root here). */
const PATH_KEYS = new Set(['path', 'dbPath', 'file', 'dir', 'folder']);

/** What a reference stands for while its pool is empty: ids of the seed, or plausible misses. */
const FALLBACK: Record<PoolName, unknown> = {
  entity: 'case/ibm-watson',
  relation: 1,
  map: 'infrastructure-concept-map',
  node: 'c1',
  presentation: 'no-such-presentation',
  session: 'no-such-session',
  participant: 'v1',
  idea: 'k1',
  decision: 'profit-model-for-infrastructure',
  revision: 1,
  job: 'fuzz-job',
  file: '/nowhere.swb',
};

/** A placeholder for the n-th id of a pool, resolved when the call is sent (see `overJson`). */
class Ref {
  constructor(
    readonly pool: PoolName,
    readonly n: number,
  ) {}
  toString(): string {
    return `<${this.pool} #${this.n}>`;
  }
}
const ref = (pool: PoolName) => fc.nat({ max: 10_000 }).map((n) => new Ref(pool, n));

/** Known-good documents from the seed, for creating again what the fuzzing deleted. */
interface Examples {
  map: MapDocument;
  problem: Record<string, unknown>;
}

/** The workspace as it is now: existing ids, and reads for building near-valid calls. */
class Live {
  private readonly pools = new Map<PoolName, unknown[]>();
  constructor(
    readonly server: Server,
    /** The folder of the first workspace, where every file the calls name is moved. */
    readonly files: string,
    readonly examples: Examples,
  ) {}
  get db() {
    return this.server.context.workspace.db;
  }
  /** Forgets what was read: the previous call may have changed it. */
  refresh(): void {
    this.pools.clear();
  }
  pick(pool: PoolName, n: number): unknown {
    let values = this.pools.get(pool);
    if (!values) this.pools.set(pool, (values = this.values(pool)));
    return values.length > 0 ? values[n % values.length] : FALLBACK[pool];
  }
  private values(pool: PoolName): unknown[] {
    const source = POOLS[pool];
    return typeof source === 'function' ? source(this) : this.db.prepare(`SELECT * FROM (${source}) ORDER BY 1`).pluck().all();
  }
  /** A file path inside the fuzzing's folder, keeping the odd characters of the name the fuzzer made up. */
  confine(file: string): string {
    return path.resolve(file).startsWith(`${this.files}/`) ? file : `${this.files}/f-${file.replace(/[/\\]/g, '_')}`;
  }
  row<T>(sql: string, n: number): T | undefined {
    const rows = this.db.prepare(sql).all() as T[];
    return rows[n % Math.max(rows.length, 1)];
  }
  async read<T>(method: MethodName, args: unknown): Promise<T | undefined> {
    const result = await this.server.router.call(method, args);
    return result.ok ? (result.value as T) : undefined;
  }
}

/**
 * What the router receives from the harness: the payload as JSON text parsed again, references
 * resolved, and file names confined to the fuzzing's folder.
 */
function overJson(payload: unknown, live: Live): unknown {
  const text = JSON.stringify(payload, (key, value: unknown) => {
    const resolved = value instanceof Ref ? live.pick(value.pool, value.n) : value;
    return typeof resolved === 'string' && PATH_KEYS.has(key) ? live.confine(resolved) : resolved;
  });
  return text === undefined ? undefined : JSON.parse(text);
}

// ---------------------------------------------------------------- junk

const HUGE = 'x'.repeat(200_000);
const HUGE_CJK = '战略图谱'.repeat(20_000);
const TEXTS = [
  '',
  ' ',
  '战略',
  '图形处理器(GPU)',
  'IBM Watson',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE entities; --",
  '../../etc/passwd',
  'a\u0000b',
  '\ud800',
  '🙂‍↔️',
  '\u202eevil',
  '§5.2.2',
  'case/ibm-watson',
  '__proto__',
  'constructor',
  '%s%n',
  'line\nbreak',
];
const EXTRA_KEYS = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id ', 'ID', 'dropTable'), fc.string({ maxLength: 8 }));

/** Sets own enumerable keys the way JSON.parse does, so `__proto__` is a key and not the prototype. */
function withKeys<T extends object>(target: T, entries: readonly (readonly [PropertyKey, unknown])[]): T {
  for (const [key, value] of entries) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Nested past SQLite's JSON depth limit (1000), short of JSON.stringify's stack. */
function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const pollution = () =>
  withKeys({}, [
    ['__proto__', { polluted: true }],
    ['constructor', { prototype: { polluted: true } }],
    ['prototype', { polluted: true }],
  ]);

/** A value of any type, often one that breaks naive code. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...TEXTS, HUGE, HUGE_CJK),
  fc.string(),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(-1, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([], {}),
  fc.constantFrom(...(Object.keys(POOLS) as PoolName[])).chain(ref),
  fc.constant(nested(1200)),
  fc.constant(pollution()),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(ref('entity'), { maxLength: 3 }),
);

// ---------------------------------------------------------------- values drawn from the schemas

/** Where a value goes: keys name the pool an id comes from (`mapId`, `participant`, …). */
interface Where {
  method: MethodName;
  key: string;
  /** 0 for the arguments, 1 for their keys. */
  depth: number;
}

const KEY_POOLS: Record<string, PoolName> = {
  mapId: 'map',
  presentationId: 'presentation',
  entity: 'entity',
  concept: 'node',
  near: 'node',
  reveal: 'node',
  highlight: 'node',
  members: 'node',
  participant: 'participant',
  idea: 'idea',
  jobId: 'job',
  revision: 'revision',
  path: 'file',
};
const ID_POOLS: [prefix: string, pool: PoolName][] = [
  ['kb.relations.', 'relation'],
  ['kb.', 'entity'],
  ['maps.', 'map'],
  ['presentations.', 'presentation'],
  ['sessions.', 'session'],
  ['decisions.', 'decision'],
];

const regexOf = (schema: z.ZodString): RegExp | undefined =>
  (schema.def.checks ?? []).map((c) => c._zod.def as { format?: string; pattern?: RegExp }).find((d) => d.format === 'regex')?.pattern;

function lengthOf(schema: z.ZodType): { min: number; max: number } {
  const defs = (schema.def.checks ?? []).map((c) => c._zod.def as { check: string; minimum?: number; maximum?: number });
  return {
    min: defs.find((d) => d.check === 'min_length')?.minimum ?? 0,
    max: defs.find((d) => d.check === 'max_length')?.maximum ?? Infinity,
  };
}

function poolFor(schema: z.ZodType, at: Where): PoolName | undefined {
  if (schema instanceof z.ZodString && regexOf(schema)?.source === ENTITY_ID_PATTERN.source) return 'entity';
  if (at.depth === 1 && at.key === 'id') return ID_POOLS.find(([prefix]) => at.method.startsWith(prefix))?.[1];
  if ((at.key === 'from' || at.key === 'to') && !at.method.startsWith('kb.')) return 'node';
  return KEY_POOLS[at.key];
}

/** Pieces of text that mean something to a parser somewhere: FTS5 syntax, SQL, XML, Markdown, CSV, paths. */
const TOKENS = ['a', 'Z', '7', ' ', '-', '战', '略', '🙂', '"', "'", '*', '^', '(', ')', ':', ',', ';', '\\', '/', '<', '&', '#', '|', '\n', 'AND', 'OR', 'NOT', 'NEAR', '%', '_', '\u0000', '\ud800'];

function text(schema: z.ZodString): fc.Arbitrary<string> {
  const pattern = regexOf(schema);
  if (pattern) return fc.stringMatching(pattern);
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? Infinity, min + 40);
  const samples = TEXTS.filter((t) => t.trim().length >= min && t.length <= max);
  const random = fc.oneof(fc.string({ unit: fc.constantFrom(...TOKENS), minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
  return samples.length > 0 ? fc.oneof(random, fc.constantFrom(...samples)) : random;
}

/** Small numbers mostly, and now and then anything the schema allows, up to the largest finite ones. */
function number(schema: z.ZodNumber): fc.Arbitrary<number> {
  const min = schema.minValue ?? -Number.MAX_VALUE;
  const max = schema.maxValue ?? Number.MAX_VALUE;
  const low = Math.max(min, -1);
  const small = schema.isInt ? fc.integer({ min: Math.ceil(low), max: Math.floor(Math.min(max, low + 8)) }) : fc.double({ min: low, max: Math.min(max, low + 1000), noNaN: true });
  const any = schema.isInt ? fc.integer({ min: Math.ceil(Math.max(min, -2e9)), max: Math.floor(Math.min(max, 2e9)) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: any });
}

/**
 * A value the schema accepts, roughly: existing ids where a key calls for one, and now and then
 * junk. Deletions hit existing ids less often, or presentations, sessions and decisions (a few at
 * a time) would be gone most of the run.
 */
function drawn(schema: z.ZodType, at: Where): fc.Arbitrary<unknown> {
  const pool = poolFor(schema, at);
  const existing = /\.(delete|end)$/.test(at.method) ? 1 : 6;
  const value = pool ? fc.oneof({ weight: existing, arbitrary: ref(pool) }, { weight: 2, arbitrary: shaped(schema, at) }) : shaped(schema, at);
  return fc.oneof({ weight: 80, arbitrary: value }, { weight: 1, arbitrary: junk });
}

function shaped(schema: z.ZodType, at: Where): fc.Arbitrary<unknown> {
  const inner = { ...at, depth: at.depth + 1 };
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const required = Object.keys(shape).filter((k) => !(shape[k] instanceof z.ZodOptional || shape[k] instanceof z.ZodDefault));
    const fields = Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, drawn(s, { ...inner, key })]));
    return fc.record(fields, { requiredKeys: required });
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return drawn(schema.unwrap() as z.ZodType, at);
  if (schema instanceof z.ZodNullable) return fc.oneof(fc.constant(null), drawn(schema.unwrap() as z.ZodType, at));
  if (schema instanceof z.ZodPipe) return drawn(schema.in as z.ZodType, at);
  if (schema instanceof z.ZodArray) {
    const { min, max } = lengthOf(schema);
    return fc.array(drawn(schema.element as z.ZodType, inner), { minLength: min, maxLength: Math.min(max, min + 4) });
  }
  if (schema instanceof z.ZodRecord)
    return fc.dictionary(fc.oneof(shaped(schema.keyType as z.ZodType, inner) as fc.Arbitrary<string>, fc.string()), drawn(schema.valueType as z.ZodType, inner), { maxKeys: 3 });
  if (schema instanceof z.ZodUnion) return fc.oneof(...(schema.options as z.ZodType[]).map((o) => drawn(o, at)));
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...schema.options);
  if (schema instanceof z.ZodLiteral) return fc.constantFrom(...schema.values);
  if (schema instanceof z.ZodString) return text(schema);
  if (schema instanceof z.ZodNumber) return number(schema);
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  return fc.oneof(fc.jsonValue({ maxDepth: 2 }), junk);
}

/** The method's keys, each with a value of a random type or one drawn from its schema, sometimes with extra keys. */
function byKeys(method: MethodName): fc.Arbitrary<unknown> {
  const input = api[method].input as z.ZodType;
  const shape = input instanceof z.ZodObject ? (input.shape as Record<string, z.ZodType>) : {};
  const fields = Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, fc.oneof(junk, drawn(s, { method, key, depth: 1 }))]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.oneof(fc.constant([]), fc.array(fc.tuple(EXTRA_KEYS, junk), { minLength: 1, maxLength: 2 })))
    .map(([payload, extras]) => withKeys(payload, extras));
}

const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3, withNullPrototype: true }), junk);

// ---------------------------------------------------------------- near-valid calls

type Build = (live: Live, n: number) => Promise<unknown> | unknown;

const contentOf = ({ kind, title, summary, attrs, texts, lists, tags, source }: Entity) => ({ kind, title, summary, attrs, texts, lists, tags, source });
const entityAt = async (live: Live, n: number) => (await live.read<{ entity: Entity }>('kb.get', { id: live.pick('entity', n) }))?.entity;
const mapAt = (live: Live, n: number) => live.read<{ id: string; revision: number; document: MapDocument }>('maps.get', { id: live.pick('map', n) });
const decisionAt = (live: Live, n: number) =>
  live.read<{ id: string; revision: number; problem: Record<string, unknown> }>('decisions.get', { id: live.pick('decision', n) });
/** A session (one with participants, if any has) and the concepts of its map. */
const sessionAt = async (live: Live, n: number) => {
  const voting = live.row<{ id: string }>("SELECT id FROM sessions WHERE json_array_length(state, '$.participants') > 0 ORDER BY id", n);
  const session = await live.read<SessionView>('sessions.get', { id: voting?.id ?? live.pick('session', n) });
  const map = session && (await live.read<{ document: MapDocument }>('maps.get', { id: session.mapId }));
  return session && map && { session, concepts: map.document.concepts.map((c) => c.id) };
};
/** A bundle of an entry, a map (with its presentations) and a decision. */
const transferAt = (live: Live, n: number) =>
  live.read<{ content: string }>('transfer.export', {
    entities: [live.pick('entity', n)],
    maps: [live.pick('map', n)],
    decisions: [live.pick('decision', n)],
  });
const nth = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];

/** Known-good calls built from what exists, for the methods whose arguments are hard to hit at random. */
const NEAR_VALID: Partial<Record<MethodName, Build>> = {
  'kb.create': async (live, n) => {
    const e = await entityAt(live, n);
    return e && { content: { ...contentOf(e), title: { zh: `${e.title.zh}·${n}`, en: `${e.title.en} ${n}` } } };
  },
  'kb.update': async (live, n) => {
    const e = await entityAt(live, n);
    return e && { id: e.id, revision: e.revision, content: { ...contentOf(e), tags: [...e.tags, `fuzz-${n % 5}`] } };
  },
  'kb.restore': (live, n) => live.row('SELECT entity_id AS id, revision FROM revisions ORDER BY 1, 2', n),
  'kb.relations.create': (live, n) => {
    const r = live.row<{ kind: string; from_id: string; source: string }>('SELECT kind, from_id, source FROM relations ORDER BY id', n);
    return r && { relation: { kind: r.kind, from: r.from_id, to: live.pick('entity', n * 31), source: r.source } };
  },
  'kb.relations.update': (live, n) => {
    const r = live.row<{ id: number; source: string }>('SELECT id, source FROM relations ORDER BY id', n);
    return r && { id: r.id, note: { zh: '注释', en: `note ${n}` }, source: r.source };
  },
  'kb.import': async (live, n) => {
    const format = nth(['markdown', 'cases-csv', 'bundle'] as const, n)!;
    const file = await live.read<{ content: string }>('kb.export', format === 'markdown' ? { format, id: live.pick('entity', n) } : { format });
    return file && { format, content: file.content, onConflict: nth(['fail', 'keep', 'replace'], Math.floor(n / 3)) };
  },
  'maps.create': async (live, n) => ({ title: `Fuzz map ${n}`, document: (await mapAt(live, n))?.document ?? live.examples.map }),
  'maps.save': async (live, n) => {
    const map = await mapAt(live, n);
    const concept = map && nth(map.document.concepts, n);
    if (!map || !concept) return map;
    const document = n % 2 ? deleteNodes(map.document, [concept.id]) : moveNodes(map.document, { [concept.id]: { x: n % 500, y: -(n % 300) } });
    return { id: map.id, revision: map.revision, document };
  },
  'maps.import': async (live, n) => {
    if (n % 2) return { format: 'mermaid', content: 'flowchart LR\n  A[云] -->|sells| B(Subscription)\n  subgraph R [Revenue]\n    B --> C{Margin}\n  end\n', fileName: 'fuzz.mmd' };
    const file = await live.read<{ content: string }>('maps.export', { id: live.pick('map', n), format: 'cxl' });
    return file && { format: 'cxl', content: file.content, fileName: 'fuzz.cxl' };
  },
  'presentations.save': async (live, n) => {
    const p = await live.read<{ id: string; mapId: string; revision: number; document: PresentationDocument }>('presentations.get', { id: live.pick('presentation', n) });
    const map = p && (await live.read<{ document: MapDocument }>('maps.get', { id: p.mapId }));
    if (!p || !map) return p;
    const reveal = map.document.concepts.filter((_, i) => i % 3 === n % 3).map((c) => c.id);
    const step = { id: `fuzz-${n}`, title: `Step ${n}`, camera: n % 2 ? null : { x: 0, y: 0, width: 400, height: 300 }, reveal, highlight: reveal.slice(0, 1), notes: '', detours: [] };
    return { id: p.id, revision: p.revision, document: { ...p.document, steps: [...p.document.steps.filter((s) => s.id !== step.id), step] } };
  },
  'presentations.create': (live, n) => ({ mapId: live.pick('map', n), title: `Walk ${n}`, from: n % 3 ? 'reveal' : 'empty' }),
  'sessions.start': (live, n) => ({ presentationId: live.pick('presentation', n) }),
  'sessions.show': (live, n) => ({ id: live.pick('session', n), position: { step: n % 4, detour: null }, black: n % 5 === 0 }),
  'sessions.addParticipant': (live, n) => ({ id: live.pick('session', n), name: `参与者 ${n}`, budget: 1 + (n % 5) }),
  'sessions.removeParticipant': async (live, n) => {
    const at = await sessionAt(live, n);
    return at && { id: at.session.id, participant: nth(at.session.state.participants, n)?.id ?? 'v1' };
  },
  'sessions.vote': async (live, n) => {
    const at = await sessionAt(live, n);
    return at && { id: at.session.id, participant: nth(at.session.state.participants, n)?.id ?? 'v1', concept: nth(at.concepts, n), delta: n % 3 ? 1 : -1 };
  },
  'sessions.park': (live, n) => ({ id: live.pick('session', n), text: `Idea ${n}: 数据飞轮` }),
  'sessions.unpark': async (live, n) => {
    const at = await sessionAt(live, n);
    return at && { id: at.session.id, idea: nth(at.session.state.parked, n)?.id ?? 'k1' };
  },
  'sessions.addConcept': async (live, n) => {
    const at = await sessionAt(live, n);
    return at && { id: at.session.id, label: `Live ${n}`, near: n % 3 ? nth(at.concepts, n) : null, phrase: n % 2 ? 'relates to' : undefined };
  },
  'sessions.addProposition': async (live, n) => {
    const at = await sessionAt(live, n);
    return at && { id: at.session.id, from: nth(at.concepts, n), phrase: `links ${n}`, to: nth(at.concepts, n + 1) };
  },
  'sessions.report': (live, n) => ({ id: live.pick('session', n), format: nth(['markdown', 'json', 'pdf'], n), lang: n % 2 ? 'zh' : 'en' }),
  'transfer.preview': async (live, n) => ({ content: (await transferAt(live, n))?.content }),
  'transfer.import': async (live, n) => {
    const file = await transferAt(live, n);
    const preview = file && (await live.read<{ conflicts: { key: string }[] }>('transfer.preview', { content: file.content }));
    const resolutions = Object.fromEntries((preview?.conflicts ?? []).map((c, i) => [c.key, nth(['keep', 'replace', 'copy'], n + i)]));
    return file && { content: file.content, resolutions };
  },
  'decisions.create': async (live, n) => ({ problem: { ...((await decisionAt(live, n))?.problem ?? live.examples.problem), title: `Fuzz decision ${n}` } }),
  'decisions.save': async (live, n) => {
    const d = await decisionAt(live, n);
    return d && { id: d.id, revision: d.revision, problem: { ...d.problem, title: `${String(d.problem.title)} · ${n}` } };
  },
};

interface Mutation {
  at: number;
  op: 'replace' | 'remove' | 'add';
  key: string;
  value: unknown;
}
const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'remove', 'add'), key: EXTRA_KEYS, value: junk });

type Path = (string | number)[];
type Node = Record<string | number, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** Every place in a JSON value (to a sane depth), as paths from the root. */
function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (isNode(value) && path.length < 40) for (const [key, child] of Object.entries(value)) places(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

/** Replaces, removes or adds one value somewhere in a freshly parsed payload. */
function mutate(root: unknown, m: Mutation): unknown {
  const all = places(root);
  const path = all[m.at % all.length]!;
  if (path.length === 0 && m.op === 'replace') return m.value;
  const target = path.reduce<unknown>((node, key) => (node as Node)[key], root);
  if (m.op === 'add' && isNode(target)) withKeys(target, [[Array.isArray(target) ? target.length : m.key, m.value]]);
  if (path.length === 0 || m.op === 'add') return root;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Node)[key], root) as Node;
  const last = path.at(-1)!;
  if (m.op === 'replace') withKeys(parent, [[last, m.value]]);
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else Reflect.deleteProperty(parent, last);
  return root;
}

// ---------------------------------------------------------------- calls

type Call =
  | { method: string; kind: 'json' | 'keys' | 'schema'; payload: unknown }
  | { method: MethodName; kind: 'near'; n: number; mutations: Mutation[] };

function callsOf(method: MethodName): fc.Arbitrary<Call> {
  const options: fc.WeightedArbitrary<Call>[] = [
    { weight: 2, arbitrary: anyJson.map((payload) => ({ method, kind: 'json' as const, payload })) },
    { weight: 3, arbitrary: byKeys(method).map((payload) => ({ method, kind: 'keys' as const, payload })) },
    { weight: 4, arbitrary: drawn(api[method].input as z.ZodType, { method, key: '', depth: 0 }).map((payload) => ({ method, kind: 'schema' as const, payload })) },
  ];
  if (NEAR_VALID[method]) {
    const mutations = fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutation, { minLength: 1, maxLength: 3 }));
    options.push({ weight: 4, arbitrary: fc.record({ n: fc.nat({ max: 10_000 }), mutations }).map(({ n, mutations: ms }) => ({ method, kind: 'near' as const, n, mutations: ms })) });
  }
  return fc.oneof(...options);
}

const UNKNOWN_METHODS = fc.oneof(fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'kb.get ', 'KB.GET', 'kb', ''), fc.string({ maxLength: 20 }));
const byMethod = new Map(METHODS.map((m) => [m, callsOf(m)]));
const calls: fc.Arbitrary<Call> = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(...METHODS).chain((m) => byMethod.get(m)!) },
  { weight: 1, arbitrary: fc.record({ method: UNKNOWN_METHODS, kind: fc.constant('json' as const), payload: anyJson }) },
);

/** The arguments a call sends: near-valid ones are built from the workspace and mutated, one JSON trip per mutation. */
async function argsOf(call: Call, live: Live): Promise<unknown> {
  if (call.kind !== 'near') return overJson(call.payload, live);
  let args = overJson(await NEAR_VALID[call.method]!(live, call.n), live);
  for (const m of call.mutations) args = overJson(mutate(args, m), live);
  return args;
}

// ---------------------------------------------------------------- checks

/** What is wrong with an answer, if anything. */
function answerFault(method: string, result: ApiResult<unknown>): string | undefined {
  if (!isMethodName(method)) return !result.ok && result.error.code === 'unknown_method' ? undefined : 'an unknown method was not refused as unknown_method';
  try {
    JSON.stringify(result);
  } catch (error) {
    return `the answer is not JSON: ${String(error)}`;
  }
  if (result.ok) {
    const parsed = api[method].output.safeParse(result.value);
    return parsed.success ? undefined : `the value fails the output schema: ${z.prettifyError(parsed.error).slice(0, 400)}`;
  }
  const { error } = result;
  if (!ApiErrorSchema.safeParse(error).success || error.message.trim() === '') return `malformed error: ${JSON.stringify(error).slice(0, 300)}`;
  if (error.code === 'internal') return `internal error: ${error.message.slice(0, 300)}`;
  const problems = error.details?.problems;
  if (error.code === 'invalid_args' && (!Array.isArray(problems) || problems.length === 0 || !problems.every((p) => Array.isArray(p.path))))
    return 'invalid_args without problems and their paths';
  return undefined;
}

/**
 * Proves that rejected calls leave the workspace unchanged without a full digest after each of
 * 10k calls: a call can only have changed content if `total_changes()` moved on the server's
 * connection (a write was attempted, even one rolled back) or `data_version` did (another
 * connection committed: imports write through their own). Only then is a digest of every row
 * (`contentDigest`, FTS shadow tables included: 7–15 ms as history grows) compared with the one
 * taken before. That one is cached, and retaken lazily before a writing method's call once a
 * write has succeeded since (about a thousand digests a run); read-only methods must not move the
 * counters at all.
 */
class ChangeWatch {
  private digest: string | undefined;
  private watched: Workspace;
  digests = 0;
  constructor(private readonly server: Server) {
    this.watched = server.context.workspace;
  }
  private get workspace() {
    return this.server.context.workspace;
  }
  private take(): string {
    this.digests++;
    return contentDigest(this.workspace.path);
  }
  counters(): string {
    const { db } = this.workspace;
    return `${String(db.prepare('SELECT total_changes()').pluck().get())}/${String(db.pragma('data_version', { simple: true }))}`;
  }
  before(writes: boolean): string {
    if (this.workspace !== this.watched) [this.watched, this.digest] = [this.workspace, undefined];
    if (writes && this.digest === undefined) this.digest = this.take();
    return this.counters();
  }
  /** What is wrong with what the call did to the workspace, if anything. */
  after(before: string, writes: boolean, ok: boolean): string | undefined {
    if (this.workspace.db.inTransaction) return 'the call left a transaction open';
    // workspace.open, .new and the like switch to another file, with counters of its own
    if (this.workspace !== this.watched) return ok ? undefined : 'a rejected call switched the workspace';
    if (this.counters() === before) return undefined;
    const previous = this.digest;
    this.digest = ok ? undefined : this.take();
    if (!writes) return 'a read-only method wrote to the workspace';
    return ok || this.digest === previous ? undefined : 'a rejected call changed the workspace';
  }
}

interface Tally {
  calls: number;
  ok: number;
  ms: number;
  codes: Record<string, number>;
}

interface Fault {
  method: string;
  fault: string;
  args: string;
  times: number;
}

/** Runs the calls, tallying answers and collecting faults (each kind once, with its first arguments). */
function fuzzer(server: Server, files: string, examples: Examples) {
  const live = new Live(server, files, examples);
  const first = server.context.workspace.path;
  const watch = new ChangeWatch(server);
  const tally = new Map<string, Tally>();
  const faults = new Map<string, Fault>();
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;

  const fault = (method: string, what: string, args: unknown) => {
    const key = `${method}: ${what.slice(0, 80)}`;
    const known = faults.get(key);
    if (known) known.times++;
    else faults.set(key, { method, fault: what, args: (JSON.stringify(args) ?? 'undefined').slice(0, 600), times: 1 });
  };

  async function run(call: Call): Promise<void> {
    live.refresh();
    const args = await argsOf(call, live);
    const writes = isMethodName(call.method) && api[call.method].writes;
    const before = watch.before(writes);
    const started = performance.now();
    let result: ApiResult<unknown>;
    try {
      result = await server.router.call(call.method, args);
    } catch (error) {
      fault(call.method, `router.call threw: ${String(error)}`, args);
      return;
    }
    const t = tally.get(call.method) ?? { calls: 0, ok: 0, ms: 0, codes: {} };
    tally.set(call.method, t);
    t.calls++;
    t.ms += performance.now() - started;
    if (result.ok) t.ok++;
    else t.codes[result.error.code] = (t.codes[result.error.code] ?? 0) + 1;
    for (const what of [answerFault(call.method, result), watch.after(before, writes, result.ok)]) if (what) fault(call.method, what, args);
    if (Object.getOwnPropertyNames(Object.prototype).length !== prototypeKeys) fault(call.method, 'Object.prototype was polluted', args);
    // back to the seeded workspace after a switch, so the calls that follow reach deep code paths
    if (server.context.workspace.path !== first) await ok(server.router, 'workspace.open', { path: first });
  }

  return { run, tally, faults, watch };
}

function summary(tally: Map<string, Tally>, seed: number, ms: number, digests: number): string {
  const rows = [...tally].filter(([m]) => isMethodName(m)).sort(([a], [b]) => a.localeCompare(b));
  const unknown = [...tally].filter(([m]) => !isMethodName(m)).reduce((n, [, t]) => n + t.calls, 0);
  const total = rows.reduce((n, [, t]) => n + t.calls, 0);
  const ok = rows.reduce((n, [, t]) => n + t.ok, 0);
  const codes: Record<string, number> = {};
  for (const [, t] of rows) for (const [code, n] of Object.entries(t.codes)) codes[code] = (codes[code] ?? 0) + n;
  const lines = rows.map(
    ([m, t]) =>
      `  ${m.padEnd(26)} ${String(t.calls).padStart(4)} calls ${String(t.ok).padStart(4)} ok ${(t.ms / 1000).toFixed(1).padStart(5)} s  ${Object.entries(t.codes).map(([c, n]) => `${c} ${n}`).join(', ')}`,
  );
  return [
    `API fuzz, seed ${seed}: ${total} calls to ${rows.length} methods (+${unknown} to unknown names) in ${(ms / 1000).toFixed(1)} s; ${ok} ok, ${total - ok} rejected; ${digests} digests`,
    `  error codes: ${Object.entries(codes).map(([c, n]) => `${c} ${n}`).join(', ')}`,
    ...lines,
  ].join('\n');
}

describe('the API under fuzzing', () => {
  const server = useServer();
  const tempDir = useTempDir();

  it('answers every payload with a valid value or a well-formed error, and rejected calls change nothing', { timeout: 180_000 }, async () => {
    const files = tempDir();
    const s = server({ dbPath: path.join(files, 'fuzz.swb') });
    const examples: Examples = {
      map: (await ok<{ document: MapDocument }>(s.router, 'maps.get', { id: 'infrastructure-concept-map' })).document,
      problem: (await ok<Examples>(s.router, 'decisions.get', { id: 'profit-model-for-infrastructure' })).problem,
    };
    const { run, tally, faults, watch } = fuzzer(s, files, examples);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const started = performance.now();
    try {
      await fc.assert(fc.asyncProperty(calls, (call) => run(call)), { seed: SEED, numRuns: RUNS });
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    console.log(summary(tally, SEED, performance.now() - started, watch.digests));

    expect([...faults.values()]).toEqual([]);
    expect(unhandled).toEqual([]);
    for (const method of METHODS) expect(tally.get(method)?.calls ?? 0, `${method} was called too rarely`).toBeGreaterThanOrEqual(50);
    expect(METHODS.reduce((n, m) => n + (tally.get(m)?.calls ?? 0), 0)).toBeGreaterThanOrEqual(10_000);
    expect(s.context.workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('stays clear of what it found', async () => {
    const { router } = server({ seed: false });
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const create = (concepts: { id: string; label: string }[], layout = {}) =>
      ok<{ id: string }>(router, 'maps.create', { title: 'found', document: { title: 'found', concepts, phrases: [], layout } });

    // Ids that plain objects inherit crashed dagre's layout or polluted Object.prototype: they are
    // refused as ids, and renamed when a Mermaid file uses them.
    for (const id of ['__proto__', 'constructor'])
      expect(
        await router.call('maps.create', {
          title: id,
          document: { title: id, concepts: [{ id, label: 'A' }, { id: 'b', label: 'B' }], phrases: [{ id: 'p', label: 'x', from: [id], to: ['b'] }] },
        }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const imported = await ok<{ concepts: { id: string; label: string }[] }>(router, 'maps.import', { format: 'mermaid', content: 'flowchart TD\n  __proto__ --> constructor\n' });
    expect(imported.concepts.map((c) => c.label)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    // A coordinate near the largest double made a midpoint overflow to Infinity, stored as null:
    // the map could never be read again. Coordinates are bounded now.
    expect(await router.call('maps.create', { title: 'far', document: { title: 'far', concepts: [{ id: 'a', label: 'A' }], phrases: [], layout: { a: { x: 1e308, y: 0 } } } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    // a control character made the SVG invalid XML, which the PNG renderer refused
    await ok(router, 'maps.export', { id: (await create([{ id: 'a', label: 'a\u0000b' }])).id, format: 'png' });
    // a picture too large to draw is refused, not a WebAssembly trap
    const far = await create([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], { a: { x: 1e7, y: 0 }, b: { x: 0, y: 0 } });
    expect(await router.call('maps.export', { id: far.id, format: 'png' })).toMatchObject({ ok: false, error: { code: 'too_large' } });
    // a NUL in a file name reached the file system
    expect(await router.call('workspace.saveAs', { path: path.join(tempDir(), 'a\u0000b') })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });
});
