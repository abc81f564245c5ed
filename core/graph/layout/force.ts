import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { keepPinned, layoutGraph } from './graph.ts';
import type { LayoutInput, LayoutProgress, Positions } from './types.ts';

interface SimNode extends SimulationNodeDatum {
  id: string;
  radius: number;
}

/**
 * Force-directed layout with d3-force, run to rest before anything is drawn (so nothing jiggles
 * in front of a room). Pinned nodes are fixed; collision radii come from the node boxes, and a
 * final pass pushes apart any boxes that still overlap.
 */
export function forceLayout(map: LayoutInput, ticks = 300, onProgress?: LayoutProgress): Positions {
  const { nodes, links } = layoutGraph(map);
  const index = new Map<string, number>();
  const sim: SimNode[] = nodes.map((n, i) => {
    index.set(n.id, i);
    const at = map.layout[n.id];
    const angle = i * 2.399963; // golden angle: an even spiral as the starting point
    const start = at ?? { x: Math.cos(angle) * 30 * Math.sqrt(i), y: Math.sin(angle) * 30 * Math.sqrt(i), pinned: false };
    return {
      id: n.id,
      x: start.x,
      y: start.y,
      fx: at?.pinned ? at.x : undefined,
      fy: at?.pinned ? at.y : undefined,
      radius: Math.hypot(n.width, n.height) / 2 + 6,
    };
  });
  const simulation = forceSimulation(sim)
    .force('link', forceLink(links.map((l) => ({ source: index.get(l.source) ?? 0, target: index.get(l.target) ?? 0 }))).distance(60).strength(0.7))
    .force('charge', forceManyBody().strength(-220).distanceMax(600).theta(0.9))
    .force('collide', forceCollide<SimNode>((d) => d.radius).iterations(2))
    .force('x', forceX(0).strength(0.03))
    .force('y', forceY(0).strength(0.03))
    .stop();
  for (let i = 0; i < ticks; i++) {
    simulation.tick();
    if (onProgress && i % 10 === 9) onProgress(i + 1, ticks);
  }
  const positions: Positions = {};
  for (const n of sim) positions[n.id] = { x: n.x ?? 0, y: n.y ?? 0, pinned: false };
  separateBoxes(positions, nodes, map);
  keepPinned(positions, map);
  return positions;
}

/** Pushes overlapping boxes apart along the axis of least overlap (pinned boxes stay). */
function separateBoxes(positions: Positions, nodes: { id: string; width: number; height: number }[], map: LayoutInput): void {
  if (nodes.length > 3000) return; // quadratic; large maps rely on the collision force
  for (let pass = 0; pass < 8; pass++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i];
        const b = nodes[j];
        const pa = a && positions[a.id];
        const pb = b && positions[b.id];
        if (!a || !b || !pa || !pb) continue;
        const dx = pb.x - pa.x;
        const dy = pb.y - pa.y;
        const ox = (a.width + b.width) / 2 + 6 - Math.abs(dx);
        const oy = (a.height + b.height) / 2 + 6 - Math.abs(dy);
        if (ox <= 0 || oy <= 0) continue;
        const aFixed = map.layout[a.id]?.pinned ?? false;
        const bFixed = map.layout[b.id]?.pinned ?? false;
        if (aFixed && bFixed) continue;
        const share = aFixed ? [0, 1] : bFixed ? [1, 0] : [0.5, 0.5];
        if (ox < oy) {
          const s = dx >= 0 ? 1 : -1;
          pa.x -= s * ox * (share[0] ?? 0);
          pb.x += s * ox * (share[1] ?? 0);
        } else {
          const s = dy >= 0 ? 1 : -1;
          pa.y -= s * oy * (share[0] ?? 0);
          pb.y += s * oy * (share[1] ?? 0);
        }
        moved = true;
      }
    if (!moved) return;
  }
}
