import type { Direction } from '../model.ts';
import { keepPinned, layoutGraph } from './graph.ts';
import { layerLayout, type LayerEdge } from './sugiyama.ts';
import type { LayoutInput, Positions } from './types.ts';

/** Gaps as dagre had them (nodesep 28, edgesep 12, ranksep 40 halved for the labels' layers). */
const SPACING = { nodeGap: 28, edgeGap: 12, layerGap: 20 };
const MARGIN = 20;

/**
 * Layered (Sugiyama) layout (sugiyama.ts). A linking phrase with one source and one target rides
 * on the edge between its concepts: a labelled one takes the middle layer of that edge, so the
 * line passes through its label and the label never overlaps a box; an unlabelled one is put at
 * the midpoint of the straight line. A phrase that fans in or out is a vertex of its own, one
 * layer from each concept it joins. Layers run down the page (TB), up (BT), right (LR) or left (RL).
 * Ids are only ever looked up in Maps; the layout itself works on vertex numbers.
 */
export function layeredLayout(map: LayoutInput, direction: Direction = 'TB'): Positions {
  const { nodes, geometry } = layoutGraph(map);
  const across = direction === 'LR' || direction === 'RL';
  // Extent along a layer and across layers: a box's width when layers are rows, its height when columns.
  const breadthOf = (box: { width: number; height: number }) => (across ? box.height : box.width);
  const depthOf = (box: { width: number; height: number }) => (across ? box.width : box.height);

  const ends = new Map<string, { from: string[]; to: string[] }>();
  for (const s of geometry.segments) {
    const e = ends.get(s.phraseId) ?? { from: [], to: [] };
    if (s.role === 'in') e.from.push(s.from);
    else e.to.push(s.to);
    ends.set(s.phraseId, e);
  }
  const onEdge = (id: string) => {
    const e = ends.get(id);
    return e !== undefined && e.from.length === 1 && e.to.length === 1 && e.from[0] !== e.to[0];
  };

  const vertices = nodes.filter((n) => !onEdge(n.id));
  const vertexOf = new Map(vertices.map((n, i) => [n.id, i]));
  const edges: LayerEdge[] = [];
  const edgePhrase: string[] = [];
  const addEdge = (from: string, to: string, edge: Omit<LayerEdge, 'from' | 'to'>, phraseId: string) => {
    const a = vertexOf.get(from);
    const b = vertexOf.get(to);
    if (a === undefined || b === undefined) return;
    edges.push({ from: a, to: b, ...edge });
    edgePhrase.push(phraseId);
  };
  for (const [phraseId, e] of ends) {
    if (onEdge(phraseId)) {
      const box = geometry.byId.get(phraseId);
      const labelled = box?.lines.some(Boolean) ?? false;
      addEdge(e.from[0] ?? '', e.to[0] ?? '', box && labelled ? { minlen: 2, label: { breadth: breadthOf(box), depth: depthOf(box) } } : { minlen: 2 }, phraseId);
    } else {
      for (const f of e.from) addEdge(f, phraseId, { minlen: 1 }, phraseId);
      for (const t of e.to) addEdge(phraseId, t, { minlen: 1 }, phraseId);
    }
  }

  const laid = layerLayout({ breadth: vertices.map(breadthOf), depth: vertices.map(depthOf), edges }, SPACING);

  // Layout coordinates (x along layers, y across) to the page, then to the margin.
  const flip = direction === 'BT' || direction === 'RL' ? -1 : 1;
  const page = (x: number, y: number) => (across ? { x: flip * y, y: x } : { x, y: flip * y });
  const placed: [string, { x: number; y: number }][] = vertices.map((n, i) => [n.id, page(laid.x[i] ?? 0, laid.y[i] ?? 0)]);
  edges.forEach((edge, i) => {
    const lx = laid.labelX[i] ?? NaN;
    if (!Number.isNaN(lx)) placed.push([edgePhrase[i] ?? '', page(lx, laid.labelY[i] ?? 0)]);
  });
  let left = Infinity;
  let top = Infinity;
  for (const [id, at] of placed) {
    const box = geometry.byId.get(id);
    left = Math.min(left, at.x - (box?.width ?? 0) / 2);
    top = Math.min(top, at.y - (box?.height ?? 0) / 2);
  }
  const at = new Map<string, { x: number; y: number }>();
  for (const [id, p] of placed) at.set(id, { x: p.x - left + MARGIN, y: p.y - top + MARGIN });
  // Unlabelled phrases on an edge: the midpoint, so the line between the concepts is straight.
  for (const [phraseId, e] of ends) {
    if (!onEdge(phraseId) || at.has(phraseId)) continue;
    const a = at.get(e.from[0] ?? '');
    const b = at.get(e.to[0] ?? '');
    if (a && b) at.set(phraseId, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  }

  // Built with defineProperty semantics (fromEntries), so even an id such as `__proto__` is an entry.
  const positions: Positions = Object.fromEntries([...at].map(([id, p]) => [id, { x: p.x, y: p.y, pinned: false }]));
  keepPinned(positions, map);
  return positions;
}
