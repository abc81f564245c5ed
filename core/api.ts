import type { z } from 'zod';
import { appMethods } from './api/app.ts';
import { decisionMethods } from './api/decisions.ts';
import { jobMethods } from './api/jobs.ts';
import { kbMethods } from './api/kb.ts';
import { mapMethods } from './api/maps.ts';
import { presentationMethods } from './api/presentations.ts';
import { transferMethods } from './api/transfer.ts';
import { workspaceMethods } from './api/workspace.ts';

/**
 * The contract: every method the UI, the CLI and tests may call, in one table. Handlers live in
 * `electron/server/handlers/`; transports never add methods of their own.
 */
export const api = {
  ...appMethods,
  ...workspaceMethods,
  ...kbMethods,
  ...mapMethods,
  ...presentationMethods,
  ...decisionMethods,
  ...transferMethods,
  ...jobMethods,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export * from './api/result.ts';
export * from './api/events.ts';
export { createClient, type Client, type Transport } from './api/client.ts';
export type { WorkspaceInfo } from './api/app.ts';
export type { RelationView, SectionInfo } from './api/kb.ts';
export type { MapSummary, GenerateSource, PrunedSteps } from './api/maps.ts';
export type { SessionView } from './api/presentations.ts';
export type { BackupEntry } from './api/workspace.ts';
export type { TransferConflict } from './api/transfer.ts';
export type { DecisionSummary } from './api/decisions.ts';
