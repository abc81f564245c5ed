import type { Shape } from './model.ts';

/**
 * The outline of each concept shape as SVG path data, centred on 0,0: the same string draws the
 * node in the SVG canvas (`<path d>`), on the 2D canvas (`new Path2D(d)`) and in exports.
 */
export function shapePath(shape: Shape | 'text', width: number, height: number): string {
  const w = width / 2;
  const h = height / 2;
  const rect = (r: number) =>
    `M${-w + r},${-h}H${w - r}A${r},${r} 0 0 1 ${w},${-h + r}V${h - r}A${r},${r} 0 0 1 ${w - r},${h}H${-w + r}A${r},${r} 0 0 1 ${-w},${h - r}V${-h + r}A${r},${r} 0 0 1 ${-w + r},${-h}Z`;
  switch (shape) {
    case 'text':
      return '';
    case 'rect':
      return rect(2);
    case 'round':
      return rect(Math.min(10, h));
    case 'stadium':
      return rect(h);
    case 'subroutine':
      return `${rect(0)}M${-w + 8},${-h}V${h}M${w - 8},${-h}V${h}`;
    case 'circle':
      return `M${-w},0A${w},${h} 0 1 0 ${w},0A${w},${h} 0 1 0 ${-w},0Z`;
    case 'double-circle':
      return `M${-w},0A${w},${h} 0 1 0 ${w},0A${w},${h} 0 1 0 ${-w},0ZM${-w + 4},0A${w - 4},${h - 4} 0 1 0 ${w - 4},0A${w - 4},${h - 4} 0 1 0 ${-w + 4},0Z`;
    case 'rhombus':
      return `M0,${-h}L${w},0L0,${h}L${-w},0Z`;
    case 'hexagon':
      return `M${-w},0L${-w + h / 2},${-h}H${w - h / 2}L${w},0L${w - h / 2},${h}H${-w + h / 2}Z`;
    case 'parallelogram':
      return `M${-w + 10},${-h}H${w}L${w - 10},${h}H${-w}Z`;
    case 'parallelogram-alt':
      return `M${-w},${-h}H${w - 10}L${w},${h}H${-w + 10}Z`;
    case 'trapezoid':
      return `M${-w + 10},${-h}H${w - 10}L${w},${h}H${-w}Z`;
    case 'trapezoid-alt':
      return `M${-w},${-h}H${w}L${w - 10},${h}H${-w + 10}Z`;
    case 'asymmetric':
      return `M${-w},${-h}H${w}V${h}H${-w}L${-w + 10},0Z`;
    case 'cylinder': {
      const ry = Math.min(8, h / 3);
      return `M${-w},${-h + ry}A${w},${ry} 0 0 1 ${w},${-h + ry}V${h - ry}A${w},${ry} 0 0 1 ${-w},${h - ry}ZM${-w},${-h + ry}A${w},${ry} 0 0 0 ${w},${-h + ry}`;
    }
  }
}

/** Where the line from a node's centre towards (tx, ty) leaves its outline (boxes and ellipses). */
export function boundaryPoint(
  node: { x: number; y: number; width: number; height: number; shape: Shape | 'text' },
  tx: number,
  ty: number,
): { x: number; y: number } {
  const dx = tx - node.x;
  const dy = ty - node.y;
  if (dx === 0 && dy === 0) return { x: node.x, y: node.y };
  const w = node.width / 2 + 2;
  const h = node.height / 2 + 2;
  if (node.shape === 'circle' || node.shape === 'double-circle') {
    const t = 1 / Math.sqrt((dx * dx) / (w * w) + (dy * dy) / (h * h));
    return { x: node.x + dx * t, y: node.y + dy * t };
  }
  if (node.shape === 'rhombus') {
    const t = 1 / (Math.abs(dx) / w + Math.abs(dy) / h);
    return { x: node.x + dx * t, y: node.y + dy * t };
  }
  const t = Math.min(Math.abs(dx) > 0 ? w / Math.abs(dx) : Infinity, Math.abs(dy) > 0 ? h / Math.abs(dy) : Infinity);
  return { x: node.x + dx * t, y: node.y + dy * t };
}
