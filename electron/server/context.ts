import type { EventName, EventPayload } from '../../core/api.ts';
import type { Jobs } from './jobs.ts';
import type { Workspace } from './store/workspace.ts';

export interface Display {
  id: number;
  label: string;
  width: number;
  height: number;
  primary: boolean;
}

export type Transport = 'electron' | 'harness' | 'cli' | 'test';

/** What a handler may use: the open workspace, and a way to tell the UI something happened. */
export interface ServerContext {
  readonly appVersion: string;
  readonly transport: Transport;
  readonly dataDir: string;
  workspace: Workspace;
  readonly jobs: Jobs;
  /** The screens attached, as the Electron shell last reported them; empty for other transports. */
  displays: Display[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
