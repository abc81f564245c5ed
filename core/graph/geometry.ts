import type { Concept, ConceptStyle, Group, MapDocument, Phrase, PhraseStyle, Shape } from './model.ts';
import { LINE_HEIGHT, textWidth, wrapLabel } from './measure.ts';

/**
 * What a map looks like, computed from the document alone: a box per visible node with its
 * wrapped label lines, the segments between them, and the boxes of groups. The canvas, the
 * exports and the layouts all read this, so they agree on sizes.
 */

export const CONCEPT_FONT = 14;
export const PHRASE_FONT = 12;
const CONCEPT_MAX_WIDTH = 180;
const PHRASE_MAX_WIDTH = 140;
const PAD_X = 12;
const PAD_Y = 8;
const GROUP_PAD = 16;
const GROUP_TITLE = 20;
/** The group title is drawn 12 px in from the left at 12 px semibold (about 8 % wider than regular). */
const GROUP_TITLE_INSET = 12;
const GROUP_TITLE_SIZE = 12;
const groupTitleWidth = (title: string) => textWidth(title, GROUP_TITLE_SIZE) * 1.08 + 2 * GROUP_TITLE_INSET;

export interface NodeBox {
  id: string;
  kind: 'concept' | 'phrase' | 'group';
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label as written; `lines` is how it wraps. For names read aloud and tooltips. */
  label: string;
  lines: string[];
  fontSize: number;
  shape: Shape | 'text';
  style: ConceptStyle;
  /** The knowledge-base entity a concept stands for. */
  entity: string | null;
  pinned: boolean;
}

export interface Segment {
  phraseId: string;
  from: string;
  to: string;
  /** 'in': from a source concept to the phrase; 'out': from the phrase to a target concept. */
  role: 'in' | 'out';
  style: PhraseStyle;
}

export interface GroupBox {
  id: string;
  title: string;
  depth: number;
  x: number;
  y: number;
  width: number;
  height: number;
  collapsed: boolean;
}

export interface MapGeometry {
  nodes: NodeBox[];
  segments: Segment[];
  groups: GroupBox[];
  byId: Map<string, NodeBox>;
}

const sizes = new Map<string, { width: number; height: number; lines: string[]; fontSize: number }>();
const SIZE_CACHE_LIMIT = 50_000;

/**
 * A node's size from its label: wrapped lines plus padding (phrases have no box). Memoised by
 * label, kind and style, since a drag recomputes the geometry of every node on every frame.
 */
export function measureNode(
  label: string,
  kind: 'concept' | 'phrase' | 'group',
  style: ConceptStyle = {},
): { width: number; height: number; lines: string[]; fontSize: number } {
  const key = `${kind}\u0000${style.shape ?? ''}\u0000${style.size ?? 1}\u0000${label}`;
  let size = sizes.get(key);
  if (!size) {
    if (sizes.size > SIZE_CACHE_LIMIT) sizes.clear();
    size = computeNodeSize(label, kind, style);
    sizes.set(key, size);
  }
  return size;
}

function computeNodeSize(
  label: string,
  kind: 'concept' | 'phrase' | 'group',
  style: ConceptStyle = {},
): { width: number; height: number; lines: string[]; fontSize: number } {
  const scale = style.size ?? 1;
  const fontSize = (kind === 'phrase' ? PHRASE_FONT : CONCEPT_FONT) * scale;
  const maxWidth = (kind === 'phrase' ? PHRASE_MAX_WIDTH : CONCEPT_MAX_WIDTH) * scale;
  const lines = wrapLabel(label, maxWidth, fontSize);
  const textW = Math.max(...lines.map((l) => textWidth(l, fontSize)), kind === 'phrase' ? 0 : fontSize * 2);
  const textH = lines.length * fontSize * LINE_HEIGHT;
  if (kind === 'phrase') return { width: textW + 6, height: Math.max(textH, 4) + 2, lines, fontSize };
  const round = style.shape === 'circle' || style.shape === 'double-circle';
  const width = textW + PAD_X * 2;
  const height = textH + PAD_Y * 2;
  if (round) {
    const d = Math.max(width, height) * 1.05;
    return { width: d, height: d, lines, fontSize };
  }
  if (style.shape === 'rhombus' || style.shape === 'hexagon') return { width: width * 1.4, height: height * 1.4, lines, fontSize };
  return { width, height, lines, fontSize };
}

/** Which groups are hidden inside a collapsed ancestor, and which collapsed group shows for a concept. */
function collapseMap(groups: readonly Group[]): { shownAs: Map<string, string>; hiddenGroups: Set<string> } {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const collapsedAncestor = (group: Group): Group | undefined => {
    let found: Group | undefined;
    for (let g: Group | undefined = group, guard = 0; g && guard < 64; g = g.parent ? byId.get(g.parent) : undefined, guard++)
      if (g.collapsed) found = g;
    return found;
  };
  const shownAs = new Map<string, string>();
  const hiddenGroups = new Set<string>();
  for (const group of groups) {
    const top = collapsedAncestor(group);
    if (!top) continue;
    if (top.id !== group.id) hiddenGroups.add(group.id);
    for (const member of group.members) shownAs.set(member, top.id);
  }
  return { shownAs, hiddenGroups };
}

/** Boxes reused while a concept and its position object are unchanged (drags move one node). */
const conceptBoxes = new WeakMap<Concept, { position: unknown; box: NodeBox }>();

function conceptBox(concept: Concept, position: { x: number; y: number; pinned: boolean } | undefined): NodeBox {
  const cached = conceptBoxes.get(concept);
  if (cached && cached.position === position) return cached.box;
  const box = newConceptBox(concept, position);
  conceptBoxes.set(concept, { position, box });
  return box;
}

function newConceptBox(concept: Concept, position: { x: number; y: number; pinned: boolean } | undefined): NodeBox {
  const size = measureNode(concept.label, 'concept', concept.style);
  return {
    id: concept.id,
    kind: 'concept',
    label: concept.label,
    x: position?.x ?? 0,
    y: position?.y ?? 0,
    ...size,
    shape: concept.style.shape ?? 'round',
    style: concept.style,
    entity: concept.entity,
    pinned: position?.pinned ?? false,
  };
}

/** The same for phrases, so a drag leaves every other box (and what was drawn from it) as it was. */
const phraseBoxes = new WeakMap<Phrase, { position: unknown; labelScale: number; box: NodeBox }>();

function phraseBox(phrase: Phrase, position: { x: number; y: number; pinned: boolean } | undefined, labelScale = 1): NodeBox {
  const cached = phraseBoxes.get(phrase);
  if (cached && cached.position === position && cached.labelScale === labelScale) return cached.box;
  const size = measureNode(phrase.label, 'phrase', labelScale === 1 ? {} : { size: labelScale });
  const box: NodeBox = { id: phrase.id, kind: 'phrase', label: phrase.label, x: position?.x ?? 0, y: position?.y ?? 0, ...size, shape: 'text', style: {}, entity: null, pinned: position?.pinned ?? false };
  phraseBoxes.set(phrase, { position, labelScale, box });
  return box;
}

/** A phrase's segments while no group is collapsed (the usual case), reused until the phrase changes. */
const phraseSegments = new WeakMap<Phrase, Segment[]>();

function segmentsOf(phrase: Phrase, shownAs: ReadonlyMap<string, string>): Segment[] {
  const cached = shownAs.size === 0 ? phraseSegments.get(phrase) : undefined;
  if (cached) return cached;
  const from = [...new Set(phrase.from.map((id) => shownAs.get(id) ?? id))];
  const to = [...new Set(phrase.to.map((id) => shownAs.get(id) ?? id))];
  const segments: Segment[] = [
    ...from.map((f): Segment => ({ phraseId: phrase.id, from: f, to: phrase.id, role: 'in', style: phrase.style })),
    ...to.map((t): Segment => ({ phraseId: phrase.id, from: phrase.id, to: t, role: 'out', style: phrase.style })),
  ];
  if (shownAs.size === 0) phraseSegments.set(phrase, segments);
  return segments;
}

export interface GeometryOptions {
  /**
   * Grows every label (and its box, around the same centre) by this factor: the projector theme's
   * minimum label size. Positions never change, so nothing moves in front of the room.
   */
  labelScale?: number;
}

type MapContent = Pick<MapDocument, 'concepts' | 'phrases' | 'groups' | 'layout'>;

/**
 * The last geometry of a map's content and the position each of its boxes was built from (boxes
 * are its concepts then its phrases; kept only when no group is collapsed). While only positions
 * change (a drag), the next geometry is this one with the moved boxes replaced.
 */
interface Previous {
  phrases: readonly Phrase[];
  groups: readonly Group[];
  geometry: MapGeometry;
  positions: unknown[];
}

const previous = new WeakMap<readonly Concept[], Previous>();

export function mapGeometry(map: MapContent, options: GeometryOptions = {}): MapGeometry {
  const labelScale = options.labelScale ?? 1;
  const last = labelScale === 1 ? previous.get(map.concepts) : undefined;
  const moved = last && last.phrases === map.phrases && last.groups === map.groups ? movedGeometry(map, last) : null;
  if (moved) return moved;
  const geometry = freshGeometry(map, labelScale);
  if (labelScale === 1 && !map.groups.some((g) => g.collapsed))
    previous.set(map.concepts, { phrases: map.phrases, groups: map.groups, geometry, positions: geometry.nodes.map((n) => map.layout[n.id]) });
  return geometry;
}

/** The previous geometry with the boxes whose positions changed replaced; null when most did (building afresh is as quick). */
function movedGeometry(map: MapContent, last: Previous): MapGeometry | null {
  const { geometry, positions } = last;
  const changed: number[] = [];
  for (let i = 0; i < geometry.nodes.length; i++) if (map.layout[geometry.nodes[i]?.id ?? ''] !== positions[i]) changed.push(i);
  if (changed.length === 0) return geometry;
  if (changed.length > geometry.nodes.length / 8) return null;
  const nodes = geometry.nodes.slice();
  const byId = new Map(geometry.byId);
  const at = positions.slice();
  for (const i of changed) {
    const concept = map.concepts[i];
    const phrase = map.phrases[i - map.concepts.length];
    const position = map.layout[(concept ?? phrase)?.id ?? ''];
    const box = concept ? conceptBox(concept, position) : phrase ? phraseBox(phrase, position) : undefined;
    if (!box) return null;
    nodes[i] = box;
    byId.set(box.id, box);
    at[i] = position;
  }
  const next = { nodes, segments: geometry.segments, groups: groupBoxes(map.groups, byId, new Set()), byId };
  previous.set(map.concepts, { ...last, geometry: next, positions: at });
  return next;
}

function freshGeometry(map: MapContent, labelScale: number): MapGeometry {
  const scaled = (concept: Concept): Concept => ({ ...concept, style: { ...concept.style, size: Math.min(4, (concept.style.size ?? 1) * labelScale) } });
  const { shownAs, hiddenGroups } = collapseMap(map.groups);
  const nodes: NodeBox[] = [];
  const byId = new Map<string, NodeBox>();
  const add = (node: NodeBox) => {
    nodes.push(node);
    byId.set(node.id, node);
  };
  for (const concept of map.concepts)
    if (!shownAs.has(concept.id)) add(labelScale === 1 ? conceptBox(concept, map.layout[concept.id]) : newConceptBox(scaled(concept), map.layout[concept.id]));
  // A collapsed group shows as one node where its members' centre is (or where it was put).
  for (const group of map.groups) {
    if (!group.collapsed || hiddenGroups.has(group.id)) continue;
    const members = map.concepts.filter((c) => shownAs.get(c.id) === group.id).map((c) => map.layout[c.id]).filter((p) => p !== undefined);
    const at = map.layout[group.id] ?? {
      x: members.reduce((s, p) => s + p.x, 0) / Math.max(1, members.length),
      y: members.reduce((s, p) => s + p.y, 0) / Math.max(1, members.length),
      pinned: false,
    };
    const label = `${group.title || group.id} (${members.length})`;
    const size = measureNode(label, 'group');
    add({ id: group.id, kind: 'group', label, x: at.x, y: at.y, ...size, shape: 'subroutine', style: {}, entity: null, pinned: at.pinned });
  }
  const segments: Segment[] = [];
  for (const phrase of map.phrases) {
    const own = segmentsOf(phrase, shownAs);
    const [first, second] = own;
    // A phrase whose every end is inside the same collapsed group is hidden with it.
    const inside = own.length === 2 && first?.role === 'in' && second?.role === 'out' && first.from === second.to;
    if (inside && shownAs.size > 0 && byId.get(first.from)?.kind === 'group') continue;
    add(phraseBox(phrase, map.layout[phrase.id], labelScale));
    for (const s of own) if (byId.has(s.role === 'in' ? s.from : s.to)) segments.push(s);
  }
  return { nodes, segments, groups: groupBoxes(map.groups, byId, hiddenGroups), byId };
}

/** Group boxes enclose their members and nested groups, innermost first so parents include them. */
function groupBoxes(groups: readonly Group[], byId: Map<string, NodeBox>, hidden: Set<string>): GroupBox[] {
  const depthOf = (g: Group): number => {
    let depth = 0;
    for (let p = g.parent, guard = 0; p && guard < 64; p = groups.find((x) => x.id === p)?.parent ?? null, guard++) depth++;
    return depth;
  };
  const ordered = [...groups].sort((a, b) => depthOf(b) - depthOf(a));
  const boxes = new Map<string, GroupBox>();
  for (const g of ordered) {
    if (hidden.has(g.id) || g.collapsed) continue;
    const rects: { x0: number; y0: number; x1: number; y1: number }[] = [];
    for (const m of g.members) {
      const n = byId.get(m);
      if (n) rects.push({ x0: n.x - n.width / 2, y0: n.y - n.height / 2, x1: n.x + n.width / 2, y1: n.y + n.height / 2 });
    }
    for (const child of groups.filter((c) => c.parent === g.id)) {
      const b = boxes.get(child.id);
      if (b) rects.push({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });
      const collapsedNode = byId.get(child.id);
      if (collapsedNode)
        rects.push({ x0: collapsedNode.x - collapsedNode.width / 2, y0: collapsedNode.y - collapsedNode.height / 2, x1: collapsedNode.x + collapsedNode.width / 2, y1: collapsedNode.y + collapsedNode.height / 2 });
    }
    if (rects.length === 0) continue;
    const x0 = Math.min(...rects.map((r) => r.x0)) - GROUP_PAD;
    const y0 = Math.min(...rects.map((r) => r.y0)) - GROUP_PAD - GROUP_TITLE;
    // Wide enough for its title, so the title never runs out of the box.
    const x1 = Math.max(Math.max(...rects.map((r) => r.x1)) + GROUP_PAD, x0 + groupTitleWidth(g.title));
    const y1 = Math.max(...rects.map((r) => r.y1)) + GROUP_PAD;
    boxes.set(g.id, { id: g.id, title: g.title, depth: depthOf(g), x: x0, y: y0, width: x1 - x0, height: y1 - y0, collapsed: false });
  }
  return [...boxes.values()].sort((a, b) => a.depth - b.depth);
}

/** The bounding box of everything drawn, for fitting the view and for exports. */
export function bounds(geometry: MapGeometry): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const include = (ax: number, ay: number, bx: number, by: number) => {
    x0 = Math.min(x0, ax);
    y0 = Math.min(y0, ay);
    x1 = Math.max(x1, bx);
    y1 = Math.max(y1, by);
  };
  for (const n of geometry.nodes) include(n.x - n.width / 2, n.y - n.height / 2, n.x + n.width / 2, n.y + n.height / 2);
  for (const g of geometry.groups) include(g.x, g.y, g.x + g.width, g.y + g.height);
  return x0 === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
