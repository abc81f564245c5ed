import { layerOrder, type LayerEdge } from '../graph/layout/sugiyama.ts';
import type { MapDocument } from '../graph/model.ts';
import { MAX_STEP_IDS, type PresentationDocument, type Step } from './model.ts';
import { connectingPhrases } from './view.ts';

/** At most this many steps from the generator: larger maps reveal several concepts per step. */
const MAX_GENERATED_STEPS = 200;

/**
 * Concepts in layered reading order: by layer (along the map's direction), then left to right
 * within the layer. Only ranks and the order within layers are computed, never positions: the
 * phrases are vertices between the concepts they join, as in the layered layout.
 */
function layeredOrder(map: Pick<MapDocument, 'concepts' | 'phrases'>): MapDocument['concepts'] {
  const ids = [...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id)];
  const vertexOf = new Map(ids.map((id, i) => [id, i]));
  const edges: LayerEdge[] = [];
  for (const phrase of map.phrases) {
    const at = vertexOf.get(phrase.id) ?? -1;
    for (const from of phrase.from) {
      const v = vertexOf.get(from);
      if (v !== undefined && v !== at) edges.push({ from: v, to: at, minlen: 1 });
    }
    for (const to of phrase.to) {
      const v = vertexOf.get(to);
      if (v !== undefined && v !== at) edges.push({ from: at, to: v, minlen: 1 });
    }
  }
  const zeros = new Array<number>(ids.length).fill(0);
  const { rank, order } = layerOrder({ breadth: zeros, depth: zeros, edges });
  const index = map.concepts.map((_, i) => i);
  index.sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0) || (order[a] ?? 0) - (order[b] ?? 0));
  return index.flatMap((i) => map.concepts[i] ?? []);
}

/**
 * "Reveal the map concept by concept": concepts in layered order (top to bottom, or along the
 * map's direction; left to right within a layer), each step adding the next concepts with the
 * propositions they complete, which are highlighted. The last step shows the whole map. The map's
 * own layout is untouched.
 *
 * A step lists everything it reveals, and may list at most MAX_STEP_IDS: on a map too large for
 * that, the steps stop before the list would grow past it and the last step (which reveals all
 * without listing it) says so in its notes.
 */
export function revealStepByStep(map: Pick<MapDocument, 'title' | 'concepts' | 'phrases'>, title: string): PresentationDocument {
  const ordered = layeredOrder(map);
  const perStep = Math.max(1, Math.ceil(ordered.length / (MAX_GENERATED_STEPS - 1)));
  const steps: Step[] = [];
  const shown = new Set<string>();
  let shownPhrases = new Set<string>();
  let cut = false;
  for (let i = 0; i < ordered.length; i += perStep) {
    const added = ordered.slice(i, i + perStep);
    const next = new Set([...shown, ...added.map((c) => c.id)]);
    const phrases = connectingPhrases(map, next);
    if (next.size + phrases.length > MAX_STEP_IDS) {
      cut = true;
      break;
    }
    for (const c of added) shown.add(c.id);
    const newPhrases = phrases.filter((id) => !shownPhrases.has(id));
    shownPhrases = new Set(phrases);
    steps.push({
      id: `s${steps.length + 1}`,
      title: added.map((c) => c.label.replace(/\s+/g, ' ')).join(', ').slice(0, 300),
      camera: null,
      reveal: [...shown, ...phrases],
      highlight: [...added.map((c) => c.id), ...newPhrases],
      notes: '',
      detours: [],
    });
  }
  const notes = cut
    ? `The walkthrough reveals ${shown.size.toLocaleString('en')} of ${ordered.length.toLocaleString('en')} concepts one step at a time: a step can list at most ${MAX_STEP_IDS.toLocaleString('en')} concepts and phrases, so this step shows the rest of the map at once.`
    : '';
  steps.push({ id: `s${steps.length + 1}`, title: map.title.slice(0, 300) || '—', camera: null, reveal: null, highlight: [], notes, detours: [] });
  return { title, steps, settings: { theme: 'dark', minLabelPx: 18, transitionMs: 700 } };
}
