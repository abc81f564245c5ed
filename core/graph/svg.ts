import { bounds, mapGeometry, type NodeBox } from './geometry.ts';
import { LINE_HEIGHT, textWidth } from './measure.ts';
import type { MapDocument } from './model.ts';
import { nodeColours } from './palette.ts';
import { shapePath } from './shapes.ts';
import { segmentLine } from './edges.ts';
import { ASCENT, DESCENT } from './font-metrics.ts';
import { stripInvalidXml } from './xml.ts';

/**
 * A map as a standalone SVG document. With a glyph source, labels are drawn as outlines, so the
 * file shows the same (Chinese included) on any machine, with or without the app's fonts; the
 * text stays available to screen readers and search through <title> and aria-label.
 */

export interface GlyphSource {
  /** Path data for a line of text starting at (x, baseline). */
  path(text: string, x: number, baseline: number, fontSize: number): string;
}

export interface SvgOptions {
  glyphs?: GlyphSource;
  theme?: 'light' | 'dark';
  margin?: number;
  /** Multiplies the width and height attributes (the drawing scales with them). */
  scale?: number;
  /** Only these nodes are drawn (a presentation step); null or absent draws everything. */
  reveal?: ReadonlySet<string> | null;
  /** These are drawn in full and the rest faded; empty or absent fades nothing. */
  highlight?: ReadonlySet<string>;
  /** The part of the map to draw, in map coordinates; absent: everything drawn, with a margin. */
  region?: { x: number; y: number; width: number; height: number };
}

const FADED = 0.22;

const esc = (s: string) => stripInvalidXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => (Math.round(n * 100) / 100).toString();

function label(node: NodeBox, fill: string, glyphs: GlyphSource | undefined): string {
  const lineHeight = node.fontSize * LINE_HEIGHT;
  const top = node.y - (node.lines.length * lineHeight) / 2;
  // Centre each line box on its slot: the baseline sits the ascent below the line's centre line.
  const baselineOffset = (lineHeight + ((ASCENT - DESCENT) / 1000) * node.fontSize) / 2;
  return node.lines
    .map((line, i) => {
      const baseline = top + i * lineHeight + baselineOffset;
      if (glyphs) {
        const x = node.x - textWidth(line, node.fontSize) / 2;
        return `<path d="${glyphs.path(line, x, baseline, node.fontSize)}" fill="${fill}"/>`;
      }
      return `<text x="${num(node.x)}" y="${num(baseline)}" font-size="${num(node.fontSize)}" text-anchor="middle" fill="${fill}">${esc(line)}</text>`;
    })
    .join('');
}

export function renderMapSvg(map: MapDocument, options: SvgOptions = {}): string {
  const geometry = mapGeometry(map);
  const theme = options.theme ?? 'light';
  const margin = options.margin ?? 24;
  const shown = (id: string) => !options.reveal || options.reveal.has(id);
  const lit = options.highlight && options.highlight.size > 0 ? options.highlight : null;
  const fade = (...ids: string[]) => (lit && !ids.every((id) => lit.has(id)) ? ` opacity="${FADED}"` : '');
  const box = bounds(geometry);
  const view = options.region ?? { x: box.x - margin, y: box.y - margin, width: box.width + margin * 2, height: box.height + margin * 2 };
  const { width, height } = view;
  // With a region, what lies wholly outside it is left out: smaller files, and resvg (0.45) panics
  // on a marker-ended path that is entirely off the canvas.
  const inView = (x0: number, y0: number, x1: number, y1: number) =>
    !options.region || (x1 >= view.x - 10 && x0 <= view.x + width + 10 && y1 >= view.y - 10 && y0 <= view.y + height + 10);
  const nodeInView = (n: NodeBox) => inView(n.x - n.width / 2, n.y - n.height / 2, n.x + n.width / 2, n.y + n.height / 2);
  const scale = options.scale ?? 1;
  const ink = theme === 'dark' ? '#c8cdd6' : '#56606e';
  const background = theme === 'dark' ? '#15181e' : '#ffffff';
  const parts: string[] = [];

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width * scale)}" height="${num(height * scale)}" viewBox="${num(view.x)} ${num(view.y)} ${num(width)} ${num(height)}" role="img" aria-label="${esc(map.title)}">`,
    `<title>${esc(map.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10Z" fill="${ink}"/></marker>`,
    `<marker id="circle" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7"><circle cx="5" cy="5" r="4" fill="none" stroke="${ink}" stroke-width="1.5"/></marker>`,
    `<marker id="cross" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7"><path d="M1,1L9,9M9,1L1,9" stroke="${ink}" stroke-width="1.5"/></marker></defs>`,
    `<rect x="${num(view.x)}" y="${num(view.y)}" width="${num(width)}" height="${num(height)}" fill="${background}"/>`,
  );

  for (const g of options.reveal ? [] : geometry.groups) {
    parts.push(
      `<g aria-label="${esc(g.title)}"><rect x="${num(g.x)}" y="${num(g.y)}" width="${num(g.width)}" height="${num(g.height)}" rx="10" fill="${theme === 'dark' ? '#1f2430' : '#f3f5f8'}" stroke="${ink}" stroke-dasharray="4 3" stroke-opacity="0.6"/>`,
      label({ id: g.id, kind: 'group', label: g.title, x: g.x + 12 + textWidth(g.title, 12) / 2, y: g.y + 14, width: 0, height: 0, lines: [g.title], fontSize: 12, shape: 'text', style: {}, entity: null, pinned: false }, ink, options.glyphs),
      '</g>',
    );
  }

  for (const segment of geometry.segments) {
    const line = shown(segment.from) && shown(segment.to) ? segmentLine(segment, geometry) : null;
    if (!line || !inView(Math.min(line.x1, line.x2), Math.min(line.y1, line.y2), Math.max(line.x1, line.x2), Math.max(line.y1, line.y2))) continue;
    const d = `M${num(line.x1)},${num(line.y1)}L${num(line.x2)},${num(line.y2)}`;
    const head = segment.role === 'out' && segment.style.head !== 'none' ? ` marker-end="url(#${segment.style.head})"` : '';
    const tail = segment.role === 'in' && segment.style.tail !== 'none' ? ` marker-start="url(#${segment.style.tail})"` : '';
    const dash = segment.style.line === 'dotted' ? ' stroke-dasharray="3 4"' : '';
    const widthAttr = segment.style.line === 'thick' ? 3 : 1.4;
    parts.push(`<path d="${d}" fill="none" stroke="${ink}" stroke-width="${widthAttr}"${dash}${head}${tail}${fade(segment.from, segment.to)}/>`);
  }

  for (const node of geometry.nodes) {
    const text = node.label;
    if (!shown(node.id) || !nodeInView(node)) continue;
    if (node.kind === 'phrase') {
      if (!node.lines.some(Boolean)) continue;
      parts.push(
        `<g aria-label="${esc(text)}"${fade(node.id)}><rect x="${num(node.x - node.width / 2)}" y="${num(node.y - node.height / 2)}" width="${num(node.width)}" height="${num(node.height)}" fill="${background}" fill-opacity="0.9"/>`,
        label(node, ink, options.glyphs),
        '</g>',
      );
      continue;
    }
    const colours = nodeColours(node.entity, theme);
    const fill = node.style.fill ?? colours.fill;
    const stroke = node.style.stroke ?? colours.stroke;
    const textColour = node.style.text ?? colours.text;
    parts.push(
      `<g aria-label="${esc(text)}"${fade(node.id)}><title>${esc(text)}</title>`,
      `<path transform="translate(${num(node.x)},${num(node.y)})" d="${shapePath(node.shape, node.width, node.height)}" fill="${esc(fill)}" stroke="${esc(stroke)}" stroke-width="1.5"/>`,
      label(node, esc(textColour), options.glyphs),
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
