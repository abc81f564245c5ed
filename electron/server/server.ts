import type { EventName, EventPayload } from '../../core/api.ts';
import type { Display, ServerContext, Transport } from './context.ts';
import { handlers } from './handlers/index.ts';
import { Jobs } from './jobs.ts';
import { createRouter, type Router } from './router.ts';
import { openWorkspace, type OpenOptions } from './store/workspace.ts';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ServerOptions extends Omit<OpenOptions, 'onBeforeMigrate'> {
  dbPath: string;
  transport: Transport;
  appVersion: string;
  onEvent?: EventListener;
  displays?: Display[];
}

export interface Server {
  router: Router;
  context: ServerContext;
  close(): void;
}

/** Opens a workspace and puts the router in front of it: what every transport starts with. */
export function createServer(options: ServerOptions): Server {
  const workspace = openWorkspace(options.dbPath, options);
  const emit: ServerContext['emit'] = (event, payload) => options.onEvent?.(event, payload);
  const context: ServerContext = {
    appVersion: options.appVersion,
    transport: options.transport,
    dataDir: options.dataDir,
    workspace,
    jobs: new Jobs(emit),
    displays: options.displays ?? [],
    emit,
  };
  return {
    router: createRouter(context, handlers),
    context,
    close: () => context.workspace.close(),
  };
}
