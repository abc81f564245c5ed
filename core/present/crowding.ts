import type { MapGeometry } from '../graph/geometry.ts';
import type { PresentationSettings } from './model.ts';
import type { AnyStep } from './navigate.ts';
import { labelFit, PROJECTOR, regionOf, viewOf } from './view.ts';

/**
 * Crowding as worked out for each step object (steps are replaced, never changed, by an edit) on
 * each geometry: measuring is quadratic in the nodes shown, and the step list asks for every step
 * on every render. A new geometry (the map changed) starts afresh; the minimum label size is the
 * one setting that changes the answer.
 */
const crowdingByGeometry = new WeakMap<MapGeometry, WeakMap<AnyStep, { settings: string; value: number | null }>>();

/**
 * The smallest label a step shows on a 1920×1080 projector, when it is below the minimum even
 * after labels have grown as far as the layout has room for; null when the step reads well.
 */
export function crowding(step: AnyStep, geometry: MapGeometry, settings: PresentationSettings): number | null {
  let byStep = crowdingByGeometry.get(geometry);
  if (!byStep) crowdingByGeometry.set(geometry, (byStep = new WeakMap()));
  const key = `${settings.minLabelPx}`;
  const known = byStep.get(step);
  if (known?.settings === key) return known.value;
  const view = viewOf(step);
  const fit = labelFit(regionOf(step, geometry, view), PROJECTOR, settings, geometry, view.revealed);
  const value = fit.scale < fit.needed ? fit.smallestPx : null;
  byStep.set(step, { settings: key, value });
  return value;
}
