import type { DetourStep, Position, PresentationDocument, Step } from './model.ts';

/**
 * Moving through a presentation. Pure functions over (document, position), shared by the
 * audience window, the presenter view and the server that keeps both in step.
 *
 * Detours return to the step that offered them: going forward past a detour's last step (or back
 * before its first) lands on that main step again, and the next "forward" continues the main path.
 */

export type AnyStep = Step | DetourStep;

export function stepAt(doc: PresentationDocument, pos: Position): AnyStep | null {
  const main = doc.steps[pos.step];
  if (!main) return null;
  if (!pos.detour) return main;
  const detour = main.detours.find((d) => d.id === pos.detour?.id);
  return detour?.steps[pos.detour.step] ?? null;
}

/** A position that exists in the document: after an edit, the nearest one that still does. */
export function clampPosition(doc: PresentationDocument, pos: Position): Position {
  if (doc.steps.length === 0) return { step: 0, detour: null };
  const step = Math.min(Math.max(0, pos.step), doc.steps.length - 1);
  const main = doc.steps[step];
  const detour = pos.detour && main?.detours.find((d) => d.id === pos.detour?.id);
  if (!detour || !pos.detour) return { step, detour: null };
  return { step, detour: { id: detour.id, step: Math.min(pos.detour.step, detour.steps.length - 1) } };
}

export function next(doc: PresentationDocument, pos: Position): Position {
  if (pos.detour) {
    const detour = doc.steps[pos.step]?.detours.find((d) => d.id === pos.detour?.id);
    if (detour && pos.detour.step + 1 < detour.steps.length) return { step: pos.step, detour: { id: detour.id, step: pos.detour.step + 1 } };
    return { step: pos.step, detour: null };
  }
  return { step: Math.min(pos.step + 1, Math.max(0, doc.steps.length - 1)), detour: null };
}

export function previous(doc: PresentationDocument, pos: Position): Position {
  if (pos.detour) {
    if (pos.detour.step > 0) return { step: pos.step, detour: { id: pos.detour.id, step: pos.detour.step - 1 } };
    return { step: pos.step, detour: null };
  }
  return { step: Math.max(0, pos.step - 1), detour: null };
}

export const first = (): Position => ({ step: 0, detour: null });
export const last = (doc: PresentationDocument): Position => ({ step: Math.max(0, doc.steps.length - 1), detour: null });

/** Jump to main step `number`, counted from 1 as the room sees it; out of range stays put. */
export function jump(doc: PresentationDocument, pos: Position, number: number): Position {
  return Number.isInteger(number) && number >= 1 && number <= doc.steps.length ? { step: number - 1, detour: null } : pos;
}

/** Take detour `number` (from 1) of the current main step; stays put when there is none. */
export function enterDetour(doc: PresentationDocument, pos: Position, number = 1): Position {
  const detour = doc.steps[pos.step]?.detours[number - 1];
  return detour && !pos.detour ? { step: pos.step, detour: { id: detour.id, step: 0 } } : pos;
}

export const leaveDetour = (pos: Position): Position => ({ step: pos.step, detour: null });

export function samePosition(a: Position, b: Position): boolean {
  return a.step === b.step && (a.detour?.id ?? null) === (b.detour?.id ?? null) && (a.detour?.step ?? -1) === (b.detour?.step ?? -1);
}

/** What the progress indicator says: "3 / 7", or "3 / 7 · Pricing 1/2" inside a detour. */
export function progressOf(doc: PresentationDocument, pos: Position): { main: number; total: number; detour: { label: string; step: number; total: number } | null; fraction: number } {
  const total = doc.steps.length;
  const main = Math.min(pos.step + 1, total);
  const detour = pos.detour ? doc.steps[pos.step]?.detours.find((d) => d.id === pos.detour?.id) : undefined;
  return {
    main,
    total,
    detour: detour && pos.detour ? { label: detour.label, step: pos.detour.step + 1, total: detour.steps.length } : null,
    fraction: total <= 1 ? 1 : pos.step / (total - 1),
  };
}

/** Every position in presenting order: each main step, then its detours' steps before moving on. */
export function allPositions(doc: PresentationDocument): Position[] {
  return doc.steps.flatMap((step, i) => [
    { step: i, detour: null },
    ...step.detours.flatMap((d) => d.steps.map((_, j) => ({ step: i, detour: { id: d.id, step: j } }))),
  ]);
}
