// The process the crash-safety test kills: `node --import tsx writer.ts <workspace> <payload.json>`.
// It opens the workspace as the app does, reads the call to make, and prints `ready` just before
// making it, `writing` when its transaction begins, `committing` when the transaction's work is
// done and it commits, and `done` once the call has returned. Anything else it prints is a failure.
import { readFileSync } from 'node:fs';
import { SOURCE_DATA_DIR } from '../../../electron/server/paths.ts';
import { createServer } from '../../../electron/server/server.ts';
import type { Payload } from './workload.ts';

const [file, payloadFile] = process.argv.slice(2);
if (!file || !payloadFile) throw new Error('usage: writer.ts <workspace> <payload.json>');

// Writes to a pipe are synchronous on Linux: once a line is printed, the parent can read it even
// if this process dies on the next instruction.
const say = (line: string) => process.stdout.write(`${line}\n`);

const { method, args } = JSON.parse(readFileSync(payloadFile, 'utf8')) as Payload;
const said = new Set<string>();
const once = (line: string) => {
  if (!said.has(line)) say(line);
  said.add(line);
};
const server = createServer({
  dbPath: file,
  dataDir: SOURCE_DATA_DIR,
  transport: 'test',
  appVersion: '0.0.0-crash',
  // An import reports progress only from inside its transaction (on its own connection), the
  // last report just before it commits.
  onEvent: (event, payload) => {
    if (event !== 'job.progress') return;
    const { done, total } = payload as { done: number; total: number };
    once('writing');
    if (done === total) once('committing');
  },
});
// Saves run in a transaction on the workspace's connection: announce the outermost one, and its
// commit, which follows as soon as the function given to it returns.
const db = server.context.workspace.db;
const transaction = db.transaction.bind(db);
db.transaction = ((fn: (...a: unknown[]) => unknown) => {
  let outermost = false;
  const wrapped = transaction((...a: unknown[]) => {
    const result = fn(...a);
    if (outermost) once('committing');
    return result;
  });
  return Object.assign((...a: unknown[]) => {
    outermost = !db.inTransaction;
    if (outermost) once('writing');
    return wrapped(...a);
  }, wrapped);
}) as typeof db.transaction;

say('ready');
const result = await server.router.call(method, args);
if (!result.ok) {
  say(`failed ${result.error.code}: ${result.error.message}`);
  process.exitCode = 1;
} else say('done');
server.close();
