import { z } from 'zod';
import { NodeId } from '../graph/model.ts';

/**
 * A presentation walks a room through one map. Each step shows a region of the map (the camera),
 * reveals some of it and highlights part of what it reveals; notes are for the presenter only.
 * A step may offer named detours: short side paths that come back to the step that offered them,
 * so a facilitator can follow a question from the room and return to the main path.
 *
 * Steps refer to concepts and linking phrases by id; the map's geometry is never changed by a
 * presentation, so what the room sees does not move between rehearsals and the session.
 */

/** The region shown, in map coordinates; the view fits it to the screen, keeping its centre. */
export const Camera = z
  .object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().positive(), height: z.number().finite().positive() })
  .strict();
export type Camera = z.infer<typeof Camera>;

/** The most concepts and linking phrases one step may list as revealed or highlighted. */
export const MAX_STEP_IDS = 20000;

const Ids = z.array(NodeId).max(MAX_STEP_IDS);

const stepFields = {
  id: z.string().min(1).max(80),
  title: z.string().max(300).default(''),
  /** Null: fit whatever the step reveals. */
  camera: Camera.nullable().default(null),
  /** Concepts and linking phrases shown; null shows the whole map. */
  reveal: Ids.nullable().default(null),
  /** Shown in full; the rest of what is revealed is dimmed. Empty: nothing dimmed. */
  highlight: Ids.default([]),
  notes: z.string().max(20000).default(''),
};

export const DetourStep = z.object(stepFields).strict();
export type DetourStep = z.infer<typeof DetourStep>;

export const Detour = z
  .object({
    id: z.string().min(1).max(80),
    label: z.string().max(300),
    steps: z.array(DetourStep).min(1).max(200),
  })
  .strict();
export type Detour = z.infer<typeof Detour>;

export const Step = z
  .object({ ...stepFields, detours: z.array(Detour).max(9).default([]) })
  .strict();
export type Step = z.infer<typeof Step>;

export const PresentationSettings = z
  .object({
    theme: z.enum(['light', 'dark']).default('dark'),
    /** The smallest a label may appear on the audience screen, in CSS pixels. */
    minLabelPx: z.number().min(8).max(64).default(18),
    /** Milliseconds for the camera to move between steps; 0 cuts. */
    transitionMs: z.number().int().min(0).max(5000).default(700),
  })
  .strict();
export type PresentationSettings = z.infer<typeof PresentationSettings>;

export const PresentationDocument = z
  .object({
    title: z.string().trim().min(1).max(300),
    steps: z.array(Step).max(500),
    settings: PresentationSettings.default({ theme: 'dark', minLabelPx: 18, transitionMs: 700 }),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    const check = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `Step id "${id}" is used twice.` });
      seen.add(id);
    };
    doc.steps.forEach((step, i) => {
      check(step.id, ['steps', i, 'id']);
      step.detours.forEach((detour, d) => detour.steps.forEach((s, j) => check(s.id, ['steps', i, 'detours', d, 'steps', j, 'id'])));
    });
  });
export type PresentationDocument = z.infer<typeof PresentationDocument>;

/** Where a presentation is: a main step, or a step inside one of its detours. */
export const Position = z
  .object({
    step: z.number().int().min(0),
    detour: z.object({ id: z.string(), step: z.number().int().min(0) }).strict().nullable().default(null),
  })
  .strict();
export type Position = z.infer<typeof Position>;

export const START: Position = { step: 0, detour: null };
