import type { MapDocument } from '../../../../core/graph/model.ts';
import type { Camera, PresentationSettings } from '../../../../core/present/model.ts';
import { connectingPhrases, fitRegion } from '../../../../core/present/view.ts';
import type { MapCanvasHandle } from '../maps/MapCanvas.tsx';

/** What the author's selection does to a step's reveal and highlight lists. */

const conceptsIn = (map: MapDocument, ids: Iterable<string>) => {
  const concepts = new Set(map.concepts.map((c) => c.id));
  return new Set([...ids].filter((id) => concepts.has(id)));
};

const allIds = (map: MapDocument) => [...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id)];

/** Only the selection, with the propositions between its concepts. */
export function revealOnly(map: MapDocument, selection: ReadonlySet<string>): string[] {
  return [...new Set([...selection, ...connectingPhrases(map, conceptsIn(map, selection))])];
}

/** What the step shows, plus the selection and the propositions that now connect. */
export function revealAlso(map: MapDocument, reveal: string[] | null, selection: ReadonlySet<string>): string[] | null {
  if (!reveal) return null;
  const shown = new Set([...reveal, ...selection]);
  return [...new Set([...shown, ...connectingPhrases(map, conceptsIn(map, shown))])];
}

/** What the step shows, minus the selection and the propositions left without both ends. */
export function hide(map: MapDocument, reveal: string[] | null, selection: ReadonlySet<string>): string[] {
  const shown = new Set((reveal ?? allIds(map)).filter((id) => !selection.has(id)));
  const linked = new Set(connectingPhrases(map, conceptsIn(map, shown)));
  const phrases = new Set(map.phrases.map((p) => p.id));
  return [...shown].filter((id) => !phrases.has(id) || linked.has(id));
}

/** The selection, with the propositions inside it. */
export function highlightOf(map: MapDocument, selection: ReadonlySet<string>): string[] {
  return revealOnly(map, selection);
}

/** The region the author is looking at in the editor, in map coordinates. */
export function currentRegion(canvas: MapCanvasHandle | null): Camera | null {
  const el = canvas?.element();
  if (!canvas || !el || el.clientWidth === 0) return null;
  const { x, y, k } = canvas.camera();
  return { x: -x / k, y: -y / k, width: el.clientWidth / k, height: el.clientHeight / k };
}

/** Shows a step's region in the editor. */
export function frameStep(canvas: MapCanvasHandle | null, region: Camera, settings: PresentationSettings): void {
  const el = canvas?.element();
  if (!canvas || !el || el.clientWidth === 0) return;
  const fit = fitRegion(region, { width: el.clientWidth, height: el.clientHeight }, { ...settings, minLabelPx: 0 });
  canvas.moveTo({ x: fit.x, y: fit.y, k: fit.k }, 450);
}
