import type { EventName, EventPayload } from '../../core/api.ts';
import type { Host, ServerContext, Transport } from './context.ts';
import { handlers } from './handlers/index.ts';
import { Jobs } from './jobs.ts';
import { createRouter, type Router } from './router.ts';
import { openWorkspace, type OpenOptions, type Workspace } from './store/workspace.ts';
import { WorkspaceManager } from './workspaces.ts';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ServerOptions extends Omit<OpenOptions, 'onBeforeMigrate'> {
  dbPath: string;
  transport: Transport;
  appVersion: string;
  onEvent?: EventListener;
  host?: Host;
  /** The user-data folder, for backups and the recent list; absent (tests): neither is kept. */
  userData?: string | null;
  periodicBackupMs?: number;
}

export interface Server {
  router: Router;
  context: ServerContext;
  close(): void;
}

/**
 * The app, the harness and the command line take the workspace's lock file (tests do not, unless
 * they ask): whoever opens second gets a read-only workspace that says who holds it.
 */
const holderOf = (options: ServerOptions) => options.holder ?? (options.transport === 'test' ? undefined : options.transport);

/** Opens a workspace and puts the router in front of it (synchronously: no backup before migrations). */
export function createServer(options: ServerOptions): Server {
  return assemble(openWorkspace(options.dbPath, { ...options, holder: holderOf(options) }), options);
}

/** What the app, the harness and the CLI start: like createServer, with a backup taken before migrations. */
export async function startServer(options: ServerOptions): Promise<Server> {
  const workspaceOptions = { ...options, holder: holderOf(options), userData: options.userData ?? null };
  return assemble(await WorkspaceManager.openFirst(options.dbPath, workspaceOptions), options);
}

function assemble(first: Workspace, options: ServerOptions): Server {
  const jobs = new Jobs((event, payload) => emit(event, payload));
  const workspaces = new WorkspaceManager(first, { ...options, holder: holderOf(options), userData: options.userData ?? null }, jobs, () =>
    emit('data.changed', { scope: 'workspace' }),
  );
  const emit: ServerContext['emit'] = (event, payload) => {
    if (event === 'data.changed') workspaces.noteChange();
    options.onEvent?.(event, payload);
  };
  const context: ServerContext = {
    appVersion: options.appVersion,
    transport: options.transport,
    dataDir: options.dataDir,
    get workspace() {
      return workspaces.workspace;
    },
    workspaces,
    jobs,
    host: options.host ?? { displays: [] },
    emit,
  };
  return {
    router: createRouter(context, handlers),
    context,
    close: () => workspaces.close(),
  };
}
