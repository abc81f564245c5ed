import { parentPort, workerData } from 'node:worker_threads';
import { putInPlace } from './backups/backups.ts';
import type { FileRequest, Host } from './context.ts';
import { toErrorBody } from './router.ts';
import { defaultWorkspacePath } from './paths.ts';
import { startServer, type Server } from './server.ts';
import { lastUsedWorkspace } from './workspaces.ts';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol.ts';

/**
 * The server in a worker thread: SQLite work (opening, migrating, seeding, long imports) never
 * blocks the Electron main thread, which only relays messages, shows dialogs and keeps windows
 * responsive.
 */
if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;
const config = workerData as WorkerConfig;
const post = (message: FromWorker) => port.postMessage(message);

// The shell's file dialogs, asked for over the port.
const choices = new Map<number, (path: string | null) => void>();
let nextChoice = 1;
const host: Host = {
  displays: config.displays,
  chooseFile: (request: FileRequest) =>
    new Promise((resolve) => {
      const id = nextChoice++;
      choices.set(id, resolve);
      post({ type: 'chooseFile', id, request });
    }),
};

let server: Server | undefined;

async function start(): Promise<void> {
  try {
    const dbPath = config.dbPath ?? (config.userData && lastUsedWorkspace(config.userData)) ?? defaultWorkspacePath();
    if (config.restoreBackup) putInPlace(config.restoreBackup, dbPath, true);
    server = await startServer({
      ...config,
      dbPath,
      transport: 'electron',
      host,
      onEvent: (event, payload) => post({ type: 'event', event, payload }),
    });
    post({ type: 'ready' });
  } catch (error) {
    post({ type: 'fatal', error: toErrorBody(error) });
    process.exit(1);
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'displays':
      host.displays = message.displays;
      return;
    case 'fileChosen':
      choices.get(message.id)?.(message.path);
      choices.delete(message.id);
      return;
    case 'close':
      // A clean close checkpoints the WAL and releases the workspace's lock file.
      void server?.context.workspaces.settle().then(() => {
        server?.close();
        process.exit(0);
      });
      return;
    case 'call':
      if (!server) return post({ type: 'result', id: message.id, result: { ok: false, error: { code: 'internal', message: 'The workspace is not open yet.' } } });
      void server.router.call(message.method, message.args).then((result) => post({ type: 'result', id: message.id, result }));
  }
});

void start();
