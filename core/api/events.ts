import { z } from 'zod';
import type { EventName } from './event-names.ts';

/**
 * Events flow from the server to the UI over the same transports (IPC `on`, the harness's
 * event stream). The preload only lets the names in event-names.ts through.
 */
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  'data.changed': z.object({ scope: z.enum(['kb', 'maps', 'decisions', 'presentations', 'sessions', 'workspace']) }),
} satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export { EVENT_NAMES, type EventName } from './event-names.ts';
