import { z } from 'zod';
import { method } from './define.ts';

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  seedVersion: z.string().nullable(),
  /** Set when another program holds the file: reads work, every change is refused. */
  readOnly: z.object({ holder: z.string(), pid: z.number().int(), since: z.string() }).nullable(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const appMethods = {
  'app.info': method({
    summary: 'The app version and the open workspace.',
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      transport: z.enum(['electron', 'harness', 'cli', 'test']),
      workspace: WorkspaceInfo,
    }),
    writes: false,
  }),
  'app.displays': method({
    summary: 'The screens attached, for presenting on a chosen one; empty where the app cannot see them (the browser harness, the CLI).',
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.number().int(), label: z.string(), width: z.number(), height: z.number(), primary: z.boolean() })),
    writes: false,
  }),
};
