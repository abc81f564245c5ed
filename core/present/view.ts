import { bounds, PHRASE_FONT, type MapGeometry } from '../graph/geometry.ts';
import type { MapDocument } from '../graph/model.ts';
import type { Camera, PresentationSettings } from './model.ts';
import type { AnyStep } from './navigate.ts';

/** What one step shows: the nodes revealed (null: all) and those highlighted (empty: none dimmed). */
export interface StepView {
  revealed: Set<string> | null;
  highlighted: Set<string>;
}

/**
 * The view of a step. `alwaysShow` are nodes that exist now but did not when the session began
 * (added live by the facilitator): they are shown at every step, or the room would lose them.
 */
export function viewOf(step: AnyStep | null, alwaysShow: Iterable<string> = []): StepView {
  if (!step) return { revealed: null, highlighted: new Set() };
  const revealed = step.reveal ? new Set([...step.reveal, ...alwaysShow]) : null;
  const highlighted = new Set(step.highlight.filter((id) => !revealed || revealed.has(id)));
  return { revealed, highlighted };
}

/** Phrases whose linked concepts are revealed: at least one source and one target. */
export function connectingPhrases(map: Pick<MapDocument, 'phrases'>, concepts: ReadonlySet<string>): string[] {
  return map.phrases.filter((p) => p.from.some((id) => concepts.has(id)) && p.to.some((id) => concepts.has(id))).map((p) => p.id);
}

/** The region a step shows: its camera, else everything it reveals, else the whole map. */
export function regionOf(step: AnyStep | null, geometry: MapGeometry, view: StepView): Camera {
  if (step?.camera) return step.camera;
  const nodes = view.revealed ? geometry.nodes.filter((n) => view.revealed?.has(n.id)) : geometry.nodes;
  const box = bounds({ ...geometry, nodes: nodes.length ? nodes : geometry.nodes, groups: view.revealed ? [] : geometry.groups });
  const margin = 40;
  return { x: box.x - margin, y: box.y - margin, width: Math.max(box.width, 1) + margin * 2, height: Math.max(box.height, 1) + margin * 2 };
}

export interface ScreenFit {
  /** The d3-zoom transform that shows the region centred. */
  x: number;
  y: number;
  k: number;
  /**
   * How much labels must grow for the smallest to reach the minimum size on screen. Boxes grow
   * around their fixed centres, so nothing moves; labelFit limits the growth to what leaves
   * neighbours apart.
   */
  labelScale: number;
}

/** The closest a step frames the map: a single concept fills a third of the screen, not all of it. */
export const MAX_ZOOM = 3;

export function fitRegion(region: Camera, screen: { width: number; height: number }, settings: Pick<PresentationSettings, 'minLabelPx'>): ScreenFit {
  const k = Math.min(MAX_ZOOM, screen.width / region.width, screen.height / region.height);
  const labelScale = Math.max(1, settings.minLabelPx / (k * PHRASE_FONT));
  return {
    x: screen.width / 2 - k * (region.x + region.width / 2),
    y: screen.height / 2 - k * (region.y + region.height / 2),
    k,
    // Quarter steps, so the label sizes (and their cached measurements) change rarely.
    labelScale: Math.ceil(labelScale * 4) / 4,
  };
}

/** Beyond this many nodes in view, labels are not grown (the pairwise check below is quadratic). */
const ROOM_CHECK_LIMIT = 600;

/**
 * How much the labels of these nodes can grow, each box around its own centre, before any two
 * boxes that are apart now would touch: the most the projector theme may enlarge them without
 * making the map unreadable. Two boxes stay apart at scale s while s ≤ max(|dx| / half-widths,
 * |dy| / half-heights).
 */
export function roomForLabels(geometry: MapGeometry, shown: ReadonlySet<string> | null, region: Camera): number {
  const inRegion = geometry.nodes.filter(
    (n) =>
      (!shown || shown.has(n.id)) &&
      n.x + n.width / 2 >= region.x &&
      n.x - n.width / 2 <= region.x + region.width &&
      n.y + n.height / 2 >= region.y &&
      n.y - n.height / 2 <= region.y + region.height,
  );
  if (inRegion.length > ROOM_CHECK_LIMIT) return 1;
  let room = 4;
  for (let i = 0; i < inRegion.length; i++) {
    const a = inRegion[i];
    if (!a) continue;
    for (let j = i + 1; j < inRegion.length; j++) {
      const b = inRegion[j];
      if (!b) continue;
      const sx = Math.abs(a.x - b.x) / ((a.width + b.width) / 2);
      const sy = Math.abs(a.y - b.y) / ((a.height + b.height) / 2);
      const apart = Math.max(sx, sy);
      if (apart >= 1) room = Math.min(room, apart);
    }
  }
  return Math.max(1, Math.floor(room * 0.95 * 4) / 4);
}

/** The label growth a step needs, what it gets without overlaps, and the smallest label that leaves on screen. */
export function labelFit(
  region: Camera,
  screen: { width: number; height: number },
  settings: Pick<PresentationSettings, 'minLabelPx'>,
  geometry: MapGeometry,
  shown: ReadonlySet<string> | null,
): { needed: number; scale: number; smallestPx: number } {
  const fit = fitRegion(region, screen, settings);
  const scale = fit.labelScale > 1 ? Math.min(fit.labelScale, roomForLabels(geometry, shown, region)) : 1;
  return { needed: fit.labelScale, scale, smallestPx: Math.round(fit.k * PHRASE_FONT * scale) };
}

/** The screen authors are warned for: a common projector. */
export const PROJECTOR = { width: 1920, height: 1080 } as const;
