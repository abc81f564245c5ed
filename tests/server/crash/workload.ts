import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../../core/decision/random.ts';
import { printBundle } from '../../../core/formats/bundle.ts';
import type { MapDocument } from '../../../core/graph/model.ts';
import type { Entity } from '../../../core/model/entity.ts';
import type { PresentationDocument, Step } from '../../../core/present/model.ts';
import type { Router } from '../../../electron/server/router.ts';
import { createServer } from '../../../electron/server/server.ts';
import { SOURCE_DATA_DIR, ok } from '../../helpers/workspace.ts';

/**
 * The workloads of the crash-safety test: a workspace template and, for each operation, the one
 * call the child process (writer.ts) makes on a copy of it.
 */

export const OPERATIONS = ['import', 'save-map', 'save-decision'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What writer.ts is given: the method to call and its arguments. */
export interface Payload {
  method: string;
  args: unknown;
}

const IMPORT_ENTITIES = 20_000;
/** Seed entities the import replaces (onConflict: replace), so it also writes revisions and reindexes. */
const IMPORT_REPLACED = 150;
const MAP_CONCEPTS = 3_000;
const MAP_PRESENTATIONS = 6;
const PRESENTATION_STEPS = 30;
const DECISION_ALTERNATIVES = 3_000;

const AT = '2026-01-01T00:00:00.000Z';
const IMPORT_KINDS = ['case', 'lesson', 'insight', 'strategy', 'term', 'element'] as const;

function importBundle(seedEntities: Entity[]): string {
  const rand = mulberry32(7);
  const word = () => ['platform', 'compute', 'data', 'service', 'market', 'model', 'edge', 'cloud', 'chip', 'risk'][Math.floor(rand() * 10)]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const entities: Entity[] = [];
  for (let i = 0; i < IMPORT_ENTITIES; i++) {
    const kind = IMPORT_KINDS[i % IMPORT_KINDS.length]!;
    entities.push({
      id: `${kind}/crash-${i}`,
      kind,
      title: { zh: `崩溃测试 ${i}`, en: `Crash test ${i} ${word()}` },
      summary: { zh: `第 ${i} 条`, en: sentence(16) },
      attrs: kind === 'case' ? { outcome: i % 3 ? 'success' : 'failure' } : {},
      texts: {},
      lists: kind === 'case' ? { factors: [{ zh: '因素', en: sentence(6) }] } : {},
      tags: [`crash-${i % 20}`],
      source: `§${1 + (i % 8)}.${1 + (i % 3)}`,
      origin: 'user',
      revision: 1,
      createdAt: AT,
      updatedAt: AT,
    });
  }
  // Replaced seed entries: the import's update path (revisions, reindexing what points at them).
  for (const e of seedEntities.slice(0, IMPORT_REPLACED)) entities.push({ ...e, summary: { ...e.summary, en: `${e.summary.en} (revised by the crash test)` } });
  const relations = entities.slice(1, IMPORT_ENTITIES).map((e, i) => ({
    kind: 'related-to' as const,
    from: e.id,
    to: i % 50 === 0 ? seedEntities[i % seedEntities.length]!.id : entities[i]!.id,
    note: { zh: '', en: '' },
    source: 'crash test',
    origin: 'user' as const,
  }));
  return printBundle({ sections: [{ id: 'crash', title: { zh: '崩溃测试', en: 'Crash test' } }], entities, relations });
}

function bigMap(concepts: number, variant: number): MapDocument {
  const doc: MapDocument = { title: `Crash map ${variant}`, concepts: [], phrases: [], groups: [], layout: {}, settings: { direction: 'TB', layout: 'manual' } };
  for (let i = 0; i < concepts; i++) {
    doc.concepts.push({ id: `c${i}`, label: `Concept ${i} (${variant})`, entity: null, style: {} });
    doc.layout[`c${i}`] = { x: (i % 60) * 180 + variant, y: Math.floor(i / 60) * 120, pinned: false };
    if (i === 0) continue;
    doc.phrases.push({ id: `p${i}`, label: i % 2 ? 'leads to' : '', from: [`c${i - 1}`], to: [`c${i}`], style: { line: 'solid', head: 'arrow', tail: 'none' } });
    doc.layout[`p${i}`] = { x: (i % 60) * 180 - 90 + variant, y: Math.floor(i / 60) * 120 + 60, pinned: false };
  }
  return doc;
}

/** The saved map without every tenth concept (and its phrases), relabelled and moved. */
function editedMap(map: MapDocument): MapDocument {
  const gone = new Set(map.concepts.filter((_, i) => i % 10 === 5).map((c) => c.id));
  const phrases = map.phrases.filter((p) => !p.from.some((id) => gone.has(id)) && !p.to.some((id) => gone.has(id)));
  const kept = new Set([...map.concepts.filter((c) => !gone.has(c.id)).map((c) => c.id), ...phrases.map((p) => p.id)]);
  return {
    ...map,
    title: `${map.title}, edited`,
    concepts: map.concepts.filter((c) => !gone.has(c.id)).map((c) => ({ ...c, label: `${c.label} edited` })),
    phrases,
    layout: Object.fromEntries(Object.entries(map.layout).filter(([id]) => kept.has(id)).map(([id, p]) => [id, { ...p, x: p.x + 7, y: p.y + 3 }])),
  };
}

/** Steps revealing the map a slice at a time, each with the whole map so far: large documents. */
function presentation(map: MapDocument, n: number): PresentationDocument {
  const ids = [...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id)];
  const per = Math.ceil(ids.length / PRESENTATION_STEPS);
  const steps: Step[] = [];
  for (let s = 0; s < PRESENTATION_STEPS; s++) {
    const added = ids.slice(s * per, (s + 1) * per);
    steps.push({ id: `s${s + 1}`, title: `Step ${s + 1}`, camera: null, reveal: ids.slice(0, (s + 1) * per), highlight: added, notes: `Presentation ${n}, step ${s + 1}`, detours: [] });
  }
  return { title: `Crash walk ${n}`, steps, settings: { theme: 'dark', minLabelPx: 18, transitionMs: 0 } };
}

function bigDecision(base: Record<string, unknown>, variant: number): Record<string, unknown> {
  const criteria = base.criteria as { id: string }[];
  const alternatives = Array.from({ length: DECISION_ALTERNATIVES }, (_, i) => ({ id: `alt-${i}`, name: `Alternative ${i} (${variant})` }));
  const matrix = alternatives.map((_, i) => criteria.map((_c, j) => 1 + ((i * 7 + j * 3 + variant) % 5)));
  const evidence = alternatives.flatMap((a, i) =>
    i % 3 ? [] : criteria.map((c) => ({ alternative: a.id, criterion: c.id, entity: 'model/product-sales', note: `Variant ${variant}: why ${a.id} scores as it does on ${c.id}.` })),
  );
  return { ...base, title: `Crash decision ${variant}`, alternatives, matrix, evidence };
}

export interface Template {
  /** The prepared workspace: every kill starts from a copy of this file. */
  file: string;
  /** Each operation's payload file, for writer.ts. */
  payloads: Record<Operation, string>;
  /** The size of each operation's arguments as JSON, for the report. */
  bytes: Record<Operation, number>;
}

/**
 * Builds the template workspace in `dir`: the default knowledge base, a large map shown by
 * several large presentations, and a large decision, and writes each operation's payload.
 */
export async function buildTemplate(dir: string): Promise<Template> {
  const file = path.join(dir, 'template.swb');
  const open = () => createServer({ dbPath: file, dataDir: SOURCE_DATA_DIR, transport: 'test', appVersion: '0.0.0-crash' });
  const server = open();
  let payloads: Record<Operation, Payload>;
  try {
    payloads = await preparePayloads(server.router);
  } finally {
    server.close();
  }
  // Whatever opening writes (nothing, as it should be) is written once here, not by each child.
  open().close();
  const template = { file, payloads: {}, bytes: {} } as Template;
  for (const op of OPERATIONS) {
    const json = JSON.stringify(payloads[op]);
    template.payloads[op] = path.join(dir, `${op}.json`);
    template.bytes[op] = Buffer.byteLength(JSON.stringify(payloads[op].args));
    writeFileSync(template.payloads[op], json);
  }
  return template;
}

async function preparePayloads(router: Router): Promise<Record<Operation, Payload>> {
  const bundle = importBundle(await seedSample(router));

  const original = bigMap(MAP_CONCEPTS, 0);
  const map = await ok<{ id: string; revision: number }>(router, 'maps.create', { title: original.title, document: original });
  for (let n = 0; n < MAP_PRESENTATIONS; n++) {
    const { id, revision } = await ok<{ id: string; revision: number }>(router, 'presentations.create', { mapId: map.id, title: `Crash walk ${n}`, from: 'empty' });
    await ok(router, 'presentations.save', { id, revision, document: presentation(original, n) });
  }
  const stored = await ok<{ document: MapDocument }>(router, 'maps.get', { id: map.id });

  const [seedDecision] = await ok<{ id: string }[]>(router, 'decisions.list', {});
  const { problem } = await ok<{ problem: Record<string, unknown> }>(router, 'decisions.get', { id: seedDecision!.id });
  const decision = await ok<{ id: string; revision: number }>(router, 'decisions.create', { problem: bigDecision(problem, 0) });

  return {
    import: { method: 'kb.import', args: { format: 'bundle', content: bundle, fileName: 'crash.json', onConflict: 'replace', jobId: 'crash-import' } },
    'save-map': { method: 'maps.save', args: { id: map.id, revision: map.revision, document: editedMap(stored.document) } },
    'save-decision': { method: 'decisions.save', args: { id: decision.id, revision: decision.revision, problem: bigDecision(problem, 1) } },
  };
}

async function seedSample(router: Router): Promise<Entity[]> {
  const { items } = await ok<{ items: { id: string }[] }>(router, 'kb.list', { limit: 1000, sort: 'title' });
  const sample = items.slice(0, IMPORT_REPLACED);
  const entities: Entity[] = [];
  for (const { id } of sample) entities.push((await ok<{ entity: Entity }>(router, 'kb.get', { id })).entity);
  return entities;
}
