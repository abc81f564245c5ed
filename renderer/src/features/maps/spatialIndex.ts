import type { NodeBox } from '../../../../core/graph/geometry.ts';

/**
 * A uniform grid over node boxes, so finding what is under the pointer or inside a selection box
 * costs a few cells rather than a scan of 10,000 nodes on every pointer move.
 */
export interface SpatialIndex {
  at(x: number, y: number): NodeBox | undefined;
  within(x0: number, y0: number, x1: number, y1: number): NodeBox[];
}

const CELL = 160;

/**
 * The grid is built on the first query, not with the index: while a drag replaces the geometry
 * on every frame nothing asks, and rebuilding it for 20,000 boxes a frame would cost more than
 * drawing them.
 */
export function buildIndex(nodes: readonly NodeBox[]): SpatialIndex {
  let grid: Map<string, NodeBox[]> | null = null;
  const built = () => (grid ??= gridOf(nodes));
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  const inside = (n: NodeBox, x: number, y: number) => Math.abs(x - n.x) <= n.width / 2 + 3 && Math.abs(y - n.y) <= n.height / 2 + 3;
  return {
    at(x, y) {
      const list = built().get(key(Math.floor(x / CELL), Math.floor(y / CELL))) ?? [];
      // Concepts over phrases, later-drawn over earlier.
      let found: NodeBox | undefined;
      for (const n of list) if (inside(n, x, y) && (!found || found.kind === 'phrase' || n.kind !== 'phrase')) found = n;
      return found;
    },
    within(x0, y0, x1, y1) {
      const cells = built();
      const out = new Set<NodeBox>();
      for (let cx = Math.floor(Math.min(x0, x1) / CELL); cx <= Math.floor(Math.max(x0, x1) / CELL); cx++)
        for (let cy = Math.floor(Math.min(y0, y1) / CELL); cy <= Math.floor(Math.max(y0, y1) / CELL); cy++)
          for (const n of cells.get(key(cx, cy)) ?? [])
            if (n.x >= Math.min(x0, x1) && n.x <= Math.max(x0, x1) && n.y >= Math.min(y0, y1) && n.y <= Math.max(y0, y1)) out.add(n);
      return [...out];
    },
  };
}

function gridOf(nodes: readonly NodeBox[]): Map<string, NodeBox[]> {
  const cells = new Map<string, NodeBox[]>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  for (const n of nodes) {
    const cx0 = Math.floor((n.x - n.width / 2) / CELL);
    const cx1 = Math.floor((n.x + n.width / 2) / CELL);
    const cy0 = Math.floor((n.y - n.height / 2) / CELL);
    const cy1 = Math.floor((n.y + n.height / 2) / CELL);
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        const k = key(cx, cy);
        const list = cells.get(k);
        if (list) list.push(n);
        else cells.set(k, [n]);
      }
  }
  return cells;
}
