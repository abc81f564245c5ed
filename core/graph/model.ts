import { z } from 'zod';

/**
 * A concept map, as a plain serialisable document. Meaning (concepts, linking phrases, groups)
 * and geometry (positions, pins) and styles are kept apart: a layout only ever rewrites
 * `layout`, never the propositions.
 *
 * Propositions follow concept-mapping practice (and CmapTools' model): a linking phrase is a node
 * of its own with incoming connections from one or more concepts and outgoing connections to one
 * or more concepts. Each (source, phrase, target) triple is one proposition, so "A —uses→ B, C"
 * is one phrase with two targets. A Mermaid edge `A -->|uses| B` becomes a phrase with one source
 * and one target; an unlabelled edge becomes a phrase with an empty label.
 */

/**
 * Names every plain object inherits (`__proto__`, `constructor`, `toString`…). Node ids key plain
 * objects (a map's layout, dagre's graph), where these would read inherited values, so they are
 * not ids; importers rename them (withSafeIds in roundtrip.ts).
 */
export const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const NodeId = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => !INHERITED_NAMES.has(id), 'is a name JavaScript objects reserve; choose another id');

/** Coordinates within ±10 million: far beyond any map, and midpoints and sums of them never overflow. */
export const MAX_COORDINATE = 1e7;
const Coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);

export const SHAPES = [
  'rect',
  'round',
  'stadium',
  'subroutine',
  'cylinder',
  'circle',
  'double-circle',
  'asymmetric',
  'rhombus',
  'hexagon',
  'parallelogram',
  'parallelogram-alt',
  'trapezoid',
  'trapezoid-alt',
] as const;
export type Shape = (typeof SHAPES)[number];

export const ConceptStyle = z
  .object({
    shape: z.enum(SHAPES).optional(),
    /** A CSS colour for the fill (`#ffcc00`, `rgb(…)`, a named colour): validated on input. */
    fill: z.string().max(40).optional(),
    stroke: z.string().max(40).optional(),
    text: z.string().max(40).optional(),
    /** Scale factor relative to the default size. */
    size: z.number().min(0.25).max(4).optional(),
  })
  .strict();
export type ConceptStyle = z.infer<typeof ConceptStyle>;

export const Concept = z
  .object({
    id: NodeId,
    label: z.string().max(2000),
    /** A link to a knowledge-base entity (`case/ibm-watson`), or null for a free label. */
    entity: z.string().max(200).nullable().default(null),
    style: ConceptStyle.default({}),
  })
  .strict();
export type Concept = z.infer<typeof Concept>;

export const LINE_STYLES = ['solid', 'dotted', 'thick', 'invisible'] as const;
export const ARROW_HEADS = ['arrow', 'none', 'circle', 'cross'] as const;

export const PhraseStyle = z
  .object({
    line: z.enum(LINE_STYLES).default('solid'),
    /** What the connection to each target ends in. */
    head: z.enum(ARROW_HEADS).default('arrow'),
    /** What the connection from each source starts with (Mermaid `<-->`, CXL bidirectional). */
    tail: z.enum(ARROW_HEADS).default('none'),
  })
  .strict();
export type PhraseStyle = z.infer<typeof PhraseStyle>;

export const Phrase = z
  .object({
    id: NodeId,
    label: z.string().max(2000),
    from: z.array(NodeId).min(1),
    to: z.array(NodeId).min(1),
    style: PhraseStyle.default({ line: 'solid', head: 'arrow', tail: 'none' }),
  })
  .strict();
export type Phrase = z.infer<typeof Phrase>;

export const Group = z
  .object({
    id: NodeId,
    title: z.string().max(2000),
    /** The enclosing group, for nesting (Mermaid subgraphs inside subgraphs). */
    parent: NodeId.nullable().default(null),
    /** Concept ids directly in this group (not in a nested one). */
    members: z.array(NodeId).default([]),
    collapsed: z.boolean().default(false),
  })
  .strict();
export type Group = z.infer<typeof Group>;

export const Position = z.object({ x: Coordinate, y: Coordinate, pinned: z.boolean().default(false) }).strict();

const clampCoordinate = (v: number) => (Number.isFinite(v) ? Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, v)) : 0);

/** A layout with every coordinate brought into range: what computed layouts and live placements store. */
export function boundedLayout(layout: Record<string, { x: number; y: number; pinned: boolean }>): Record<string, { x: number; y: number; pinned: boolean }> {
  const out: Record<string, { x: number; y: number; pinned: boolean }> = {};
  for (const [id, at] of Object.entries(layout)) out[id] = { x: clampCoordinate(at.x), y: clampCoordinate(at.y), pinned: at.pinned };
  return out;
}
export type Position = z.infer<typeof Position>;

export const DIRECTIONS = ['TB', 'BT', 'LR', 'RL'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const MapSettings = z
  .object({
    direction: z.enum(DIRECTIONS).default('TB'),
    layout: z.enum(['manual', 'force', 'layered', 'radial']).default('layered'),
  })
  .strict();
export type MapSettings = z.infer<typeof MapSettings>;

export const MapDocument = z
  .object({
    title: z.string().max(500),
    concepts: z.array(Concept),
    phrases: z.array(Phrase),
    groups: z.array(Group).default([]),
    /** Geometry: positions of concepts and phrases by id. Absent ids are placed by the layout. */
    layout: z.record(NodeId, Position).default({}),
    settings: MapSettings.default({ direction: 'TB', layout: 'layered' }),
  })
  .strict();
export type MapDocument = z.infer<typeof MapDocument>;

/** One reading of the map: source concept, linking phrase, target concept. */
export interface Proposition {
  from: string;
  phrase: string;
  to: string;
  phraseId: string;
}

export function propositions(map: Pick<MapDocument, 'phrases'>): Proposition[] {
  return map.phrases.flatMap((p) => p.from.flatMap((from) => p.to.map((to) => ({ from, phrase: p.label, to, phraseId: p.id }))));
}

/** A message about something an importer could not carry over, with where it was. */
export interface Dropped {
  line?: number;
  path?: string;
  message: string;
}

export interface ImportResult {
  map: MapDocument;
  dropped: Dropped[];
}
