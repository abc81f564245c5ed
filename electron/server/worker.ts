import { parentPort, workerData } from 'node:worker_threads';
import { toErrorBody } from './router.ts';
import { createServer, type Server } from './server.ts';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol.ts';

/**
 * The server in a worker thread: SQLite work (opening, migrating, seeding, long imports) never
 * blocks the Electron main thread, which only relays messages and keeps windows responsive.
 */
if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;
const config = workerData as WorkerConfig;
const post = (message: FromWorker) => port.postMessage(message);

let server: Server;
try {
  server = createServer({
    ...config,
    transport: 'electron',
    onEvent: (event, payload) => post({ type: 'event', event, payload }),
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', error: toErrorBody(error) });
  process.exit(1);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'displays') {
    server.context.displays = message.displays;
    return;
  }
  void server.router.call(message.method, message.args).then((result) => post({ type: 'result', id: message.id, result }));
});

port.on('close', () => server.close());
