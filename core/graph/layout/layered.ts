import dagre from '@dagrejs/dagre';
import type { Direction } from '../model.ts';
import { keepPinned, layoutGraph } from './graph.ts';
import type { LayoutInput, Positions } from './types.ts';

/**
 * Layered (Sugiyama) layout with dagre. A linking phrase with one source and one target is laid
 * out as a labelled edge, so it sits on a straight line between its concepts; a phrase that fans
 * in or out is a node of its own, ranked between the concepts it joins. Labels never overlap boxes.
 * dagre keeps nodes in plain objects keyed by name, so it gets names of its own (`n0`, `n1`, …): a
 * node called `__proto__` or `constructor` would otherwise corrupt its objects or Object.prototype.
 */
export function layeredLayout(map: LayoutInput, direction: Direction = 'TB'): Positions {
  const { nodes, geometry } = layoutGraph(map);
  const names = new Map<string, string>();
  const name = (id: string): string => {
    const known = names.get(id);
    if (known !== undefined) return known;
    names.set(id, `n${names.size}`);
    return `n${names.size - 1}`;
  };
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 28, ranksep: 40, edgesep: 12, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));

  const ends = new Map<string, { from: string[]; to: string[] }>();
  for (const s of geometry.segments) {
    const e = ends.get(s.phraseId) ?? { from: [], to: [] };
    if (s.role === 'in') e.from.push(s.from);
    else e.to.push(s.to);
    ends.set(s.phraseId, e);
  }
  const asEdge = new Set([...ends].filter(([, e]) => e.from.length === 1 && e.to.length === 1 && e.from[0] !== e.to[0]).map(([id]) => id));

  for (const n of nodes) if (!asEdge.has(n.id)) g.setNode(name(n.id), { width: n.width, height: n.height });
  for (const [phraseId, e] of ends) {
    const node = geometry.byId.get(phraseId);
    if (asEdge.has(phraseId)) {
      const hasLabel = node?.lines.some(Boolean) ?? false;
      g.setEdge(name(e.from[0] ?? ''), name(e.to[0] ?? ''), hasLabel ? { width: node?.width ?? 0, height: node?.height ?? 0, labelpos: 'c' } : {}, name(phraseId));
    } else {
      for (const f of e.from) g.setEdge(name(f), name(phraseId), {}, `${name(phraseId)}:in:${name(f)}`);
      for (const t of e.to) g.setEdge(name(phraseId), name(t), {}, `${name(phraseId)}:out:${name(t)}`);
    }
  }
  dagre.layout(g);

  const positions: Positions = {};
  for (const n of nodes) {
    if (asEdge.has(n.id)) continue;
    const at = g.node(name(n.id)) as { x: number; y: number } | undefined;
    if (at) positions[n.id] = { x: at.x, y: at.y, pinned: false };
  }
  for (const phraseId of asEdge) {
    const e = ends.get(phraseId);
    const a = e && positions[e.from[0] ?? ''];
    const b = e && positions[e.to[0] ?? ''];
    const label = g.edge(name(e?.from[0] ?? ''), name(e?.to[0] ?? ''), name(phraseId)) as { x?: number; y?: number } | undefined;
    if (label?.x !== undefined && label.y !== undefined) positions[phraseId] = { x: label.x, y: label.y, pinned: false };
    else if (a && b) positions[phraseId] = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, pinned: false };
  }
  keepPinned(positions, map);
  return positions;
}
