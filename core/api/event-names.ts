/**
 * The event names the UI may subscribe to, without their schemas, so the Electron preload can
 * allow-list them without bundling zod.
 */
export const EVENT_NAMES = ['job.progress', 'data.changed'] as const;
export type EventName = (typeof EVENT_NAMES)[number];
