#!/usr/bin/env node
// The `workbench` command. The CLI is TypeScript run from source through tsx, so it always
// matches the code in the checkout and needs no build step after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
