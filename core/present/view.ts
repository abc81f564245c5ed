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
   * around their fixed centres, so nothing moves; beyond ~1.6 neighbours may start to overlap.
   */
  labelScale: number;
}

export function fitRegion(region: Camera, screen: { width: number; height: number }, settings: Pick<PresentationSettings, 'minLabelPx'>): ScreenFit {
  const k = Math.min(screen.width / region.width, screen.height / region.height);
  const labelScale = Math.max(1, settings.minLabelPx / (k * PHRASE_FONT));
  return {
    x: screen.width / 2 - k * (region.x + region.width / 2),
    y: screen.height / 2 - k * (region.y + region.height / 2),
    k,
    // Quarter steps, so the label sizes (and their cached measurements) change rarely.
    labelScale: Math.ceil(labelScale * 4) / 4,
  };
}

/** The label enlargement above which a step should be narrowed or split (shown to the author). */
export const CROWDED_LABEL_SCALE = 1.6;

/** The screen authors are warned for: a common projector. */
export const PROJECTOR = { width: 1920, height: 1080 } as const;
