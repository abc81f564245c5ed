#!/usr/bin/env node
// `npm run harness -- --port N --db FILE`: serves the built renderer and the API on 127.0.0.1.
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { startHarness } = await import('../electron/harness.ts');
const { defaultWorkspacePath } = await import('../electron/server/paths.ts');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5178' },
    db: { type: 'string' },
    empty: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run harness -- [--port N] [--db FILE] [--empty]

Serves the built renderer (npm run build:renderer) and the API on http://127.0.0.1:N.
  --port N     port to listen on (default 5178; 0 picks a free one)
  --db FILE    workspace file (default: the app's own, ${defaultWorkspacePath()})
  --empty      create a new workspace without the default knowledge base`);
  process.exit(0);
}
try {
  const harness = await startHarness({
    port: Number(values.port),
    dbPath: values.db ?? defaultWorkspacePath(),
    seed: !values.empty,
  });
  console.log(`Strategy Workbench harness on ${harness.url}\nOpen: ${harness.pageUrl}`);
  const stop = () => harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`harness: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
