import type { DetourStep, Position, PresentationDocument, Step } from './model.ts';

/**
 * Editing a presentation's steps as pure functions, like the map's actions: the authoring panel
 * keeps the documents it passes through as its undo history. A step is addressed by a Position
 * (a main step, or a step inside one of its detours).
 */

export type StepContent = Omit<DetourStep, 'id'>;

function newId(doc: PresentationDocument, prefix: string): string {
  const taken = new Set(doc.steps.flatMap((s) => [s.id, ...s.detours.flatMap((d) => [d.id, ...d.steps.map((x) => x.id)])]));
  let n = taken.size + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function withDetourSteps(doc: PresentationDocument, step: number, detourId: string, change: (steps: DetourStep[]) => DetourStep[]): PresentationDocument {
  return {
    ...doc,
    steps: doc.steps.map((s, i) => (i === step ? { ...s, detours: s.detours.map((d) => (d.id === detourId ? { ...d, steps: change(d.steps) } : d)) } : s)),
  };
}

/** Adds a step after `after` (in the same detour, if it is in one), or at the end. */
export function insertStep(doc: PresentationDocument, after: Position | null, content: StepContent): { doc: PresentationDocument; at: Position } {
  const id = newId(doc, 's');
  if (after?.detour) {
    const { id: detourId, step } = after.detour;
    return { doc: withDetourSteps(doc, after.step, detourId, (steps) => [...steps.slice(0, step + 1), { ...content, id }, ...steps.slice(step + 1)]), at: { step: after.step, detour: { id: detourId, step: step + 1 } } };
  }
  const index = after ? after.step + 1 : doc.steps.length;
  const step: Step = { ...content, id, detours: [] };
  return { doc: { ...doc, steps: [...doc.steps.slice(0, index), step, ...doc.steps.slice(index)] }, at: { step: index, detour: null } };
}

export function updateStep(doc: PresentationDocument, at: Position, patch: Partial<StepContent>): PresentationDocument {
  if (at.detour) {
    const { id, step } = at.detour;
    return withDetourSteps(doc, at.step, id, (steps) => steps.map((s, i) => (i === step ? { ...s, ...patch } : s)));
  }
  return { ...doc, steps: doc.steps.map((s, i) => (i === at.step ? { ...s, ...patch } : s)) };
}

/** Removes a step; a detour that loses its last step goes with it. Answers the step to select next. */
export function removeStep(doc: PresentationDocument, at: Position): { doc: PresentationDocument; at: Position | null } {
  if (at.detour) {
    const { id, step } = at.detour;
    const detour = doc.steps[at.step]?.detours.find((d) => d.id === id);
    if (!detour) return { doc, at: null };
    if (detour.steps.length <= 1) return { doc: removeDetour(doc, at.step, id), at: { step: at.step, detour: null } };
    return { doc: withDetourSteps(doc, at.step, id, (steps) => steps.filter((_, i) => i !== step)), at: { step: at.step, detour: { id, step: Math.max(0, step - 1) } } };
  }
  const steps = doc.steps.filter((_, i) => i !== at.step);
  return { doc: { ...doc, steps }, at: steps.length ? { step: Math.min(at.step, steps.length - 1), detour: null } : null };
}

/** Moves a step to another place in its own list (the main path, or its detour). */
export function moveStep(doc: PresentationDocument, at: Position, to: number): { doc: PresentationDocument; at: Position } {
  const move = <T>(list: readonly T[], from: number): T[] => {
    const target = Math.max(0, Math.min(to, list.length - 1));
    const copy = [...list];
    const [item] = copy.splice(from, 1);
    if (item !== undefined) copy.splice(target, 0, item);
    return copy;
  };
  if (at.detour) {
    const { id, step } = at.detour;
    const length = doc.steps[at.step]?.detours.find((d) => d.id === id)?.steps.length ?? 1;
    return { doc: withDetourSteps(doc, at.step, id, (steps) => move(steps, step)), at: { step: at.step, detour: { id, step: Math.max(0, Math.min(to, length - 1)) } } };
  }
  return { doc: { ...doc, steps: move(doc.steps, at.step) }, at: { step: Math.max(0, Math.min(to, doc.steps.length - 1)), detour: null } };
}

/** Offers a detour at a main step, starting with one step (usually a copy of that step's view). */
export function addDetour(doc: PresentationDocument, step: number, label: string, first: StepContent): { doc: PresentationDocument; at: Position } {
  const detourId = newId(doc, 'd');
  const stepId = newId({ ...doc, steps: [...doc.steps, { id: detourId, title: '', camera: null, reveal: null, highlight: [], notes: '', detours: [] }] }, 's');
  const steps = doc.steps.map((s, i) => (i === step ? { ...s, detours: [...s.detours, { id: detourId, label, steps: [{ ...first, id: stepId }] }] } : s));
  return { doc: { ...doc, steps }, at: { step, detour: { id: detourId, step: 0 } } };
}

export function renameDetour(doc: PresentationDocument, step: number, detourId: string, label: string): PresentationDocument {
  return { ...doc, steps: doc.steps.map((s, i) => (i === step ? { ...s, detours: s.detours.map((d) => (d.id === detourId ? { ...d, label } : d)) } : s)) };
}

export function removeDetour(doc: PresentationDocument, step: number, detourId: string): PresentationDocument {
  return { ...doc, steps: doc.steps.map((s, i) => (i === step ? { ...s, detours: s.detours.filter((d) => d.id !== detourId) } : s)) };
}

/** The content of a step, for copying into a new one. */
export function contentOf(step: DetourStep | Step): StepContent {
  return { title: step.title, camera: step.camera, reveal: step.reveal, highlight: step.highlight, notes: step.notes };
}
