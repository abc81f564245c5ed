import type { GroupBox, NodeBox } from '../../../../core/graph/geometry.ts';
import { LINE_HEIGHT } from '../../../../core/graph/measure.ts';
import { shapePath } from '../../../../core/graph/shapes.ts';
import type { Prepared } from './preparedScene.ts';
import { clip, crosses, overlaps, type Rect } from './rects.ts';
import { INK, dotPositions } from './scene.ts';

/** Boxes smaller than this (device pixels) are drawn as plain rectangles. */
const TINY_PX = 5;

export type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Where drawing goes: map units to device pixels (a·p + e, a·p + f), the map area covered, the map scale. */
export interface Frame extends Rect {
  k: number;
  a: number;
  e: number;
  f: number;
  /** So many segments are in view that they are all drawn as hairlines (see LOD_SEGMENTS). */
  hairlines: boolean;
}

const outlines = new WeakMap<NodeBox, Path2D>();

/** A node's outline, built once per box (the bench's force-graph page draws boxes with it too). */
export function outline(node: NodeBox): Path2D {
  let path = outlines.get(node);
  if (!path) {
    path = new Path2D(shapePath(node.shape === 'text' ? 'rect' : node.shape, node.width, node.height));
    outlines.set(node, path);
  }
  return path;
}

/**
 * Draws the part of the map inside the frame: everything, what is not live (the tiles), or only
 * what is live (over them). Segments are stroked in one path per look, which is what keeps
 * thousands of them cheap.
 */
export function paint(ctx: Context, scene: Prepared, frame: Frame, part: 'all' | 'settled' | 'live', limit = Infinity): number {
  const { geometry, state } = scene;
  const { k, a, e, f } = frame;
  const ink = INK[state.theme];
  // Strokes, arrowheads and vote dots reach this far beyond the boxes and lines they belong to.
  const pad = 10 + 4 / k;
  const area = { x0: frame.x0 - pad, y0: frame.y0 - pad, x1: frame.x1 + pad, y1: frame.y1 + pad };
  const skipLive = part === 'settled' && scene.live.size > 0;

  // What falls in the area: segments by look (opacity, dash, width), then nodes in drawing order.
  const looks = new Map<string, number[]>();
  let segments = 0;
  const c = scene.centres;
  for (const j of part === 'live' ? new Set([...scene.live].flatMap((i) => scene.segmentsAt(i))) : geometry.segments.keys()) {
    const alpha = scene.segmentAlpha[j];
    if (!alpha || (skipLive && scene.isLiveSegment(j))) continue;
    if (!crosses(c[j * 4] ?? 0, c[j * 4 + 1] ?? 0, c[j * 4 + 2] ?? 0, c[j * 4 + 3] ?? 0, area)) continue;
    collect(looks, `${alpha} ${(geometry.segments[j] as (typeof geometry.segments)[number]).style.line}`, j);
    segments++;
  }
  const box = scene.boxes;
  const nodes: number[] = [];
  for (const i of part === 'live' ? [...scene.live].sort((x, y) => x - y) : geometry.nodes.keys()) {
    if (!scene.alpha[i] || (skipLive && scene.live.has(i))) continue;
    if ((box[i * 4 + 2] ?? 0) < area.x0 || (box[i * 4] ?? 0) > area.x1 || (box[i * 4 + 3] ?? 0) < area.y0 || (box[i * 4 + 1] ?? 0) > area.y1) continue;
    nodes.push(i);
  }
  if (segments + nodes.length > limit) return -1;

  let drawn = 0;
  ctx.setTransform(a, 0, 0, a, e, f);
  if (part !== 'live')
    for (const g of geometry.groups) {
      if (!overlaps({ x0: g.x, y0: g.y, x1: g.x + g.width, y1: g.y + g.height }, area)) continue;
      drawGroup(ctx, g, k, a, area, state.theme);
      drawn++;
    }

  // Each segment cut to the area. Hairlines (a device pixel wide or less, zoomed out, or many in
  // view) go in one stroke per look; wider lines are stroked one by one, which the rasteriser does
  // faster than one path of many crossing strokes. Arrowheads: one fill per opacity.
  const heads = new Map<number, number[]>();
  ctx.strokeStyle = ink;
  for (const [key, list] of looks) {
    const [alpha, line] = key.split(' ') as [string, string];
    ctx.globalAlpha = Number(alpha);
    // Dashes smaller than a pixel cost thousands of pieces and look like a fainter solid line.
    const dotted = line === 'dotted' && 3 * a >= 1;
    ctx.setLineDash(dotted ? [3, 4] : []);
    const width = (line === 'thick' ? 3 : 1.4) / Math.max(k, 0.3);
    const hairline = frame.hairlines || width * a <= 1;
    ctx.lineWidth = hairline ? Math.min(width, 1 / a) : width;
    if (hairline) ctx.beginPath();
    for (const j of list) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = scene.line(j);
      const cut = clip(x1, y1, x2, y2, area);
      if (!scene.segmentAlpha[j] || !cut) continue;
      if (!hairline) ctx.beginPath();
      // The dashes continue from where the line really starts, so they match across tiles.
      if (dotted && !hairline) ctx.lineDashOffset = cut.from;
      ctx.moveTo(cut.x1, cut.y1);
      ctx.lineTo(cut.x2, cut.y2);
      if (!hairline) ctx.stroke();
      drawn++;
      const s = geometry.segments[j];
      if (s?.role === 'out' && s.style.head === 'arrow' && k > 0.25) collect(heads, Number(alpha), j);
    }
    if (hairline) ctx.stroke();
  }
  ctx.lineDashOffset = 0;
  ctx.setLineDash([]);
  ctx.fillStyle = ink;
  for (const [alpha, list] of heads) {
    ctx.globalAlpha = alpha;
    ctx.beginPath();
    for (const j of list) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = scene.line(j);
      const angle = Math.atan2(y2 - y1, x2 - x1);
      ctx.moveTo(x2, y2);
      ctx.lineTo(x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4));
      ctx.lineTo(x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
      ctx.closePath();
    }
    ctx.fill();
  }

  // Boxes a few pixels across are plain rectangles, filled and stroked a colour at a time.
  const tinyFills = new Map<string, number[]>();
  const tinyStrokes = new Map<string, number[]>();
  let font = '';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const i of nodes) {
    const alpha = scene.alpha[i] ?? 1;
    const n = geometry.nodes[i] as NodeBox;
    const readable = n.fontSize * k >= 5;
    if (n.kind !== 'phrase' && Math.min(n.width, n.height) * a < TINY_PX && !state.votes?.has(n.id)) {
      const colours = scene.coloursOf(i);
      collect(tinyFills, `${alpha} ${colours.fill}`, i);
      collect(tinyStrokes, `${alpha} ${colours.stroke}`, i);
      drawn++;
      continue;
    }
    ctx.globalAlpha = alpha;
    ctx.setTransform(a, 0, 0, a, e + a * n.x, f + a * n.y);
    if (n.kind === 'phrase') {
      if (!readable || !n.lines.some(Boolean)) continue;
      ctx.fillStyle = state.theme === 'dark' ? '#15181e' : '#ffffff';
      ctx.globalAlpha = alpha * 0.9;
      ctx.fillRect(-n.width / 2, -n.height / 2, n.width, n.height);
      ctx.globalAlpha = alpha;
    } else {
      const colours = scene.coloursOf(i);
      const path = outline(n);
      ctx.fillStyle = colours.fill;
      ctx.fill(path);
      ctx.strokeStyle = colours.stroke;
      ctx.lineWidth = 1.5 / Math.max(k, 0.5);
      ctx.stroke(path);
      const dots = state.votes?.get(n.id) ?? [];
      dotPositions(n, dots.length).forEach((d, at) => {
        ctx.fillStyle = dots[at] ?? ink;
        ctx.beginPath();
        ctx.arc(d.x, d.y, d.r, 0, Math.PI * 2);
        ctx.fill();
      });
    }
    drawn++;
    if (!readable) continue;
    const wanted = `${n.kind === 'phrase' ? 400 : 500} ${n.fontSize}px "Noto Sans SC", system-ui, sans-serif`;
    if (wanted !== font) ctx.font = font = wanted;
    ctx.fillStyle = n.kind === 'phrase' ? ink : scene.coloursOf(i).text;
    const lineHeight = n.fontSize * LINE_HEIGHT;
    const top = -((n.lines.length - 1) * lineHeight) / 2;
    n.lines.forEach((line, at) => ctx.fillText(line, 0, top + at * lineHeight));
  }
  ctx.setTransform(a, 0, 0, a, e, f);
  ctx.lineWidth = 1.5 / Math.max(k, 0.5);
  for (const [looks, fill] of [
    [tinyFills, true],
    [tinyStrokes, false],
  ] as const)
    for (const [key, list] of looks) {
      const [alpha, colour] = key.split(' ') as [string, string];
      ctx.globalAlpha = Number(alpha);
      ctx.beginPath();
      for (const i of list) {
        const n = geometry.nodes[i] as NodeBox;
        ctx.rect(n.x - n.width / 2, n.y - n.height / 2, n.width, n.height);
      }
      if (fill) {
        ctx.fillStyle = colour;
        ctx.fill();
      } else {
        ctx.strokeStyle = colour;
        ctx.stroke();
      }
    }
  ctx.globalAlpha = 1;
  return drawn;
}

function collect<K>(groups: Map<K, number[]>, key: K, item: number): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

function drawGroup(ctx: Context, g: GroupBox, k: number, a: number, area: Rect, theme: 'light' | 'dark'): void {
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme === 'dark' ? '#1f2430' : '#f1f4f8';
  ctx.beginPath();
  ctx.roundRect(g.x, g.y, g.width, g.height, 10);
  ctx.fill();
  ctx.strokeStyle = INK[theme];
  ctx.setLineDash(3 * a >= 1 ? [4, 3] : []);
  ctx.lineWidth = 1 / Math.max(k, 0.5);
  outlineGroup(ctx, g, area);
  ctx.setLineDash([]);
  if (k * 12 >= 6) {
    ctx.fillStyle = INK[theme];
    ctx.font = '600 12px "Noto Sans SC", system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText(g.title, g.x + 12, g.y + 14);
  }
}

/**
 * A group's rounded outline side by side and corner by corner, each side cut to the area and its
 * dashes offset to where they fall on the whole outline: dashing the whole outline of a group
 * much larger than a tile, for every tile, is what would cost.
 */
function outlineGroup(ctx: Context, g: GroupBox, area: Rect): void {
  const r = Math.min(10, g.width / 2, g.height / 2);
  const [x0, y0, x1, y1] = [g.x, g.y, g.x + g.width, g.y + g.height];
  const sides = [
    [x0 + r, y0, x1 - r, y0],
    [x1, y0 + r, x1, y1 - r],
    [x1 - r, y1, x0 + r, y1],
    [x0, y1 - r, x0, y0 + r],
  ] as const;
  const corners = [
    [x1 - r, y0 + r],
    [x1 - r, y1 - r],
    [x0 + r, y1 - r],
    [x0 + r, y0 + r],
  ] as const;
  let along = 0;
  sides.forEach(([ax, ay, bx, by], i) => {
    const cut = clip(ax, ay, bx, by, area);
    if (cut) {
      ctx.lineDashOffset = along + cut.from;
      ctx.beginPath();
      ctx.moveTo(cut.x1, cut.y1);
      ctx.lineTo(cut.x2, cut.y2);
      ctx.stroke();
    }
    along += Math.hypot(bx - ax, by - ay);
    const [cx, cy] = corners[i] ?? [0, 0];
    if (cx + r >= area.x0 && cx - r <= area.x1 && cy + r >= area.y0 && cy - r <= area.y1) {
      const start = ((i - 1) * Math.PI) / 2;
      ctx.lineDashOffset = along;
      ctx.beginPath();
      ctx.arc(cx, cy, r, start, start + Math.PI / 2);
      ctx.stroke();
    }
    along += (r * Math.PI) / 2;
  });
  ctx.lineDashOffset = 0;
}
