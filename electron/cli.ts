import { Command, CommanderError } from 'commander';
import type { ApiResult } from '../core/api.ts';
import { defaultWorkspacePath, packageVersion, SOURCE_DATA_DIR } from './server/paths.ts';
import { createServer, type Server } from './server/server.ts';

/**
 * The `workbench` command line: the same router as the app and the harness, printing JSON so
 * scripts can use it. Each command opens the workspace, makes one or more calls, and closes it.
 */

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

class CliFailure extends Error {}

function openServer(db: string | undefined): Server {
  return createServer({
    dbPath: db ?? defaultWorkspacePath(),
    dataDir: SOURCE_DATA_DIR,
    transport: 'cli',
    appVersion: packageVersion(),
  });
}

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new CliFailure(`${result.error.message} [${result.error.code}]`);
  return result.value;
}

async function withServer<T>(db: string | undefined, work: (server: Server) => Promise<T>): Promise<T> {
  let server: Server;
  try {
    server = openServer(db);
  } catch (error) {
    throw new CliFailure(error instanceof Error ? error.message : String(error));
  }
  try {
    return await work(server);
  } finally {
    server.close();
  }
}

export function buildProgram(io: CliIo): Command {
  const print = (value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);
  const program = new Command('workbench')
    .description('Strategy Workbench on the command line: the same API as the app, answering in JSON.')
    .version(packageVersion())
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();
  const dbOption = ['--db <file>', `workspace file (default: ${defaultWorkspacePath()})`] as const;

  const kb = program.command('kb').description('the knowledge base');
  kb.command('stats')
    .description('count entities per kind and relations, as JSON')
    .option(...dbOption)
    .action(async (opts: { db?: string }) => {
      await withServer(opts.db, async ({ router }) => print(unwrap(await router.call('kb.stats', {}))));
    });

  program
    .command('call')
    .description('call any API method with JSON arguments, e.g. workbench call kb.get \'{"id":"case/ibm-watson"}\'')
    .argument('<method>', 'the method name, as listed in core/api.ts')
    .argument('[args]', 'the arguments as a JSON object', '{}')
    .option(...dbOption)
    .action(async (method: string, args: string, opts: { db?: string }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(args);
      } catch {
        throw new CliFailure(`The arguments are not valid JSON: ${args}`);
      }
      await withServer(opts.db, async ({ router }) => print(unwrap(await router.call(method, parsed))));
    });
  program.addHelpText('after', () => `\nAll commands:\n${listCommands(program).join('\n')}\n`);
  return program;
}

/** Every leaf command with its full path, so `--help` shows the whole tree at once. */
function listCommands(command: Command, prefix = 'workbench'): string[] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix} ${sub.name()}`;
    if (sub.commands.length > 0) return listCommands(sub, name);
    const usage = `${name} ${sub.usage()}`.padEnd(48);
    return [`  ${usage} ${sub.description()}`];
  });
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can run it in-process. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`workbench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
