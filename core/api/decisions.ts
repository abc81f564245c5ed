import { z } from 'zod';
import { method } from './define.ts';
import { MapId } from './maps.ts';

/** Decision ids read like map ids: lowercase words joined by dashes. */
export const DecisionId = MapId;

/**
 * A stored problem is any JSON object here; the server checks it with the engine's own validation
 * (core/decision), which names the field or cell at fault.
 */
const Problem = z.record(z.string(), z.unknown());

export const DecisionSummary = z.object({
  id: DecisionId,
  title: z.string(),
  alternatives: z.number().int(),
  criteria: z.number().int(),
  method: z.string(),
  origin: z.enum(['seed', 'user']),
  updatedAt: z.string(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const decisionMethods = {
  'decisions.list': method({
    summary: 'Every decision in the workspace, newest first.',
    input: z.object({}).strict(),
    output: z.array(DecisionSummary),
    writes: false,
  }),
  'decisions.get': method({
    summary: 'One decision problem with its revision.',
    input: z.object({ id: DecisionId }).strict(),
    output: z.object({ id: DecisionId, revision: z.number().int(), origin: z.enum(['seed', 'user']), updatedAt: z.string(), problem: Problem }),
    writes: false,
  }),
  'decisions.create': method({
    summary: 'A new decision from a problem (checked by the engine).',
    input: z.object({ problem: Problem }).strict(),
    output: z.object({ id: DecisionId, revision: z.number().int() }),
    writes: true,
  }),
  'decisions.save': method({
    summary: 'Save a decision; `revision` is the one the editor started from (a newer one is a conflict).',
    input: z.object({ id: DecisionId, revision: z.number().int().min(1), problem: Problem }).strict(),
    output: z.object({ revision: z.number().int() }),
    writes: true,
  }),
  'decisions.delete': method({
    summary: 'Delete a decision.',
    input: z.object({ id: DecisionId }).strict(),
    output: z.object({}),
    writes: true,
  }),
};
