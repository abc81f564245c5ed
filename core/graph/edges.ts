import type { MapGeometry, Segment } from './geometry.ts';
import { boundaryPoint } from './shapes.ts';

/**
 * The visible part of a segment: from where it leaves one node's outline to where it meets the
 * other's. A phrase without text is a point (the line passes through it). Null when either end
 * is missing or the line is invisible (Mermaid `~~~`).
 */
export function segmentLine(segment: Segment, geometry: MapGeometry): { x1: number; y1: number; x2: number; y2: number } | null {
  const a = geometry.byId.get(segment.from);
  const b = geometry.byId.get(segment.to);
  if (!a || !b || segment.style.line === 'invisible') return null;
  const point = (n: typeof a) => n.kind === 'phrase' && !n.lines.some(Boolean);
  const start = point(a) ? { x: a.x, y: a.y } : boundaryPoint(a, b.x, b.y);
  const end = point(b) ? { x: b.x, y: b.y } : boundaryPoint(b, a.x, a.y);
  return { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}
