import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { mapGeometry } from '../../../../core/graph/geometry.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';
import type { Position, PresentationDocument } from '../../../../core/present/model.ts';
import { stepAt } from '../../../../core/present/navigate.ts';
import { fitRegion, labelFit, PROJECTOR, regionOf, viewOf } from '../../../../core/present/view.ts';
import { MapCanvas, type MapCanvasHandle } from '../maps/MapCanvas.tsx';
import type { SceneState } from '../maps/scene.ts';

const NO_SELECTION: ReadonlySet<string> = new Set();

interface Props {
  map: MapDocument;
  presentation: PresentationDocument;
  /** The step shown; null shows the whole map. */
  position: Position | null;
  /** Nodes added during the session: shown at every step. */
  live?: ReadonlySet<string>;
  votes?: ReadonlyMap<string, readonly string[]>;
  theme: 'light' | 'dark';
  /**
   * The audience screen: projector styling, and labels grown for this screen's size. Previews
   * size labels for a 1920×1080 projector instead, so they show what the room will see.
   */
  projector?: boolean;
  /** Move the camera over the presentation's transition time (else cut). */
  animate?: boolean;
  ariaLabel: string;
  onConceptClick?(id: string, event: React.MouseEvent): void;
}

/**
 * The map as one step of a presentation shows it: only what the step reveals, the rest of it
 * dimmed around what it highlights, the camera on the step's region. The map's own layout is
 * drawn as is; only labels may grow (around fixed centres) to stay readable.
 */
export function StepStage(props: Props) {
  const { map, presentation, position, theme } = props;
  const canvas = useRef<MapCanvasHandle>(null);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => el.clientWidth > 0 && setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const step = position ? stepAt(presentation, position) : null;
  const live = props.live;
  const view = useMemo(() => viewOf(step, live ?? []), [step, live]);
  const base = useMemo(() => mapGeometry(map), [map]);
  const region = useMemo(() => regionOf(step, base, view), [step, base, view]);
  const screen = props.projector ? size : PROJECTOR;
  const { settings } = presentation;
  const labelScale = useMemo(() => (screen ? labelFit(region, screen, settings, base, view.revealed).scale : 1), [region, screen, settings, base, view]);
  const geometry = useMemo(() => (labelScale === 1 ? base : mapGeometry(map, { labelScale })), [base, map, labelScale]);

  const state: SceneState = useMemo(
    () => ({ selection: NO_SELECTION, hits: NO_SELECTION, focus: null, theme, revealed: view.revealed, highlighted: view.highlighted, projector: props.projector, votes: props.votes }),
    [theme, view, props.projector, props.votes],
  );

  // The camera follows the step; a resize re-frames at once, a step change moves smoothly.
  const lastRegion = useRef<typeof region | null>(null);
  const animate = props.animate ?? false;
  useEffect(() => {
    if (!size) return;
    const fit = fitRegion(region, size, settings);
    const moved = lastRegion.current !== null && lastRegion.current !== region;
    lastRegion.current = region;
    canvas.current?.moveTo({ x: fit.x, y: fit.y, k: fit.k }, moved && animate ? settings.transitionMs : 0);
  }, [region, size, settings, animate]);

  return (
    <div
      ref={box}
      className={`step-stage ${props.projector ? 'projector' : ''}`}
      data-theme={theme}
      onClick={(event) => {
        const id = (event.target as Element).closest('.map-node[data-id]')?.getAttribute('data-id');
        if (id && props.onConceptClick) props.onConceptClick(id, event);
      }}
    >
      <MapCanvas
        ref={canvas}
        doc={map}
        geometry={geometry}
        state={state}
        editable={false}
        initialFit={false}
        minimap={false}
        className={props.projector ? 'projector' : ''}
        ariaLabel={props.ariaLabel}
      />
    </div>
  );
}
