import { applyLayout } from '../../core/graph/actions.ts';
import { computeLayout, type LayoutKind, type Positions } from '../../core/graph/layout/index.ts';
import type { MapDocument } from '../../core/graph/model.ts';
import { median } from './frames.ts';
import type { LayoutTiming, SharedPositions } from './protocol.ts';

/** Layered layouts are timed up to this many concepts; force layouts at every size. */
export const LAYERED_LIMIT = 2000;

/** How often each layout is run: five times where it is quick (the median reported), else once. */
export function layoutRuns(concepts: number): number {
  return concepts <= 500 ? 5 : 1;
}

/**
 * Times computeLayout on the page's main thread (the editor runs it in a worker, the same code)
 * and returns the map laid out by the layout it draws: layered where it is timed, else force.
 */
export function timedLayouts(doc: MapDocument): { timings: LayoutTiming[]; drawn: LayoutKind; laidOut: MapDocument } {
  const kinds: LayoutKind[] = doc.concepts.length <= LAYERED_LIMIT ? ['layered', 'force'] : ['force'];
  const drawn: LayoutKind = kinds[0] ?? 'force';
  const timings: LayoutTiming[] = [];
  let positions: Positions = {};
  for (const kind of kinds) {
    const runs: number[] = [];
    for (let r = 0; r < layoutRuns(doc.concepts.length); r++) {
      const start = performance.now();
      const result = computeLayout(doc, { kind, direction: 'TB' });
      runs.push(performance.now() - start);
      if (kind === drawn) positions = result;
    }
    timings.push({ kind, ms: median(runs), runs, ...(kind === 'force' ? { ticks: 300 } : {}) });
  }
  return { timings, drawn, laidOut: applyLayout({ ...doc, settings: { direction: 'TB', layout: drawn } }, positions) };
}

/** A laid-out map's positions as both bench pages exchange them (force-graph draws ours). */
export function positionsOf(map: MapDocument): SharedPositions {
  const concepts: SharedPositions['concepts'] = {};
  const phrases: SharedPositions['phrases'] = {};
  for (const c of map.concepts) {
    const at = map.layout[c.id];
    if (at) concepts[c.id] = { x: at.x, y: at.y };
  }
  for (const p of map.phrases) {
    const at = map.layout[p.id];
    if (at) phrases[p.id] = { x: at.x, y: at.y };
  }
  return { concepts, phrases };
}
