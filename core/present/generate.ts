import { computeLayout } from '../graph/layout/index.ts';
import type { MapDocument } from '../graph/model.ts';
import type { PresentationDocument, Step } from './model.ts';
import { connectingPhrases } from './view.ts';

/** At most this many steps from the generator: larger maps reveal several concepts per step. */
const MAX_GENERATED_STEPS = 200;

/**
 * "Reveal the map concept by concept": concepts in the order a layered layout ranks them (top to
 * bottom, or along the map's direction; left to right within a rank), each step adding the next
 * concept with the propositions it completes, which are highlighted. The last step shows the
 * whole map. The layered order is computed for ordering only: the map's own layout is untouched.
 */
export function revealStepByStep(map: MapDocument, title: string): PresentationDocument {
  const positions = computeLayout(map, { kind: 'layered', direction: map.settings.direction });
  const horizontal = map.settings.direction === 'LR' || map.settings.direction === 'RL';
  const reversed = map.settings.direction === 'BT' || map.settings.direction === 'RL';
  const rank = (id: string) => {
    const p = positions[id] ?? map.layout[id] ?? { x: 0, y: 0 };
    const main = horizontal ? p.x : p.y;
    return { main: reversed ? -main : main, cross: horizontal ? p.y : p.x };
  };
  const ordered = [...map.concepts].sort((a, b) => {
    const ra = rank(a.id);
    const rb = rank(b.id);
    return Math.abs(ra.main - rb.main) > 1 ? ra.main - rb.main : ra.cross - rb.cross;
  });
  const perStep = Math.max(1, Math.ceil(ordered.length / (MAX_GENERATED_STEPS - 1)));
  const steps: Step[] = [];
  const shown = new Set<string>();
  let shownPhrases = new Set<string>();
  for (let i = 0; i < ordered.length; i += perStep) {
    const added = ordered.slice(i, i + perStep);
    for (const c of added) shown.add(c.id);
    const phrases = connectingPhrases(map, shown);
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
  steps.push({ id: `s${steps.length + 1}`, title: map.title.slice(0, 300) || '—', camera: null, reveal: null, highlight: [], notes: '', detours: [] });
  return { title, steps, settings: { theme: 'dark', minLabelPx: 18, transitionMs: 700 } };
}
