/** Rectangles and lines in map units: what falls in a tile, and the part of a line that does. */

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether the segment from (ax, ay) to (bx, by) passes through the rectangle. */
export function crosses(ax: number, ay: number, bx: number, by: number, r: Rect): boolean {
  if (Math.max(ax, bx) < r.x0 || Math.min(ax, bx) > r.x1 || Math.max(ay, by) < r.y0 || Math.min(ay, by) > r.y1) return false;
  // Its bounding box meets the rectangle; so does the segment unless all four corners lie on one side of its line.
  const dx = bx - ax;
  const dy = by - ay;
  const side = (x: number, y: number) => Math.sign(dx * (y - ay) - dy * (x - ax));
  const sum = side(r.x0, r.y0) + side(r.x1, r.y0) + side(r.x0, r.y1) + side(r.x1, r.y1);
  return Math.abs(sum) !== 4;
}

/** The part of a line inside the rectangle (Liang–Barsky), with how far along the line it starts; null if none. */
export function clip(x1: number, y1: number, x2: number, y2: number, r: Rect): { x1: number; y1: number; x2: number; y2: number; from: number } | null {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, x1 - r.x0],
    [dx, r.x1 - x1],
    [-dy, y1 - r.y0],
    [dy, r.y1 - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return null;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  if (t0 > t1) return null;
  return { x1: x1 + t0 * dx, y1: y1 + t0 * dy, x2: x1 + t1 * dx, y2: y1 + t1 * dy, from: t0 * Math.hypot(dx, dy) };
}

export const overlaps = (a: Rect, b: Rect) => a.x0 <= b.x1 && a.x1 >= b.x0 && a.y0 <= b.y1 && a.y1 >= b.y0;
