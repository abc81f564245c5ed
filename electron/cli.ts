import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { ApiResult } from '../core/api.ts';
import { evaluate, parseProblem, toMarkdown } from '../core/decision/index.ts';
import { pick, type Bilingual } from '../core/model/text.ts';
import { backupDirFor, backUp, backupPath, listBackups, putInPlace } from './server/backups/backups.ts';
import { defaultWorkspacePath, packageVersion, SOURCE_DATA_DIR, userDataDir } from './server/paths.ts';
import { liveHolder } from './server/store/lock.ts';
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

function openServer(db: string | undefined, seed = true): Server {
  return createServer({
    dbPath: db ?? defaultWorkspacePath(),
    dataDir: SOURCE_DATA_DIR,
    transport: 'cli',
    appVersion: packageVersion(),
    seed,
  });
}

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new CliFailure(`${result.error.message} [${result.error.code}]`);
  return result.value;
}

async function withServer<T>(db: string | undefined, work: (server: Server) => Promise<T>, seed = true): Promise<T> {
  let server: Server;
  try {
    server = openServer(db, seed);
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

  kb.command('search')
    .description('full-text search in both languages, best first: {"total", "hits": [{"id", "kind", "title", "snippet"}]}')
    .argument('<query>', 'words in Chinese, English or both, e.g. "AI 平台"')
    .option(...dbOption)
    .option('--limit <n>', 'how many hits to print', '20')
    .option('--lang <zh|en>', 'the language of titles and snippets', 'en')
    .action(async (query: string, opts: { db?: string; limit: string; lang: string }) => {
      await withServer(opts.db, async ({ router }) =>
        print(unwrap(await router.call('kb.search', { query, limit: Number(opts.limit), lang: opts.lang }))),
      );
    });

  kb.command('export')
    .description('write the knowledge base to a file: a JSON bundle (default), the cases as CSV, or one entry as Markdown')
    .argument('<file>', 'the file to write (.json, .csv or .md)')
    .option(...dbOption)
    .option('--format <bundle|cases-csv|markdown>', 'the format (default: from the file extension)')
    .option('--id <id>', 'the entry to export as Markdown')
    .action(async (file: string, opts: { db?: string; format?: string; id?: string }) => {
      const format = opts.format ?? formatFromExtension(file);
      await withServer(opts.db, async ({ router }) => {
        const { content } = unwrap(await router.call('kb.export', { format, id: opts.id })) as { content: string };
        writeFileSync(file, content);
        print({ file, format, bytes: Buffer.byteLength(content) });
      });
    });

  kb.command('import')
    .description('read a JSON bundle, a CSV of cases or a Markdown entry into the knowledge base, all or nothing')
    .argument('<file>', 'the file to read (.json, .csv or .md)')
    .option(...dbOption)
    .option('--format <bundle|cases-csv|markdown>', 'the format (default: from the file extension)')
    .option('--on-conflict <fail|keep|replace>', 'what to do with entries that exist with other content', 'fail')
    .option('--empty', 'when the workspace file is new, create it without the default knowledge base')
    .action(async (file: string, opts: { db?: string; format?: string; onConflict: string; empty?: boolean }) => {
      const format = opts.format ?? formatFromExtension(file);
      const content = readText(file);
      await withServer(
        opts.db,
        async ({ router }) =>
          print(unwrap(await router.call('kb.import', { format, content, fileName: path.basename(file), onConflict: opts.onConflict }))),
        !opts.empty,
      );
    });

  const workspace = program.command('workspace').description('the workspace file: backups and restoring them');
  workspace
    .command('backups')
    .description('list the backups of a workspace, newest first (they live in the user-data folder, under Backups/)')
    .option(...dbOption)
    .action((opts: { db?: string }) => {
      const file = path.resolve(opts.db ?? defaultWorkspacePath());
      print({ folder: backupDirFor(userDataDir(), file), backups: listBackups(backupDirFor(userDataDir(), file)) });
    });
  workspace
    .command('backup')
    .description('back up a workspace now, with SQLite\'s online backup (safe while the app has it open)')
    .option(...dbOption)
    .action(async (opts: { db?: string }) => {
      const file = path.resolve(opts.db ?? defaultWorkspacePath());
      print(await backUp(file, backupDirFor(userDataDir(), file), 'manual'));
    });
  workspace
    .command('restore')
    .description('put a backup in place of a workspace that is not open anywhere; a damaged file is moved aside, never overwritten')
    .requiredOption('--backup <name>', 'the backup file name, as `workspace backups` lists it')
    .option(...dbOption)
    .action((opts: { db?: string; backup: string }) => {
      const file = path.resolve(opts.db ?? defaultWorkspacePath());
      const holder = liveHolder(file);
      if (holder) throw new CliFailure(`${path.basename(file)} is open in ${holder.holder} (process ${holder.pid}); restore it from there.`);
      const aside = putInPlace(backupPath(backupDirFor(userDataDir(), file), opts.backup), file, true);
      print({ restored: file, from: opts.backup, keptAside: aside });
    });

  const map = program.command('map').description('concept maps');
  map
    .command('import')
    .description('import a Mermaid flowchart or a CmapTools CXL file as a new map; prints its concepts, propositions, groups and what was dropped')
    .argument('<file>', 'a .mmd (Mermaid) or .cxl (CmapTools) file')
    .option(...dbOption)
    .option('--title <title>', 'the map title (default: from the file)')
    .action(async (file: string, opts: { db?: string; title?: string }) => {
      const format = /\.cxl$/i.test(file) ? 'cxl' : 'mermaid';
      const content = readText(file);
      await withServer(opts.db, async ({ router }) =>
        print(unwrap(await router.call('maps.import', { format, content, fileName: path.basename(file), title: opts.title }))),
      );
    });
  map
    .command('export')
    .description('write a map as Mermaid, CXL, SVG, PNG or JSON (to stdout, or to --out)')
    .argument('<id>', 'the map id, as maps list shows it (workbench call maps.list)')
    .requiredOption('--format <format>', 'mermaid, cxl, svg, png or json')
    .option('--out <file>', 'the file to write (PNG needs one)')
    .option('--scale <n>', 'for SVG and PNG: the size multiplier', '1')
    .option(...dbOption)
    .action(async (id: string, opts: { db?: string; format: string; out?: string; scale: string }) => {
      await withServer(opts.db, async ({ router }) => {
        const result = unwrap(await router.call('maps.export', { id, format: opts.format, scale: Number(opts.scale) })) as {
          content: string;
          encoding: 'utf8' | 'base64';
        };
        const bytes = Buffer.from(result.content, result.encoding === 'base64' ? 'base64' : 'utf8');
        if (opts.out) {
          writeFileSync(opts.out, bytes);
          io.err(`wrote ${opts.out} (${bytes.length} bytes)\n`);
        } else if (result.encoding === 'base64') throw new CliFailure('A PNG needs a file: add --out map.png');
        else io.out(result.content);
      });
    });

  program
    .command('decide')
    .description('evaluate a decision problem (docs/decision-format.md) and print the result as JSON, or a readable report')
    .argument('<problem.json>', 'the decision problem')
    .option('--format <json|md>', 'json (default) or md for a Markdown report', 'json')
    .option('--lang <en|zh>', 'the language of the report', 'en')
    .option('--db <file>', 'a workspace to take the titles of cited entries from')
    .action(async (file: string, opts: { format: string; lang: string; db?: string }) => {
      let problem: unknown;
      try {
        problem = JSON.parse(readText(file));
      } catch (error) {
        throw new CliFailure(`${file} is not valid JSON: ${(error as Error).message}`);
      }
      let result;
      try {
        result = evaluate(problem);
      } catch (error) {
        throw new CliFailure(`${path.basename(file)}: ${(error as Error).message}`);
      }
      if (opts.format !== 'md') return print(result);
      const titles = new Map<string, string>();
      if (opts.db)
        await withServer(opts.db, async ({ router }) => {
          for (const id of new Set(parseProblem(problem).evidence.map((e) => e.entity))) {
            const got = await router.call('kb.get', { id });
            if (got.ok) titles.set(id, pick((got.value as { entity: { title: Bilingual } }).entity.title, opts.lang === 'zh' ? 'zh' : 'en'));
          }
        });
      io.out(toMarkdown(problem, result, opts.lang === 'zh' ? 'zh' : 'en', (id) => titles.get(id)));
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

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliFailure(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

function formatFromExtension(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'bundle';
  if (ext === '.csv') return 'cases-csv';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  throw new CliFailure(`Cannot tell the format of ${file} from its extension; add --format bundle, cases-csv or markdown.`);
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
