import type { MapGeometry, NodeBox } from '../../../../core/graph/geometry.ts';

/**
 * Arrow-key navigation: from the selected concept to the nearest concept in that direction,
 * preferring ones close to the straight line (distance plus twice the sideways offset).
 */
export function nearestInDirection(geometry: MapGeometry, fromId: string | undefined, key: string): NodeBox | undefined {
  const concepts = geometry.nodes.filter((n) => n.kind !== 'phrase');
  const from = fromId ? geometry.byId.get(fromId) : undefined;
  if (!from) return [...concepts].sort((a, b) => a.y - b.y || a.x - b.x)[0];
  const [dx, dy] = key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowRight' ? [1, 0] : key === 'ArrowUp' ? [0, -1] : [0, 1];
  let best: NodeBox | undefined;
  let bestScore = Infinity;
  for (const n of concepts) {
    if (n.id === from.id) continue;
    const vx = n.x - from.x;
    const vy = n.y - from.y;
    const along = vx * dx + vy * dy;
    if (along <= 0) continue;
    const across = Math.abs(vx * dy - vy * dx);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  }
  return best;
}
