import { segmentLine } from '../../../../core/graph/edges.ts';
import type { GroupBox, MapGeometry, NodeBox } from '../../../../core/graph/geometry.ts';
import type { NodeColours } from '../../../../core/graph/palette.ts';
import type { Rect } from './rects.ts';
import { alphaOf, coloursOf, dotPositions, isDimmed, isGhost, isVisible, type SceneState } from './scene.ts';

/** What drawing needs from a geometry and state, in arrays a tile can scan quickly. */
export class Prepared {
  readonly index = new Map<string, number>();
  /** Per node: the box drawn (with its vote dots), x0 y0 x1 y1. */
  readonly boxes: Float64Array;
  /** Per node: opacity, 0 when hidden. */
  readonly alpha: Float32Array;
  /** Per segment: the centres of its ends (a cheap, conservative extent for culling). */
  readonly centres: Float64Array;
  /** Per segment: the visible line, computed when first drawn (NaN until then). */
  readonly lines: Float64Array;
  readonly segmentAlpha: Float32Array;
  /** Per segment: the node indices of its two ends. */
  readonly ends: Int32Array;
  /** Nodes drawn over the tiles rather than in them. */
  readonly live = new Set<number>();
  /** Everything drawn lies in here (it only grows as nodes move). */
  private readonly bounds: Rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  private colours: (NodeColours | undefined)[] = [];
  private adjacency: number[][] | null = null;

  constructor(
    public geometry: MapGeometry,
    public state: SceneState,
  ) {
    const { nodes, segments } = geometry;
    nodes.forEach((n, i) => this.index.set(n.id, i));
    this.boxes = new Float64Array(nodes.length * 4);
    this.alpha = new Float32Array(nodes.length);
    const dim = new Uint8Array(nodes.length);
    const ghost = new Uint8Array(nodes.length);
    nodes.forEach((n, i) => {
      this.setBox(i, n);
      const look = { dim: isDimmed(n.id, state), ghost: isGhost(n.id, state) };
      this.alpha[i] = isVisible(n.id, state) ? alphaOf(look) : 0;
      dim[i] = look.dim ? 1 : 0;
      ghost[i] = look.ghost ? 1 : 0;
    });
    for (const g of geometry.groups) this.include({ x0: g.x, y0: g.y, x1: g.x + g.width, y1: g.y + g.height });
    this.centres = new Float64Array(segments.length * 4);
    this.lines = new Float64Array(segments.length * 4).fill(NaN);
    this.segmentAlpha = new Float32Array(segments.length);
    this.ends = new Int32Array(segments.length * 2);
    segments.forEach((s, j) => {
      const from = this.index.get(s.from) ?? -1;
      const to = this.index.get(s.to) ?? -1;
      const phrase = this.index.get(s.phraseId) ?? -1;
      this.ends[j * 2] = from;
      this.ends[j * 2 + 1] = to;
      this.setCentres(j);
      // As segmentVisibility: shown when both ends and the phrase are; dimmed when either end is.
      const shown = from >= 0 && to >= 0 && phrase >= 0 && !!this.alpha[from] && !!this.alpha[to] && !!this.alpha[phrase];
      const look = { dim: !!(dim[from] || dim[to]), ghost: !!(ghost[from] || ghost[to] || ghost[phrase]) };
      this.segmentAlpha[j] = shown && s.style.line !== 'invisible' ? alphaOf(look) : 0;
    });
  }

  private setBox(i: number, n: NodeBox): void {
    const votes = this.state.votes?.get(n.id)?.length ?? 0;
    let top = n.y - n.height / 2;
    if (votes) for (const d of dotPositions(n, votes)) top = Math.min(top, n.y + d.y - d.r);
    this.boxes[i * 4] = n.x - n.width / 2;
    this.boxes[i * 4 + 1] = top;
    this.boxes[i * 4 + 2] = n.x + n.width / 2;
    this.boxes[i * 4 + 3] = n.y + n.height / 2;
    this.include({ x0: n.x - n.width / 2, y0: top, x1: n.x + n.width / 2, y1: n.y + n.height / 2 });
  }

  private include(r: Rect): void {
    const b = this.bounds;
    [b.x0, b.y0, b.x1, b.y1] = [Math.min(b.x0, r.x0), Math.min(b.y0, r.y0), Math.max(b.x1, r.x1), Math.max(b.y1, r.y1)];
  }

  /** Where anything is drawn at scale k (strokes and arrowheads reach past the boxes). */
  extent(k: number): Rect {
    const pad = 12 + 4 / k;
    return { x0: this.bounds.x0 - pad, y0: this.bounds.y0 - pad, x1: this.bounds.x1 + pad, y1: this.bounds.y1 + pad };
  }

  private setCentres(j: number): void {
    const a = this.geometry.nodes[this.ends[j * 2] ?? -1];
    const b = this.geometry.nodes[this.ends[j * 2 + 1] ?? -1];
    this.centres.set(a && b ? [a.x, a.y, b.x, b.y] : [NaN, NaN, NaN, NaN], j * 4);
    this.lines.fill(NaN, j * 4, j * 4 + 4);
  }

  /** How many segments reach into the rectangle (by their extent, which is enough to judge density). */
  segmentsIn(r: Rect): number {
    const c = this.centres;
    let count = 0;
    for (let j = 0; j < this.segmentAlpha.length; j++) {
      const [ax = 0, ay = 0, bx = 0, by = 0] = [c[j * 4], c[j * 4 + 1], c[j * 4 + 2], c[j * 4 + 3]];
      if (this.segmentAlpha[j] && Math.max(ax, bx) >= r.x0 && Math.min(ax, bx) <= r.x1 && Math.max(ay, by) >= r.y0 && Math.min(ay, by) <= r.y1) count++;
    }
    return count;
  }

  /** The segments at a node. */
  segmentsAt(i: number): readonly number[] {
    if (!this.adjacency) {
      const adjacency: number[][] = this.geometry.nodes.map(() => []);
      for (let j = 0; j < this.ends.length / 2; j++) {
        adjacency[this.ends[j * 2] ?? -1]?.push(j);
        adjacency[this.ends[j * 2 + 1] ?? -1]?.push(j);
      }
      this.adjacency = adjacency;
    }
    return this.adjacency[i] ?? [];
  }

  isLiveSegment(j: number): boolean {
    return this.live.has(this.ends[j * 2] ?? -1) || this.live.has(this.ends[j * 2 + 1] ?? -1);
  }

  /** Takes the boxes of the nodes that changed from a geometry of the same structure. */
  patch(geometry: MapGeometry, changed: readonly number[]): void {
    this.geometry = geometry;
    for (const i of changed) {
      const n = geometry.nodes[i];
      if (!n) continue;
      this.setBox(i, n);
      this.colours[i] = undefined;
      for (const j of this.segmentsAt(i)) this.setCentres(j);
    }
  }

  line(j: number): Float64Array {
    if (Number.isNaN(this.lines[j * 4])) {
      const line = segmentLine(this.geometry.segments[j] as (typeof this.geometry.segments)[number], this.geometry);
      if (line) this.lines.set([line.x1, line.y1, line.x2, line.y2], j * 4);
      else this.segmentAlpha[j] = 0;
    }
    return this.lines.subarray(j * 4, j * 4 + 4);
  }

  coloursOf(i: number): NodeColours {
    return (this.colours[i] ??= coloursOf(this.geometry.nodes[i] as NodeBox, this.state.theme, this.state.projector));
  }

  /** Where the live nodes and their segments are drawn, `pad` beyond their boxes and lines (strokes, arrowheads); null when none are. */
  liveExtent(pad: number): Rect | null {
    if (!this.live.size) return null;
    const r = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    const take = (x: number, y: number) => {
      r.x0 = Math.min(r.x0, x);
      r.y0 = Math.min(r.y0, y);
      r.x1 = Math.max(r.x1, x);
      r.y1 = Math.max(r.y1, y);
    };
    for (const i of this.live) {
      take(this.boxes[i * 4] ?? 0, this.boxes[i * 4 + 1] ?? 0);
      take(this.boxes[i * 4 + 2] ?? 0, this.boxes[i * 4 + 3] ?? 0);
      for (const j of this.segmentsAt(i)) {
        const c = this.centres.subarray(j * 4, j * 4 + 4);
        if (Number.isNaN(c[0])) continue;
        take(c[0] ?? 0, c[1] ?? 0);
        take(c[2] ?? 0, c[3] ?? 0);
      }
    }
    return { x0: r.x0 - pad, y0: r.y0 - pad, x1: r.x1 + pad, y1: r.y1 + pad };
  }

  /** Where the node and its segments were drawn: what must be redrawn when it moves or joins the tiles again. */
  footprint(i: number, into: Dirty): void {
    into.rects.push({ x0: this.boxes[i * 4] ?? 0, y0: this.boxes[i * 4 + 1] ?? 0, x1: this.boxes[i * 4 + 2] ?? 0, y1: this.boxes[i * 4 + 3] ?? 0 });
    for (const j of this.segmentsAt(i)) into.lines.push(Array.from(this.centres.subarray(j * 4, j * 4 + 4)) as [number, number, number, number]);
  }
}

export interface Dirty {
  rects: Rect[];
  lines: [number, number, number, number][];
}

/** What a look at the map depends on besides selection and search hits (drawn over the tiles). */
export function sameLook(a: SceneState, b: SceneState): boolean {
  return a.theme === b.theme && a.focus === b.focus && a.revealed === b.revealed && a.highlighted === b.highlighted && a.ghost === b.ghost && a.projector === b.projector && a.votes === b.votes;
}

export function sameGroups(a: readonly GroupBox[], b: readonly GroupBox[]): boolean {
  return a.length === b.length && a.every((g, i) => {
    const h = b[i];
    return !!h && g.id === h.id && g.title === h.title && g.x === h.x && g.y === h.y && g.width === h.width && g.height === h.height;
  });
}

/**
 * The nodes whose boxes changed, when the rest of the map (which nodes, in which order, which
 * segments) is the same; null when it is not, or when too many changed to draw live.
 */
export function changedNodes(before: MapGeometry, after: MapGeometry, limit: number): number[] | null {
  if (before.nodes.length !== after.nodes.length || before.segments.length !== after.segments.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < after.nodes.length; i++) {
    const a = before.nodes[i] as NodeBox;
    const b = after.nodes[i] as NodeBox;
    if (a === b) continue;
    if (a.id !== b.id || a.kind !== b.kind || changed.push(i) > limit) return null;
  }
  for (let j = 0; j < after.segments.length; j++) {
    const a = before.segments[j];
    const b = after.segments[j];
    if (a !== b && (a?.from !== b?.from || a?.to !== b?.to || a?.role !== b?.role || a?.style !== b?.style)) return null;
  }
  return changed;
}
