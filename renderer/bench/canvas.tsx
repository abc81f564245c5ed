import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '../src/ui/app.css';
import '../src/features/maps/maps.css';
import './bench.css';
import { StrictMode, forwardRef, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLayout, dragPreviews, moveNodes } from '../../core/graph/actions.ts';
import { bounds, mapGeometry, type MapGeometry } from '../../core/graph/geometry.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import { MapCanvas, SVG_NODE_LIMIT, type MapCanvasHandle } from '../src/features/maps/MapCanvas.tsx';
import type { SceneState } from '../src/features/maps/scene.ts';
import { centreOf, dragPosition, fitScale, loadFonts, measureFrames, nearest, nextFrames, panView, zoomView, type View } from './frames.ts';
import { positionsOf, timedLayouts } from './layouts.ts';
import type { BenchApi, BenchInfo, SharedPositions } from './protocol.ts';
import { propositionLinks, syntheticMap } from './synthetic.ts';

/**
 * Our map canvas under load: the real MapCanvas, editable, fed the way MapEditor feeds it (the
 * document in React state, the geometry memoised from it, a drag shown by previewing documents
 * from dragPreviews as the editor does). `?n=2000` sets the number of concepts; `?minimap=1`
 * shows the minimap as the editor does (off by default, so only the canvas is measured).
 */

declare global {
  interface Window {
    bench: BenchApi;
    /** Our layout's positions, for the force-graph page to draw the same picture. */
    benchPositions(): SharedPositions;
    /** Positions to draw instead of laying the map out (no layout timed): for profiling runs. */
    benchInput?: SharedPositions;
  }
}

interface Controls {
  canvas(): MapCanvasHandle | null;
  doc(): MapDocument;
  geometry(): MapGeometry;
  preview(doc: MapDocument): void;
  select(ids: Set<string>): void;
}

const BenchMap = forwardRef<Controls, { initial: MapDocument; minimap: boolean }>(function BenchMap({ initial, minimap }, ref) {
  const [doc, setDoc] = useState(initial);
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const geometry = useMemo(() => mapGeometry(doc), [doc]);
  const state = useMemo<SceneState>(() => ({ selection, hits: new Set(), focus: null, theme: 'light' }), [selection]);
  const canvas = useRef<MapCanvasHandle>(null);
  const latest = useRef({ doc, geometry });
  useLayoutEffect(() => {
    latest.current = { doc, geometry };
  });
  useImperativeHandle(
    ref,
    () => ({
      canvas: () => canvas.current,
      doc: () => latest.current.doc,
      geometry: () => latest.current.geometry,
      preview: setDoc,
      select: setSelection,
    }),
    [],
  );
  return (
    <MapCanvas
      ref={canvas}
      doc={doc}
      geometry={geometry}
      state={state}
      editable
      minimap={minimap}
      ariaLabel={doc.title}
      onSelect={setSelection}
      onPreview={setDoc}
      onCommit={setDoc}
    />
  );
});

const params = new URLSearchParams(location.search);
const count = Math.max(2, Math.round(Number(params.get('n') ?? 200)));
const minimap = params.get('minimap') === '1';
let info: BenchInfo | null = null;
let laidOut: MapDocument | null = null;
const controls: { current: Controls | null } = { current: null };

function handle(): { controls: Controls; canvas: MapCanvasHandle; width: number; height: number } {
  const c = controls.current;
  const canvas = c?.canvas();
  const el = canvas?.element();
  if (!c || !canvas || !el) throw new Error('the bench map is not mounted');
  return { controls: c, canvas, width: el.clientWidth, height: el.clientHeight };
}

/** Puts the camera on a view through MapCanvas's own zoom path (d3-zoom's transform, no animation). */
function look(view: View): void {
  const { canvas, width, height } = handle();
  canvas.moveTo({ x: width / 2 - view.cx * view.k, y: height / 2 - view.cy * view.k, k: view.k }, 0);
}

async function setUp(): Promise<void> {
  document.documentElement.dataset.theme = 'light';
  await nextFrames(2);
  const doc = syntheticMap(count);
  const given = window.benchInput;
  const { timings, drawn, laidOut: map } = given
    ? { timings: [], drawn: 'handed over', laidOut: applyLayout(doc, Object.fromEntries(Object.entries({ ...given.concepts, ...given.phrases }).map(([id, at]) => [id, { ...at, pinned: false }]))) }
    : timedLayouts(doc);
  laidOut = map;
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  createRoot(root).render(
    <StrictMode>
      <BenchMap ref={(c) => void (controls.current = c)} initial={map} minimap={minimap} />
    </StrictMode>,
  );
  await nextFrames(3);
  const { controls: c, width, height } = handle();
  const geometry = c.geometry();
  await loadFonts([...geometry.nodes.flatMap((n) => n.lines), ...geometry.groups.map((g) => g.title)]);
  const box = bounds(geometry);
  const dragged = nearest(
    geometry.nodes.filter((n) => n.kind === 'concept'),
    centreOf(box),
  );
  info = {
    page: 'workbench',
    concepts: map.concepts.length,
    phrases: map.phrases.length,
    propositions: propositionLinks(map).length,
    groups: map.groups.length,
    nodes: geometry.nodes.length,
    backend: geometry.nodes.length > SVG_NODE_LIMIT ? 'canvas' : 'svg',
    layouts: timings,
    drawn,
    fitScale: fitScale(box, width, height),
    dragged: dragged?.id ?? '',
    viewport: { width, height, devicePixelRatio: window.devicePixelRatio },
  };
  await nextFrames(5);
}

function ready(): BenchInfo {
  if (!info) throw new Error('bench.ready has not resolved');
  return info;
}

const readyPromise = setUp();
window.bench = {
  ready: readyPromise,
  info: ready,
  pan(frames) {
    const centre = centreOf(bounds(handle().controls.geometry()));
    return measureFrames(frames, (i) => look(panView(i, frames, centre)));
  },
  zoom(frames) {
    const { fitScale: fit } = ready();
    const centre = centreOf(bounds(handle().controls.geometry()));
    return measureFrames(frames, (i) => look(zoomView(i, frames, centre, fit)));
  },
  async drag(frames) {
    const { dragged } = ready();
    const { controls: c } = handle();
    const origin = c.geometry().byId.get(dragged);
    if (!origin) throw new Error(`no concept ${dragged}`);
    const start = { x: origin.x, y: origin.y };
    // As in the editor: the concept is selected on pointer-down, then each move previews a document.
    c.select(new Set([dragged]));
    look({ cx: start.x, cy: start.y, k: 1 });
    await nextFrames(3);
    try {
      const preview = dragPreviews(c.doc());
      return await measureFrames(frames, (i) => c.preview(preview({ [dragged]: dragPosition(i, start) })));
    } finally {
      c.preview(moveNodes(c.doc(), { [dragged]: start }));
      c.select(new Set());
      await nextFrames(2);
    }
  },
};
window.benchPositions = () => {
  if (!laidOut) throw new Error('not laid out yet');
  return positionsOf(laidOut);
};
