import type { EventName, EventPayload } from '../../core/api.ts';
import type { Jobs } from './jobs.ts';
import type { Workspace } from './store/workspace.ts';
import type { WorkspaceManager } from './workspaces.ts';

export interface Display {
  id: number;
  label: string;
  width: number;
  height: number;
  primary: boolean;
}

export interface FileRequest {
  purpose: 'open' | 'new' | 'saveAs' | 'importBundle' | 'exportBundle';
  suggestedName?: string;
}

/** What the program around the server can do for it: only the Electron shell has screens and dialogs. */
export interface Host {
  /** The screens attached, as the shell last reported them; empty elsewhere. */
  displays: Display[];
  /** The shell's file dialog (null when the user cancels); absent where there is none. */
  chooseFile?: (request: FileRequest) => Promise<string | null>;
}

export type Transport = 'electron' | 'harness' | 'cli' | 'test';

/** What a handler may use: the open workspace, and a way to tell the UI something happened. */
export interface ServerContext {
  readonly appVersion: string;
  readonly transport: Transport;
  readonly dataDir: string;
  /** The open workspace; switching workspaces replaces it (see workspaces.ts). */
  workspace: Workspace;
  readonly workspaces: WorkspaceManager;
  readonly jobs: Jobs;
  readonly host: Host;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
