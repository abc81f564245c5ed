import type { MapDocument } from '../graph/model.ts';
import type { PresentationDocument, Step } from './model.ts';
import type { AnyStep } from './navigate.ts';

/** A step that lost nodes because they were deleted from the map, for telling the author. */
export interface PrunedStep {
  stepId: string;
  stepTitle: string;
  removed: string[];
}

/**
 * Drops ids of deleted concepts and phrases from every step, so a presentation never points at
 * nothing. A step that revealed only deleted nodes keeps an empty reveal (it shows nothing new)
 * rather than disappearing: its notes and place in the talk are the author's to decide on.
 */
export function pruneSteps(doc: PresentationDocument, map: Pick<MapDocument, 'concepts' | 'phrases' | 'groups'>): { doc: PresentationDocument; pruned: PrunedStep[] } {
  const exists = new Set([...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id), ...map.groups.map((g) => g.id)]);
  const pruned: PrunedStep[] = [];
  const prune = <S extends AnyStep>(step: S): S => {
    const gone = new Set([...(step.reveal ?? []), ...step.highlight].filter((id) => !exists.has(id)));
    if (gone.size === 0) return step;
    pruned.push({ stepId: step.id, stepTitle: step.title, removed: [...gone] });
    return { ...step, reveal: step.reveal && step.reveal.filter((id) => exists.has(id)), highlight: step.highlight.filter((id) => exists.has(id)) };
  };
  const steps = doc.steps.map((step): Step => {
    const main = prune(step);
    const detours = step.detours.map((d) => ({ ...d, steps: d.steps.map(prune) }));
    return { ...main, detours };
  });
  return { doc: pruned.length ? { ...doc, steps } : doc, pruned };
}
