import { select } from 'd3-selection';
import 'd3-transition'; // adds selection.transition(), used for animated camera moves
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { addConcept, dragPreviews, link, moveNodes } from '../../../../core/graph/actions.ts';
import { bounds, type MapGeometry, type NodeBox } from '../../../../core/graph/geometry.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';
import { TiledPainter } from './drawCanvas.ts';
import { shapePath } from '../../../../core/graph/shapes.ts';
import { ACCENT, HIT, INK, alphaOf, isDimmed, isGhost, isVisible, type SceneState } from './scene.ts';
import { buildIndex } from './spatialIndex.ts';
import { SvgScene } from './SvgScene.tsx';
import { Minimap } from './Minimap.tsx';

/** Above this many visible nodes the map is drawn on a 2D canvas instead of as SVG (see bench:map). */
export const SVG_NODE_LIMIT = 1500;
/** After this long without the camera or the map changing, the finished picture is drawn (crisp, at the exact scale). */
const SETTLE_MS = 200;

export interface Camera {
  x: number;
  y: number;
  k: number;
}

export interface MapCanvasHandle {
  fit(animate?: boolean): void;
  zoomBy(factor: number): void;
  centerOn(ids: readonly string[]): void;
  camera(): Camera;
  moveTo(camera: Camera, duration?: number): void;
  element(): HTMLDivElement | null;
}

interface Props {
  doc: MapDocument;
  geometry: MapGeometry;
  state: SceneState;
  editable: boolean;
  ariaLabel: string;
  minimap?: boolean;
  onSelect?(ids: Set<string>): void;
  onPreview?(doc: MapDocument): void;
  onCommit?(doc: MapDocument, edit?: { id: string }): void;
  onKey?(event: React.KeyboardEvent): boolean;
  onEditRequest?(id: string): void;
  onCameraChange?(camera: Camera): void;
  /** The node whose label is being typed, shown as a text field over it. */
  editing?: string | null;
  onEditDone?(id: string, text: string | null): void;
  editLabel?: string;
  /** Fit the map to the view when it is first shown (off where the caller sets the camera). */
  initialFit?: boolean;
  /** Extra classes on the surface ('projector'). */
  className?: string;
}

type Gesture =
  | { kind: 'drag'; start: [number, number]; origin: Map<string, { x: number; y: number }>; moved: boolean; clicked: string; additive: boolean }
  | { kind: 'box'; start: [number, number]; end: [number, number] }
  | { kind: 'link'; from: string; end: [number, number] };

/**
 * The map surface: zoom and pan with d3-zoom; drag, box-select, link by dragging from a handle,
 * add by double-click. Hit testing uses a grid over the geometry, so the same interactions work
 * whether the SVG or the canvas backend draws.
 *
 * The canvas backend does not redraw the map for a camera move: it copies tiles rendered earlier
 * (see drawCanvas.ts) and renders them afresh once the camera settles.
 */
export const MapCanvas = forwardRef<MapCanvasHandle, Props>(function MapCanvas(props, ref) {
  const { doc, geometry, state, editable } = props;
  const container = useRef<HTMLDivElement>(null);
  const viewport = useRef<SVGGElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const [size, setSize] = useState({ width: 800, height: 600 });
  const [measured, setMeasured] = useState(false);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [view, setView] = useState<ZoomTransform>(zoomIdentity);
  const index = useMemo(() => buildIndex(geometry.nodes), [geometry]);
  const useCanvas = geometry.nodes.length > SVG_NODE_LIMIT;
  const frame = useRef(0);
  /** The previews of the drag in progress (see dragPreviews), made when it starts moving. */
  const dragPreview = useRef<ReturnType<typeof dragPreviews> | null>(null);
  const painter = useRef<TiledPainter | null>(null);
  const settled = useRef(false);
  const svg = useRef<SVGSVGElement>(null);
  /** The transform the SVG drawing was last painted at (see moveSvg). */
  const svgBase = useRef<ZoomTransform | null>(null);
  const settleTimer = useRef<number | undefined>(undefined);
  // The zoom listener and the frame callbacks outlive renders; they read the latest of these.
  const latest = useRef({ props, geometry, state, size, useCanvas, index });
  useLayoutEffect(() => {
    latest.current = { props, geometry, state, size, useCanvas, index };
  });

  /**
   * The SVG backend while the camera moves: the drawing keeps the transform it was last drawn
   * at and the whole <svg> is moved and scaled by a CSS transform, which the compositor applies
   * to the picture already rasterised instead of painting every box and label again (with
   * software rendering that repaint cost 20–50 ms a frame even for small maps). When the camera
   * settles, the drawing takes the new transform and is painted crisp once.
   */
  const moveSvg = useCallback((t: ZoomTransform) => {
    const el = svg.current;
    const base = svgBase.current;
    if (!el) return;
    if (settled.current || !base) {
      svgBase.current = t;
      el.style.transform = '';
      viewport.current?.setAttribute('transform', t.toString());
      overlay.current?.setAttribute('transform', t.toString());
      return;
    }
    const s = t.k / base.k;
    el.style.transform = `translate(${t.x - s * base.x}px, ${t.y - s * base.y}px) scale(${s})`;
  }, []);

  const draw = useCallback(function draw() {
    frame.current = 0;
    const { geometry, state, size, useCanvas } = latest.current;
    const t = transform.current;
    if (!useCanvas) {
      painter.current?.dispose();
      painter.current = null;
      moveSvg(t);
      return;
    }
    svgBase.current = null;
    if (svg.current) svg.current.style.transform = '';
    viewport.current?.setAttribute('transform', t.toString());
    overlay.current?.setAttribute('transform', t.toString());
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    painter.current ??= new TiledPainter();
    painter.current.update(geometry, state);
    const more = painter.current.draw(ctx, t, { ...size, ratio: window.devicePixelRatio || 1 }, settled.current);
    if (more && !frame.current) frame.current = requestAnimationFrame(draw);
  }, [moveSvg]);

  const requestDraw = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  /** Something moved: the finished picture waits until nothing has for a moment. */
  const unsettle = useCallback(() => {
    settled.current = false;
    window.clearTimeout(settleTimer.current);
    settleTimer.current = window.setTimeout(() => {
      settled.current = true;
      draw();
    }, SETTLE_MS);
  }, [draw]);

  useLayoutEffect(() => {
    unsettle();
    draw();
  }, [geometry, state, size, useCanvas, draw, unsettle]);

  useEffect(
    () => () => {
      window.clearTimeout(settleTimer.current);
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      painter.current?.dispose();
      painter.current = null;
    },
    [],
  );

  // Size tracking.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      setSize({ width: el.clientWidth, height: el.clientHeight });
      setMeasured(el.clientWidth > 0);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Zoom and pan. Drags that start on a node, or with Shift (box select), are ours, not d3-zoom's.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const behaviour = d3zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.05, 8])
      .filter((event: Event) => {
        if (event.type === 'wheel') return true;
        if (event.type === 'dblclick') return false;
        const e = event as PointerEvent;
        if (e.button !== 0 || e.shiftKey) return false;
        const [x, y] = transform.current.invert(pointerIn(el, e));
        return !latest.current.index.at(x, y) && !(e.target instanceof Element && e.target.closest('.map-handle, .map-label-editor, .minimap'));
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        transform.current = event.transform;
        setView(event.transform);
        latest.current.props.onCameraChange?.({ x: event.transform.x, y: event.transform.y, k: event.transform.k });
        unsettle();
        requestDraw();
      });
    zoomRef.current = behaviour;
    select(el).call(behaviour).on('dblclick.zoom', null);
    return () => {
      select(el).on('.zoom', null);
    };
  }, [requestDraw, unsettle]);

  const fit = useCallback(
    (animate = true) => {
      const el = container.current;
      const behaviour = zoomRef.current;
      if (!el || !behaviour) return;
      const box = bounds(geometry);
      if (box.width === 0 && box.height === 0) return;
      // The element's size now, not the last one React saw: fitting often follows a resize.
      const width = el.clientWidth;
      const height = el.clientHeight;
      const k = Math.min(1.6, 0.92 * Math.min(width / Math.max(box.width, 1), height / Math.max(box.height, 1)));
      const target = zoomIdentity.translate(width / 2 - k * (box.x + box.width / 2), height / 2 - k * (box.y + box.height / 2)).scale(k);
      const selection = select(el);
      if (animate) selection.transition().duration(400).call(behaviour.transform, target);
      else selection.call(behaviour.transform, target);
    },
    [geometry],
  );

  const moveTo = useCallback((camera: Camera, duration = 600) => {
    const el = container.current;
    const behaviour = zoomRef.current;
    if (!el || !behaviour) return;
    const target = zoomIdentity.translate(camera.x, camera.y).scale(camera.k);
    // d3-zoom's own transition interpolates with interpolateZoom (van Wijk & Nuij): a smooth
    // zoom-and-pan a room's eyes can follow. (Setting the transform from a tween instead would
    // interrupt the transition doing the tweening.)
    if (duration <= 0) select(el).call(behaviour.transform, target);
    else select(el).transition().duration(duration).call(behaviour.transform, target);
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      fit,
      moveTo,
      zoomBy(factor) {
        if (container.current && zoomRef.current) select(container.current).transition().duration(200).call(zoomRef.current.scaleBy, factor);
      },
      centerOn(ids) {
        const nodes = ids.map((id) => geometry.byId.get(id)).filter((n): n is NodeBox => n !== undefined);
        if (!nodes.length || !container.current || !zoomRef.current) return;
        const x = nodes.reduce((s, n) => s + n.x, 0) / nodes.length;
        const y = nodes.reduce((s, n) => s + n.y, 0) / nodes.length;
        const k = Math.max(transform.current.k, 0.8);
        select(container.current)
          .transition()
          .duration(400)
          .call(zoomRef.current.transform, zoomIdentity.translate(size.width / 2 - k * x, size.height / 2 - k * y).scale(k));
      },
      camera: () => ({ x: transform.current.x, y: transform.current.y, k: transform.current.k }),
      element: () => container.current,
    }),
    [fit, moveTo, geometry, size],
  );

  // Fit once when a map that already has content is first shown, after the element has its real
  // size; an empty map stays put, so the first concept a user adds appears where they clicked.
  const fitted = useRef(geometry.nodes.length === 0 || props.initialFit === false);
  useEffect(() => {
    if (!fitted.current && measured) {
      fitted.current = true;
      fit(false);
    }
  }, [fit, measured]);

  const toMap = (event: { clientX: number; clientY: number }): [number, number] =>
    container.current ? transform.current.invert(pointerIn(container.current, event)) : [0, 0];

  function onPointerDown(event: React.PointerEvent) {
    if (event.button !== 0) return;
    const [x, y] = toMap(event);
    const target = event.target as Element;
    if (editable && target.closest('.map-handle')) {
      const from = target.closest('.map-handle')?.getAttribute('data-for');
      if (from) {
        setGesture({ kind: 'link', from, end: [x, y] });
        (event.currentTarget as Element).setPointerCapture(event.pointerId);
      }
      return;
    }
    const hit = index.at(x, y);
    if (hit) {
      const selection = new Set(state.selection);
      if (event.shiftKey || event.metaKey || event.ctrlKey) {
        if (selection.has(hit.id)) selection.delete(hit.id);
        else selection.add(hit.id);
      } else if (!selection.has(hit.id)) {
        selection.clear();
        selection.add(hit.id);
      }
      props.onSelect?.(selection);
      if (editable) {
        const origin = new Map([...selection].flatMap((id) => {
          const n = geometry.byId.get(id);
          return n ? [[id, { x: n.x, y: n.y }] as const] : [];
        }));
        setGesture({ kind: 'drag', start: [x, y], origin, moved: false, clicked: hit.id, additive: event.shiftKey || event.metaKey || event.ctrlKey });
        (event.currentTarget as Element).setPointerCapture(event.pointerId);
      }
      return;
    }
    if (event.shiftKey) {
      setGesture({ kind: 'box', start: [x, y], end: [x, y] });
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
      return;
    }
    if (state.selection.size) props.onSelect?.(new Set());
  }

  function onPointerMove(event: React.PointerEvent) {
    if (!gesture) return;
    const [x, y] = toMap(event);
    if (gesture.kind === 'drag') {
      const dx = x - gesture.start[0];
      const dy = y - gesture.start[1];
      if (!gesture.moved && Math.hypot(dx, dy) * transform.current.k < 3) return;
      if (!gesture.moved || !dragPreview.current) dragPreview.current = dragPreviews(doc);
      const moves: Record<string, { x: number; y: number }> = {};
      for (const [id, at] of gesture.origin) moves[id] = { x: at.x + dx, y: at.y + dy };
      props.onPreview?.(dragPreview.current(moves));
      if (!gesture.moved) setGesture({ ...gesture, moved: true });
    } else setGesture({ ...gesture, end: [x, y] });
  }

  function onPointerUp(event: React.PointerEvent) {
    if (!gesture) return;
    const [x, y] = toMap(event);
    setGesture(null);
    dragPreview.current = null;
    if (gesture.kind === 'drag' && !gesture.moved && !gesture.additive && state.selection.size > 1) {
      // A plain click on one of several selected nodes selects just that one.
      props.onSelect?.(new Set([gesture.clicked]));
    } else if (gesture.kind === 'drag' && gesture.moved) {
      const dx = x - gesture.start[0];
      const dy = y - gesture.start[1];
      const moves: Record<string, { x: number; y: number }> = {};
      for (const [id, at] of gesture.origin) moves[id] = { x: at.x + dx, y: at.y + dy };
      props.onCommit?.(moveNodes(doc, moves));
    } else if (gesture.kind === 'box') {
      const inside = index.within(gesture.start[0], gesture.start[1], x, y).filter((n) => n.kind !== 'phrase');
      props.onSelect?.(new Set([...state.selection, ...inside.map((n) => n.id)]));
    } else if (gesture.kind === 'link') {
      const target = index.at(x, y);
      if (target && target.id !== gesture.from && target.kind === 'concept') {
        const result = link(doc, gesture.from, target.id);
        props.onCommit?.(result.map, { id: result.id });
      } else if (!target) {
        const added = addConcept(doc, { x, y }, '');
        const linked = link(added.map, gesture.from, added.id);
        props.onCommit?.(linked.map, { id: added.id });
      }
    }
  }

  function onDoubleClick(event: React.MouseEvent) {
    if (!editable) return;
    const [x, y] = toMap(event);
    const hit = index.at(x, y);
    if (hit) props.onEditRequest?.(hit.id);
    else {
      const added = addConcept(doc, { x, y }, '');
      props.onCommit?.(added.map, { id: added.id });
    }
  }

  const single = state.selection.size === 1 ? geometry.byId.get([...state.selection][0] ?? '') : undefined;
  const handle = editable && single && single.kind === 'concept' ? single : undefined;

  return (
    <div
      ref={container}
      className={`map-canvas ${gesture?.kind === 'drag' && gesture.moved ? 'dragging' : ''} ${props.className ?? ''}`}
      tabIndex={0}
      role="application"
      aria-label={props.ariaLabel}
      aria-roledescription="concept map"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onDoubleClick={onDoubleClick}
      onKeyDown={(e) => {
        if (props.onKey?.(e)) e.preventDefault();
      }}
    >
      {useCanvas && <canvas ref={canvas} width={size.width * (window.devicePixelRatio || 1)} height={size.height * (window.devicePixelRatio || 1)} style={{ width: size.width, height: size.height }} />}
      <svg ref={svg} className="map-svg" width={size.width} height={size.height}>
        <defs>
          <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" fill={INK[state.theme]} />
          </marker>
          <marker id="map-circle" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7">
            <circle cx="5" cy="5" r="4" fill="none" stroke={INK[state.theme]} strokeWidth="1.5" />
          </marker>
          <marker id="map-cross" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7">
            <path d="M1,1L9,9M9,1L1,9" stroke={INK[state.theme]} strokeWidth="1.5" />
          </marker>
        </defs>
        {!useCanvas && (
          <g ref={viewport}>
            <SvgScene geometry={geometry} state={state} />
          </g>
        )}
        <g ref={overlay}>
          {useCanvas && <Outlines geometry={geometry} state={state} k={view.k} />}
          {handle && (
            <g className="map-handle" data-for={handle.id} transform={`translate(${handle.x + handle.width / 2 + 12},${handle.y})`}>
              <circle r={8} fill={ACCENT[state.theme]} />
              <path d="M-3,0H3M0,-3V3" stroke="#fff" strokeWidth={1.6} />
              <title>drag to link</title>
            </g>
          )}
          {gesture?.kind === 'link' && handle && (
            <line className="map-link-preview" x1={handle.x} y1={handle.y} x2={gesture.end[0]} y2={gesture.end[1]} />
          )}
          {gesture?.kind === 'box' && (
            <rect
              className="map-box-select"
              x={Math.min(gesture.start[0], gesture.end[0])}
              y={Math.min(gesture.start[1], gesture.end[1])}
              width={Math.abs(gesture.end[0] - gesture.start[0])}
              height={Math.abs(gesture.end[1] - gesture.start[1])}
            />
          )}
        </g>
      </svg>
      {props.editing && editedNode(geometry, props.editing) && (
        <LabelEditor
          node={editedNode(geometry, props.editing) as NodeBox}
          transform={view}
          label={props.editLabel ?? ''}
          onDone={(text) => props.onEditDone?.(props.editing as string, text)}
        />
      )}
      {props.minimap !== false && geometry.nodes.length > 40 && (
        <Minimap
          geometry={geometry}
          view={view}
          size={size}
          theme={state.theme}
          onMove={(cx, cy) => {
            if (!container.current || !zoomRef.current) return;
            const k = transform.current.k;
            select(container.current).call(zoomRef.current.transform, zoomIdentity.translate(size.width / 2 - cx * k, size.height / 2 - cy * k).scale(k));
          }}
        />
      )}
    </div>
  );
});

/**
 * Over the canvas backend's tiles: a box around each selected node, and the outline of selected
 * and searched-for concepts in their colour (the tiles do not change with every click).
 */
function Outlines({ geometry, state, k }: { geometry: MapGeometry; state: SceneState; k: number }) {
  const outlined = [...new Set([...state.hits, ...state.selection])];
  return (
    <g strokeWidth={3 / Math.max(k, 0.5)}>
      {[...state.selection].map((id) => {
        const n = geometry.byId.get(id);
        return n ? <rect key={id} className="map-selection-box" x={n.x - n.width / 2 - 3} y={n.y - n.height / 2 - 3} width={n.width + 6} height={n.height + 6} rx={6} /> : null;
      })}
      {outlined.map((id) => {
        const n = geometry.byId.get(id);
        if (!n || n.kind === 'phrase' || !isVisible(id, state)) return null;
        return (
          <path
            key={id}
            className="map-outline"
            transform={`translate(${n.x},${n.y})`}
            d={shapePath(n.shape === 'text' ? 'rect' : n.shape, n.width, n.height)}
            stroke={state.selection.has(id) ? ACCENT[state.theme] : HIT}
            opacity={alphaOf({ dim: isDimmed(id, state), ghost: isGhost(id, state) })}
          />
        );
      })}
    </g>
  );
}

/** The box to put the label field over: a node's own, or a group's title bar. */
function editedNode(geometry: MapGeometry, id: string): NodeBox | undefined {
  const node = geometry.byId.get(id);
  if (node) return node;
  const group = geometry.groups.find((g) => g.id === id);
  return group && { ...nodeLike(group.id), x: group.x + 80, y: group.y + 14, width: 140, height: 24 };
}

function nodeLike(id: string): NodeBox {
  return { id, kind: 'group', label: '', x: 0, y: 0, width: 0, height: 0, lines: [], fontSize: 12, shape: 'text', style: {}, entity: null, pinned: false };
}

/** A text field over the node being labelled: Enter keeps, Escape cancels, Shift+Enter breaks a line. */
function LabelEditor({ node, transform, label, onDone }: { node: NodeBox; transform: ZoomTransform; label: string; onDone(text: string | null): void }) {
  const [text, setText] = useState(label);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const [x, y] = transform.apply([node.x, node.y]);
  const width = Math.max(140, node.width * transform.k + 20);
  return (
    <textarea
      ref={input}
      className="map-label-editor"
      aria-label="label"
      value={text}
      rows={Math.max(1, text.split('\n').length)}
      style={{ left: x - width / 2, top: y - 18, width }}
      onChange={(e) => setText(e.target.value)}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          onDone(text);
        } else if (e.key === 'Escape') onDone(null);
      }}
      onBlur={() => onDone(text)}
    />
  );
}

function pointerIn(el: Element, event: { clientX: number; clientY: number }): [number, number] {
  const rect = el.getBoundingClientRect();
  return [event.clientX - rect.left, event.clientY - rect.top];
}
