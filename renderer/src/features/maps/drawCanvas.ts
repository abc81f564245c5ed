import type { ZoomTransform } from 'd3-zoom';
import { segmentLine } from '../../../../core/graph/edges.ts';
import type { MapGeometry, NodeBox } from '../../../../core/graph/geometry.ts';
import { LINE_HEIGHT } from '../../../../core/graph/measure.ts';
import { shapePath } from '../../../../core/graph/shapes.ts';
import { ACCENT, HIT, INK, alphaOf, coloursOf, dotPositions, isDimmed, isGhost, isVisible, segmentVisibility, type SceneState } from './scene.ts';

/**
 * The 2D-canvas backend for large maps: everything in view drawn each frame from cached Path2D
 * outlines. Labels are skipped when they would be too small to read, and off-screen nodes are
 * culled, which keeps 10,000 nodes interactive.
 */
const pathCache = new WeakMap<NodeBox, Path2D>();

function outline(node: NodeBox): Path2D {
  let path = pathCache.get(node);
  if (!path) {
    path = new Path2D(shapePath(node.shape === 'text' ? 'rect' : node.shape, node.width, node.height));
    pathCache.set(node, path);
  }
  return path;
}

export function drawMap(
  ctx: CanvasRenderingContext2D,
  geometry: MapGeometry,
  transform: ZoomTransform,
  state: SceneState,
  size: { width: number; height: number; ratio: number },
): void {
  const { k } = transform;
  ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.setTransform(size.ratio * k, 0, 0, size.ratio * k, size.ratio * transform.x, size.ratio * transform.y);
  const [x0, y0] = transform.invert([0, 0]);
  const [x1, y1] = transform.invert([size.width, size.height]);
  const inView = (n: { x: number; y: number; width: number; height: number }) =>
    n.x + n.width / 2 >= x0 && n.x - n.width / 2 <= x1 && n.y + n.height / 2 >= y0 && n.y - n.height / 2 <= y1;
  const ink = INK[state.theme];

  for (const g of geometry.groups) {
    ctx.globalAlpha = 1;
    ctx.fillStyle = state.theme === 'dark' ? '#1f2430' : '#f1f4f8';
    ctx.strokeStyle = ink;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1 / Math.max(k, 0.5);
    ctx.beginPath();
    ctx.roundRect(g.x, g.y, g.width, g.height, 10);
    ctx.fill();
    ctx.stroke();
    ctx.setLineDash([]);
    if (k * 12 >= 6) {
      ctx.fillStyle = ink;
      ctx.font = '600 12px "Noto Sans SC", system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      ctx.fillText(g.title, g.x + 12, g.y + 14);
    }
  }

  ctx.lineWidth = 1.4 / Math.max(k, 0.3);
  for (const s of geometry.segments) {
    const vis = segmentVisibility(geometry, s.from, s.to, state);
    if (!vis.visible) continue;
    const line = segmentLine(s, geometry);
    if (!line) continue;
    if (Math.max(line.x1, line.x2) < x0 || Math.min(line.x1, line.x2) > x1 || Math.max(line.y1, line.y2) < y0 || Math.min(line.y1, line.y2) > y1) continue;
    ctx.globalAlpha = alphaOf(vis);
    ctx.strokeStyle = ink;
    ctx.setLineDash(s.style.line === 'dotted' ? [3, 4] : []);
    ctx.lineWidth = (s.style.line === 'thick' ? 3 : 1.4) / Math.max(k, 0.3);
    ctx.beginPath();
    ctx.moveTo(line.x1, line.y1);
    ctx.lineTo(line.x2, line.y2);
    ctx.stroke();
    if (s.role === 'out' && s.style.head === 'arrow' && k > 0.25) {
      const angle = Math.atan2(line.y2 - line.y1, line.x2 - line.x1);
      ctx.fillStyle = ink;
      ctx.beginPath();
      ctx.moveTo(line.x2, line.y2);
      ctx.lineTo(line.x2 - 9 * Math.cos(angle - 0.4), line.y2 - 9 * Math.sin(angle - 0.4));
      ctx.lineTo(line.x2 - 9 * Math.cos(angle + 0.4), line.y2 - 9 * Math.sin(angle + 0.4));
      ctx.fill();
    }
  }
  ctx.setLineDash([]);

  const readable = (n: NodeBox) => n.fontSize * k >= 5;
  for (const n of geometry.nodes) {
    if (!isVisible(n.id, state) || !inView(n)) continue;
    const alpha = alphaOf({ dim: isDimmed(n.id, state), ghost: isGhost(n.id, state) });
    ctx.globalAlpha = alpha;
    ctx.save();
    ctx.translate(n.x, n.y);
    if (n.kind === 'phrase') {
      if (n.lines.some(Boolean) && readable(n)) {
        ctx.fillStyle = state.theme === 'dark' ? '#15181e' : '#ffffff';
        ctx.globalAlpha *= 0.9;
        ctx.fillRect(-n.width / 2, -n.height / 2, n.width, n.height);
        ctx.globalAlpha = alpha;
        drawLines(ctx, n, ink);
      }
    } else {
      const colours = coloursOf(n, state.theme, state.projector);
      const path = outline(n);
      ctx.fillStyle = colours.fill;
      ctx.fill(path);
      ctx.strokeStyle = state.selection.has(n.id) ? ACCENT[state.theme] : state.hits.has(n.id) ? HIT : colours.stroke;
      ctx.lineWidth = (state.selection.has(n.id) || state.hits.has(n.id) ? 3 : 1.5) / Math.max(k, 0.5);
      ctx.stroke(path);
      if (readable(n)) drawLines(ctx, n, colours.text);
      const dots = state.votes?.get(n.id) ?? [];
      dotPositions(n, dots.length).forEach((d, i) => {
        ctx.fillStyle = dots[i] ?? ink;
        ctx.beginPath();
        ctx.arc(d.x, d.y, d.r, 0, Math.PI * 2);
        ctx.fill();
      });
    }
    ctx.restore();
  }
  ctx.globalAlpha = 1;
}

function drawLines(ctx: CanvasRenderingContext2D, n: NodeBox, colour: string): void {
  ctx.fillStyle = colour;
  ctx.font = `${n.kind === 'phrase' ? 400 : 500} ${n.fontSize}px "Noto Sans SC", system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const lineHeight = n.fontSize * LINE_HEIGHT;
  const top = -((n.lines.length - 1) * lineHeight) / 2;
  n.lines.forEach((line, i) => ctx.fillText(line, 0, top + i * lineHeight));
}
