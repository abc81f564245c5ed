import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import './bench.css';
import ForceGraph from 'force-graph';
import { applyLayout } from '../../core/graph/actions.ts';
import { bounds, mapGeometry, type NodeBox } from '../../core/graph/geometry.ts';
import { computeLayout } from '../../core/graph/layout/index.ts';
import { LINE_HEIGHT } from '../../core/graph/measure.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import { outline } from '../src/features/maps/paintScene.ts';
import { coloursOf, INK } from '../src/features/maps/scene.ts';
import { centreOf, dragPosition, fitScale, loadFonts, measureFrames, median, nearest, nextFrames, panView, zoomView, type Box, type View } from './frames.ts';
import { LAYERED_LIMIT, layoutRuns, positionsOf } from './layouts.ts';
import type { BenchApi, BenchInfo, SharedPositions } from './protocol.ts';
import { propositionLinks, syntheticMap } from './synthetic.ts';

/**
 * The same map in the force-graph package, for comparison: concepts as nodes (boxes with their
 * labels, drawn with nodeCanvasObject by the same rules as our canvas backend: the same box sizes,
 * outlines, colours and fonts, labels only where they are readable), each proposition as a link,
 * labelled linking phrases drawn as boxed text where our map puts them.
 *
 * The layout timed is force-graph's own: its d3-force simulation (default forces) run to rest
 * (alpha below 0.001) during warmupTicks, with cooldownTicks 0. Frames are then timed on *our*
 * layout's positions (handed over by the runner as window.benchInput, or computed here), so both
 * pages draw the same picture along the same camera path and only the rendering differs.
 */

declare global {
  interface Window {
    bench: BenchApi;
    benchInput?: SharedPositions;
  }
}

interface FgNode {
  id: string;
  box: NodeBox;
  x?: number;
  y?: number;
  vx?: number;
  vy?: number;
  fx?: number;
  fy?: number;
}

interface FgLink {
  source: string | FgNode;
  target: string | FgNode;
  phrase: string;
  /** The first link of its phrase draws the phrase's label. */
  labelled: NodeBox | null;
  dotted: boolean;
}

const params = new URLSearchParams(location.search);
const count = Math.max(2, Math.round(Number(params.get('n') ?? 200)));
let info: BenchInfo | null = null;
let graph: ForceGraph<FgNode, FgLink> | null = null;
let nodes: FgNode[] = [];
let scale = 1;
let box: Box = { x: 0, y: 0, width: 0, height: 0 };

function drawLines(ctx: CanvasRenderingContext2D, n: NodeBox, colour: string): void {
  ctx.fillStyle = colour;
  ctx.font = `${n.kind === 'phrase' ? 400 : 500} ${n.fontSize}px "Noto Sans SC", system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const lineHeight = n.fontSize * LINE_HEIGHT;
  const top = -((n.lines.length - 1) * lineHeight) / 2;
  n.lines.forEach((line, i) => ctx.fillText(line, 0, top + i * lineHeight));
}

/** A concept as our canvas backend draws it: its outline filled and stroked, its label if readable. */
function drawNode(node: FgNode, ctx: CanvasRenderingContext2D, k: number): void {
  const n = node.box;
  const colours = coloursOf(n, 'light');
  ctx.save();
  ctx.translate(node.x ?? 0, node.y ?? 0);
  const path = outline(n);
  ctx.fillStyle = colours.fill;
  ctx.fill(path);
  ctx.strokeStyle = colours.stroke;
  ctx.lineWidth = 1.5 / Math.max(k, 0.5);
  ctx.stroke(path);
  if (n.fontSize * k >= 5) drawLines(ctx, n, colours.text);
  ctx.restore();
}

/** A labelled linking phrase: a white box with its text, where our layout put the phrase. */
function drawPhrase(link: FgLink, ctx: CanvasRenderingContext2D, k: number): void {
  const n = link.labelled;
  if (!n || n.fontSize * k < 5) return;
  ctx.save();
  ctx.translate(n.x, n.y);
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(-n.width / 2, -n.height / 2, n.width, n.height);
  ctx.globalAlpha = 1;
  drawLines(ctx, n, INK.light);
  ctx.restore();
}

function waitForStop(fg: ForceGraph<FgNode, FgLink>): Promise<void> {
  return new Promise((resolve) => fg.onEngineStop(() => resolve()));
}

async function setUp(): Promise<void> {
  await nextFrames(2);
  const doc = syntheticMap(count);
  const geometry = mapGeometry(doc);
  const links = propositionLinks(doc);
  const element = document.getElementById('graph');
  if (!element) throw new Error('force-graph.html lacks #graph');

  // A force that does nothing but note when the simulation starts (initialize) and ticks, so the
  // layout time is exactly force-graph's warm-up, without its debounced update or the first frame.
  let started = 0;
  let lastTick = 0;
  let ticks = 0;
  const clock = Object.assign(
    () => {
      ticks++;
      lastTick = performance.now();
    },
    {
      initialize: () => {
        started = performance.now();
        ticks = 0;
      },
    },
  );

  const fg = new ForceGraph<FgNode, FgLink>(element)
    .width(element.clientWidth)
    .height(element.clientHeight)
    .backgroundColor('#f6f7f9')
    .nodeId('id')
    .nodeCanvasObject((node, ctx, k) => drawNode(node, ctx, k))
    .nodePointerAreaPaint((node, colour, ctx) => {
      ctx.fillStyle = colour;
      ctx.fillRect((node.x ?? 0) - node.box.width / 2, (node.y ?? 0) - node.box.height / 2, node.box.width, node.box.height);
    })
    .linkColor(() => INK.light)
    .linkWidth(1.4)
    .linkLineDash((l) => (l.dotted ? [3, 4] : null))
    .linkDirectionalArrowLength(() => (scale > 0.25 ? 9 : 0))
    .linkDirectionalArrowRelPos(1)
    .linkCanvasObjectMode(() => 'after')
    .linkCanvasObject((link, ctx, k) => drawPhrase(link, ctx, k))
    .onRenderFramePre((_ctx, k) => void (scale = k))
    .d3AlphaMin(0.001)
    .warmupTicks(100_000)
    .cooldownTicks(0)
    .minZoom(0.001)
    .maxZoom(100);
  fg.d3Force('clock', clock);
  graph = fg;

  const styles = new Map(doc.phrases.map((p) => [p.id, p.style]));
  const firstLinkOf = new Set<string>();
  const fresh = (): { nodes: FgNode[]; links: FgLink[] } => ({
    nodes: doc.concepts.flatMap((c) => {
      const nodeBox = geometry.byId.get(c.id);
      return nodeBox ? [{ id: c.id, box: nodeBox }] : [];
    }),
    links: links.map((l) => {
      const first = !firstLinkOf.has(l.phrase);
      firstLinkOf.add(l.phrase);
      const phrase = geometry.byId.get(l.phrase);
      return { ...l, labelled: first && phrase?.lines.some(Boolean) ? phrase : null, dotted: styles.get(l.phrase)?.line === 'dotted' };
    }),
  });

  const runs: number[] = [];
  let tickCount = 0;
  for (let r = 0; r < layoutRuns(count); r++) {
    firstLinkOf.clear();
    const data = fresh();
    const stopped = waitForStop(fg);
    fg.graphData(data);
    await stopped;
    runs.push(lastTick - started);
    tickCount = ticks;
    nodes = data.nodes;
  }

  // Our layout's positions, so the frames below draw what our canvas draws.
  const shared = window.benchInput ?? positionsOf(applyLayout(doc, computeLayout(doc, { kind: count <= LAYERED_LIMIT ? 'layered' : 'force' })));
  const placed: MapDocument = { ...doc, layout: { ...doc.layout } };
  for (const [id, at] of Object.entries({ ...shared.concepts, ...shared.phrases })) placed.layout[id] = { x: at.x, y: at.y, pinned: false };
  const placedGeometry = mapGeometry(placed);
  for (const node of nodes) {
    const at = shared.concepts[node.id];
    const placedBox = placedGeometry.byId.get(node.id);
    if (at) Object.assign(node, { x: at.x, y: at.y, vx: 0, vy: 0 });
    if (placedBox) node.box = placedBox;
  }
  for (const link of fg.graphData().links) if (link.labelled) link.labelled = placedGeometry.byId.get(link.phrase) ?? link.labelled;

  await loadFonts(geometry.nodes.flatMap((n) => n.lines));
  // The camera path and the dragged concept come from the same geometry as on our page.
  box = bounds(placedGeometry);
  const dragged = nearest(
    placedGeometry.nodes.filter((n) => n.kind === 'concept'),
    centreOf(box),
  );
  info = {
    page: 'force-graph',
    concepts: doc.concepts.length,
    phrases: doc.phrases.length,
    propositions: links.length,
    groups: 0,
    nodes: nodes.length,
    backend: 'canvas',
    layouts: [{ kind: 'force-graph', ms: median(runs), runs, ticks: tickCount }],
    drawn: window.benchInput ? 'ours (handed over)' : 'ours (recomputed)',
    fitScale: fitScale(box, element.clientWidth, element.clientHeight),
    dragged: dragged?.id ?? '',
    viewport: { width: element.clientWidth, height: element.clientHeight, devicePixelRatio: window.devicePixelRatio },
  };
  const centre = centreOf(box);
  look({ cx: centre.x, cy: centre.y, k: info.fitScale });
  await nextFrames(5);
}

function fg(): ForceGraph<FgNode, FgLink> {
  if (!graph || !info) throw new Error('bench.ready has not resolved');
  return graph;
}

/** Puts the camera on a view with force-graph's own API (zoom scales about the viewport centre). */
function look(view: View): void {
  const g = fg();
  if (g.zoom() !== view.k) g.zoom(view.k);
  g.centerAt(view.cx, view.cy);
}

const ready = setUp();
window.bench = {
  ready,
  info() {
    if (!info) throw new Error('bench.ready has not resolved');
    return info;
  },
  pan(frames) {
    const centre = centreOf(box);
    return measureFrames(frames, (i) => look(panView(i, frames, centre)));
  },
  zoom(frames) {
    const fit = window.bench.info().fitScale;
    const centre = centreOf(box);
    look(zoomView(0, frames, centre, fit));
    return measureFrames(frames, (i) => fg().zoom(zoomView(i, frames, centre, fit).k));
  },
  async drag(frames) {
    const g = fg();
    const node = nodes.find((n) => n.id === window.bench.info().dragged);
    if (!node) throw new Error('no dragged node');
    const start = { x: node.x ?? 0, y: node.y ?? 0 };
    look({ cx: start.x, cy: start.y, k: 1 });
    await nextFrames(3);
    try {
      // As force-graph's own drag does: fix the node where the pointer is and wake the engine,
      // which (cooldownTicks 0) redraws the frame without ticking the simulation.
      return await measureFrames(frames, (i) => {
        const at = dragPosition(i, start);
        node.fx = node.x = at.x;
        node.fy = node.y = at.y;
        g.d3ReheatSimulation();
      });
    } finally {
      Object.assign(node, { x: start.x, y: start.y, fx: undefined, fy: undefined });
      g.d3ReheatSimulation();
      await nextFrames(2);
    }
  },
};
