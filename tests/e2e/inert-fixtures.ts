import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printDecisionCsv } from '../../core/decision/csv.ts';
import type { DecisionProblemInput } from '../../core/decision/schema.ts';
import { printBundle, type BundleRelation } from '../../core/formats/bundle.ts';
import { printCasesCsv } from '../../core/formats/cases-csv.ts';
import { printEntityMarkdown } from '../../core/formats/entity-markdown.ts';
import { printCxl } from '../../core/graph/cxl.ts';
import { printMermaid } from '../../core/graph/mermaid.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import type { Entity, EntityContent } from '../../core/model/entity.ts';
import type { Bilingual } from '../../core/model/text.ts';

/**
 * Hostile files for tests/e2e/inert.test.ts: a knowledge base (JSON bundle, CSV of cases,
 * Markdown entry), two maps (Mermaid, CXL) and two decisions (JSON, CSV) whose every text field
 * carries one of PAYLOADS. The files are written with the app's own printers, so each payload
 * arrives in the workspace exactly as written here and the test knows what each screen must show.
 */

/** Every payload, used for every text a file or a user supplies. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"><script>window.__pwned=4</script></svg>',
  '[click](javascript:window.__pwned=5)',
  '<a href="javascript:window.__pwned=6">x</a>',
  '<iframe src="javascript:window.__pwned=7">',
  '"><img src=x onerror=window.__pwned=8>',
  '<style>body{background:url(https://evil.example/x)}</style>',
  '<img src="https://evil.example/p.png">',
  '![x](https://evil.example/m.png)',
  '[data](data:text/html,<script>window.__pwned=9</script>)',
  '=HYPERLINK("https://evil.example")',
  '中文<b onmouseover="window.__pwned=10">粗体</b>与<img src=x onerror="window.__pwned=11">混排',
] as const;

/** PAYLOADS[i], cycling. */
export const P = (i: number): string => PAYLOADS[i % PAYLOADS.length] ?? '';
/** The Chinese side of a bilingual text: Chinese words around the payload. */
export const zhOf = (text: string): string => `注入测试：${text}（中文）`;
const both = (i: number): Bilingual => ({ zh: zhOf(P(i)), en: P(i) });

// ---------------------------------------------------------------------------------------------
// The knowledge base

export const IDS = {
  bundleCase: 'case/inert-bundle-case',
  model: 'model/inert-model',
  organisation: 'organisation/inert-org',
  lesson: 'lesson/inert-lesson',
  csvCase: 'case/inert-csv-case',
  mdStrategy: 'strategy/inert-md-strategy',
} as const;

/** A section of the bundle, and the source of its entities: its id and title are payloads too. */
export const SECTION = { id: P(6), title: both(11) };

const at = '2026-01-01T00:00:00.000Z';
const entity = (id: string, content: Omit<EntityContent, 'attrs' | 'texts' | 'lists' | 'tags'> & Partial<EntityContent>): Entity => ({
  attrs: {},
  texts: {},
  lists: {},
  tags: [],
  ...content,
  id,
  origin: 'user',
  revision: 1,
  createdAt: at,
  updatedAt: at,
});

export const BUNDLE_ENTITIES: Entity[] = [
  entity(IDS.bundleCase, {
    kind: 'case',
    title: both(0),
    summary: { zh: zhOf(P(1)), en: `${P(1)} ${P(3)}` },
    attrs: { outcome: 'failure' },
    texts: { product: both(2) },
    lists: { factors: [both(4), both(5)], practices: [both(6)], lessons: [both(7)] },
    tags: [P(0), P(8)],
    source: SECTION.id,
  }),
  entity(IDS.model, { kind: 'model', title: both(5), summary: both(9), lists: { advantages: [both(11)], examples: [both(12)] }, source: P(10) }),
  entity(IDS.organisation, { kind: 'organisation', title: both(9), summary: both(10), source: P(3) }),
  entity(IDS.lesson, { kind: 'lesson', title: both(7), summary: both(8), tags: [P(6)], source: P(4) }),
];

export const BUNDLE_RELATIONS: BundleRelation[] = [
  { kind: 'uses-model', from: IDS.bundleCase, to: IDS.model, note: both(2), source: P(0), origin: 'user' },
  { kind: 'run-by', from: IDS.bundleCase, to: IDS.organisation, note: both(3), source: P(1), origin: 'user' },
  { kind: 'teaches', from: IDS.bundleCase, to: IDS.lesson, note: both(4), source: P(2), origin: 'user' },
];

/** A case as a spreadsheet row: the formula-looking cell is its title. */
export const CSV_CASE: Entity = entity(IDS.csvCase, {
  kind: 'case',
  title: both(11),
  summary: both(1),
  attrs: { outcome: 'success' },
  texts: { product: both(10) },
  lists: { factors: [both(0), both(6)], practices: [both(8)], lessons: [both(12)] },
  tags: [P(1)],
  source: P(7),
});
const CSV_RELATIONS = [
  { kind: 'uses-model' as const, from: IDS.csvCase, to: IDS.model, note: { zh: '', en: '' }, source: P(7) },
  { kind: 'run-by' as const, from: IDS.csvCase, to: IDS.organisation, note: { zh: '', en: '' }, source: P(7) },
];

/** One entry as Markdown, with Markdown links and images in its summary and list. */
export const MD_STRATEGY: EntityContent & { id: string } = {
  id: IDS.mdStrategy,
  kind: 'strategy',
  title: both(3),
  summary: { zh: zhOf(P(9)), en: `${P(9)}\n\n${P(10)}\n\n${P(0)}` },
  attrs: {},
  texts: {},
  lists: { methods: [both(0), both(6), both(2)] },
  tags: [P(3)],
  source: P(12),
};
const MD_RELATIONS = [{ kind: 'related-to' as const, from: IDS.mdStrategy, to: IDS.bundleCase, note: both(12), source: P(5) }];

// ---------------------------------------------------------------------------------------------
// Maps

const node = (id: string, label: string) => ({ id, label, entity: null, style: {} });
const phrase = (id: string, label: string, from: string, to: string) => ({
  id,
  label,
  from: [from],
  to: [to],
  style: { line: 'solid' as const, head: 'arrow' as const, tail: 'none' as const },
});
const settings = { direction: 'TB' as const, layout: 'layered' as const };

export const MERMAID_MAP: MapDocument = {
  title: P(0),
  concepts: [node('c1', P(1)), node('c2', P(2)), node('c3', P(8)), node('c4', P(12))],
  phrases: [phrase('p1', P(3), 'c1', 'c2'), phrase('p2', P(5), 'c2', 'c3'), phrase('p3', P(10), 'c3', 'c4')],
  groups: [{ id: 'g1', title: P(7), parent: null, members: ['c1', 'c2'], collapsed: false }],
  layout: {},
  settings,
};

/**
 * What a hand-written flowchart adds: raw HTML in a quoted label (not entity-encoded as the printer
 * writes it), a click callback and a style with a remote url (both dropped, and said so).
 */
export const MERMAID_RAW = { id: 'raw1', label: P(0), phrase: P(7) };
const MERMAID_EXTRAS = [
  `${MERMAID_RAW.id}["${MERMAID_RAW.label}"] -->|"${MERMAID_RAW.phrase}"| c1`,
  'click c1 "javascript:window.__pwned=12"',
  'style c3 fill:url(https://evil.example/f.svg#p)',
];

export const CXL_MAP: MapDocument = {
  title: P(6),
  concepts: [node('k1', P(4)), node('k2', P(9)), node('k3', P(11))],
  phrases: [phrase('q1', P(0), 'k1', 'k2'), phrase('q2', P(12), 'k2', 'k3')],
  groups: [],
  layout: { k1: { x: 200, y: 100, pinned: false }, q1: { x: 200, y: 220, pinned: false }, k2: { x: 200, y: 340, pinned: false }, q2: { x: 200, y: 460, pinned: false }, k3: { x: 200, y: 580, pinned: false } },
  settings,
};

// ---------------------------------------------------------------------------------------------
// Decisions

export const DECISION: DecisionProblemInput = {
  title: P(4),
  alternatives: [
    { id: 'a1', name: P(1), entity: IDS.bundleCase },
    { id: 'a2', name: P(6) },
    // No name: the id is what the screen shows.
    { id: P(5) },
  ],
  criteria: [
    { id: 'c1', name: P(2), type: 'benefit', weight: 2 },
    { id: 'c2', name: P(12), type: 'cost', weight: 1 },
  ],
  matrix: [[5, 2], [3, 4], [1, 1]],
  method: 'wsm',
  evidence: [{ alternative: 'a1', criterion: 'c1', entity: IDS.bundleCase, note: P(10) }],
  participants: [{ name: P(7), weights: [2, 1] }],
};

/** A matrix CSV: its title is the file's name, its names are cells (one looks like a formula). */
export const DECISION_CSV_NAME = `${P(6)}.csv`;
export const DECISION_CSV_TITLE = P(6);
export const DECISION_CSV: DecisionProblemInput = {
  alternatives: [
    { id: 'x1', name: P(11) },
    { id: 'x2', name: P(9) },
  ],
  criteria: [
    { id: 'k1', name: P(0), type: 'benefit', weight: 1 },
    { id: 'k2', name: P(3), type: 'benefit', weight: 1 },
  ],
  matrix: [[1, 2], [2, 1]],
  method: 'wsm',
};

// ---------------------------------------------------------------------------------------------

export interface InertFiles {
  bundle: string;
  casesCsv: string;
  /** A CSV whose outcome cell is a payload: the import refuses it and shows the cell's text in its message. */
  badCasesCsv: string;
  markdown: string;
  mermaid: string;
  cxl: string;
  decisionJson: string;
  decisionCsv: string;
}

/** Writes every file into `dir` and answers their paths. */
export function writeInertFiles(dir: string): InertFiles {
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  return {
    bundle: write('inert.json', printBundle({ sections: [SECTION], entities: BUNDLE_ENTITIES, relations: BUNDLE_RELATIONS })),
    casesCsv: write('inert-cases.csv', printCasesCsv([CSV_CASE], CSV_RELATIONS)),
    badCasesCsv: write('inert-bad.csv', printCasesCsv([{ ...CSV_CASE, id: 'case/inert-bad', attrs: { outcome: P(1) } }], [])),
    markdown: write('inert-strategy.md', printEntityMarkdown(MD_STRATEGY, MD_RELATIONS)),
    mermaid: write('inert.mmd', `${printMermaid(MERMAID_MAP)}${MERMAID_EXTRAS.join('\n')}\n`),
    cxl: write('inert.cxl', printCxl(CXL_MAP)),
    decisionJson: write('inert-decision.json', `${JSON.stringify(DECISION, null, 2)}\n`),
    decisionCsv: write('inert-decision.csv', printDecisionCsv(DECISION_CSV)),
  };
}
