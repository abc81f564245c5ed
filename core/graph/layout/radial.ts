import { keepPinned, layoutGraph } from './graph.ts';
import type { LayoutInput, Positions } from './types.ts';

/**
 * Radial layout around a focus: breadth-first rings, each ring's radius large enough for its
 * nodes' widths, nodes ordered by their parent's angle so branches stay together.
 */
export function radialLayout(map: LayoutInput, focus?: string): Positions {
  const { nodes, links } = layoutGraph(map);
  if (nodes.length === 0) return {};
  const neighbours = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const l of links) {
    neighbours.get(l.source)?.push(l.target);
    neighbours.get(l.target)?.push(l.source);
  }
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  const concepts = nodes.filter((n) => n.kind !== 'phrase');
  const root =
    focus && neighbours.has(focus) ? focus : [...concepts].sort((a, b) => degree(b.id) - degree(a.id))[0]?.id ?? nodes[0]?.id ?? '';

  const ring = new Map<string, number>([[root, 0]]);
  const angle = new Map<string, number>();
  const rings: string[][] = [[root]];
  const parent = new Map<string, string>();
  // Every component gets a turn: unreached nodes start a new tree on the outer rings.
  const order = [root, ...nodes.map((n) => n.id).filter((id) => id !== root)];
  for (const start of order) {
    if (!ring.has(start)) {
      ring.set(start, 1);
      (rings[1] ??= []).push(start);
    }
    const queue = [start];
    while (queue.length) {
      const id = queue.shift() as string;
      for (const next of neighbours.get(id) ?? []) {
        if (ring.has(next)) continue;
        const r = (ring.get(id) ?? 0) + 1;
        ring.set(next, r);
        parent.set(next, id);
        (rings[r] ??= []).push(next);
        queue.push(next);
      }
    }
  }
  const size = new Map(nodes.map((n) => [n.id, n]));
  const positions: Positions = { [root]: { x: 0, y: 0, pinned: false } };
  angle.set(root, 0);
  let radius = 0;
  for (let r = 1; r < rings.length; r++) {
    const members = (rings[r] ?? []).sort((a, b) => (angle.get(parent.get(a) ?? '') ?? 0) - (angle.get(parent.get(b) ?? '') ?? 0));
    const circumference = members.reduce((s, id) => s + Math.max(size.get(id)?.width ?? 40, size.get(id)?.height ?? 20) + 16, 0);
    const widest = Math.max(...members.map((id) => size.get(id)?.width ?? 40));
    radius = Math.max(radius + widest / 2 + 50, circumference / (2 * Math.PI));
    let travelled = 0;
    for (const id of members) {
      const span = Math.max(size.get(id)?.width ?? 40, size.get(id)?.height ?? 20) + 16;
      const a = ((travelled + span / 2) / circumference) * 2 * Math.PI - Math.PI / 2;
      travelled += span;
      angle.set(id, a);
      positions[id] = { x: Math.cos(a) * radius, y: Math.sin(a) * radius, pinned: false };
    }
    radius += widest / 2;
  }
  keepPinned(positions, map);
  return positions;
}
