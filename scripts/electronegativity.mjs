// Runs @doyensec/electronegativity over the Electron shell, offline, and fails on any finding that
// is not suppressed with a written reason, on any parse error and on any bad annotation.
//
//   node scripts/electronegativity.mjs [--verbose] [path…]
//
// Paths are files or folders (searched for .ts .mts .cts .tsx .js .mjs .cjs .jsx .html .htm, without
// node_modules). Without paths it scans the shell: electron/*.ts except cli.ts and harness.ts, which
// run in plain Node and may not import electron (eslint.config.js bans it), so the Electron checks
// have nothing to see there. electron/server/ never imports electron either. --verbose also lists
// the suppressed findings with their reasons. Exit code 0: no findings; 1: findings or errors.
//
// Why not electronegativity's own CLI or run(): its CLI (dist/index.js) needs a commander it does
// not declare and breaks with ours, and run() (dist/runner.js) first calls dist/locales/i18n.js,
// which downloads translations with `got`. So this script wires the same building blocks as
// run() — LoaderFile, Parser(babel first for TypeScript), Finder, GlobalChecks — and configures
// the `i18n` package itself from the bundled dist/locales. Nothing here may touch the network:
//   - dist/runner.js and dist/locales/i18n.js are never loaded (asserted below);
//   - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is excluded: it downloads Electron's release list
//     from GitHub with `got` to look for newer security releases;
//   - the Electron version comes from our package.json (the `electron` devDependency), and the
//     loaders' version look-ups (package.json/lock files, read-package-tree) are not used;
//   - before electronegativity is loaded, every way out (sockets, DNS, http(s), fetch, UDP) is
//     replaced by a function that throws and records the attempt: a future version that phones
//     home fails the run, even where it swallows the error (as dist/locales/i18n.js would).
// TypeScript is parsed by @babel/parser (typescript-estree 4.x, TS 4.2, is only its fallback), so
// our modern syntax parses (.ts without the JSX plugin, as tsc does); a file that does not parse
// fails the run, it is never skipped. If new syntax needs a babel plugin, add it next to
// `decoratorAutoAccessors` below. We scan the sources,
// not the esbuild bundle: esbuild drops or moves comments, so annotations would not stay on their line.
//
// Suppressions. Electronegativity reads `// eng-disable CHECK_ID` (or `/* eng-disable CHECK_ID */`)
// on the very line it reports (or on line 1, which disables the check for the whole file). Our rule:
// every suppression sits on the line it excuses and says why, in the same comment:
//
//   const window = new BrowserWindow(options); // eng-disable SANDBOX_JS_CHECK: why this is safe
//
//   - after `eng-disable`, one or more check ids (or check class names) separated by spaces, then a
//     colon and a reason of at least three words; one annotation per line. In HTML, electronegativity
//     accepts only ids in the comment, so the reason is the next comment:
//     `<!-- eng-disable CHECK_ID --> <!-- reason -->`;
//   - an annotation on line 1 (file-wide) is refused, as is an unknown check id, a malformed one and
//     one that suppresses nothing (stale or on the wrong line);
//   - a global check's finding with no location (e.g. CSP_GLOBAL_CHECK "No CSP has been detected")
//     is suppressed by an annotation naming that global check, placed on the code that makes the
//     finding wrong (for the CSP: where the header is set). Electronegativity itself has no way to
//     suppress these; this script adds it.
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire, enableCompileCache } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

// ---- No network, whatever the library does -------------------------------------------------------
// Every attempt throws and is remembered: a library that swallows the error still fails the run.
const networkAttempts = [];
function offline(what) {
  return () => {
    networkAttempts.push(what);
    throw new Error(`electronegativity.mjs: network access attempted (${what}); this scan must run offline`);
  };
}
for (const [name, target, keys] of [
  ['net', net, ['connect', 'createConnection']],
  ['tls', tls, ['connect']],
  ['http', http, ['request', 'get']],
  ['https', https, ['request', 'get']],
  ['dns', dns, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']],
  ['dns.promises', dns.promises, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']],
  ['dgram', dgram, ['createSocket']],
]) {
  for (const key of keys) target[key] = offline(`${name}.${key}`);
}
net.Socket.prototype.connect = offline('net.Socket#connect');
globalThis.fetch = offline('fetch');

// ---- Electronegativity's building blocks, without dist/runner.js ---------------------------------
enableCompileCache?.(); // most of a run is compiling babel, typescript 4.2 and eslint 7: cache it (in the OS temp folder)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENG_PACKAGE = createRequire(path.join(ROOT, 'package.json')).resolve('@doyensec/electronegativity/package.json');
const ENG_DIST = path.join(path.dirname(ENG_PACKAGE), 'dist');
const engRequire = createRequire(path.join(ENG_DIST, 'runner.js')); // resolves as its own modules do

const i18n = engRequire('i18n');
i18n.configure({
  locales: ['en-US'],
  defaultLocale: 'en-US',
  directory: path.join(ENG_DIST, 'locales'),
  updateFiles: false,
  syncFiles: false,
  objectNotation: true,
  retryInDefaultLocale: true,
  register: global, // the checks call a global __()
});
i18n.setLocale('en-US');

const { LoaderFile } = engRequire('./loader');
const { Parser } = engRequire('./parser');
const { sourceTypes } = engRequire('./parser/types');
const { Finder, GlobalChecks } = engRequire('./finder');
const { minMatchingVersion } = engRequire('./util/electron_version');
for (const networked of ['runner.js', 'locales/i18n.js']) {
  if (engRequire.cache[path.join(ENG_DIST, networked)]) throw new Error(`dist/${networked} was loaded; it fetches over the network`);
}

// Excluded because it needs the network (see the header); lower-case, as Finder/GlobalChecks expect.
const EXCLUDED_GLOBAL_CHECKS = ['availablesecurityfixesglobalcheck'];
// Electronegativity's own annotation patterns (dist/util/exceptions.js, isDisabledByInlineComment).
const ENG_DISABLE = /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+([\w \t]+)/is;
const ENG_DISABLE_HTML = /<!--[ \t]*eng-disable[ \t]+([\w \t]+)-->/is;
const SOURCE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.html', '.htm']);
const NOT_SHELL = new Set(['cli.ts', 'harness.ts']);

function usage() {
  console.log('usage: node scripts/electronegativity.mjs [--verbose] [file or folder…]  (default: the shell, electron/*.ts but cli.ts and harness.ts)');
}

function defaultInputs() {
  const dir = path.join(ROOT, 'electron');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !NOT_SHELL.has(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Files under the given paths; anything missing or of another type is an error, not a skip. */
function collectFiles(inputs, errors) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const input of inputs) {
    const full = path.resolve(input);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) errors.push({ where: input, message: 'no such file or folder' });
    else if (stat.isDirectory()) walk(full);
    else if (SOURCE_EXTENSIONS.has(path.extname(full).toLowerCase())) files.push(full);
    else errors.push({ where: input, message: `not a source file electronegativity can check (${[...SOURCE_EXTENSIONS].join(' ')})` });
  }
  return [...new Set(files)];
}

function electronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = range && minMatchingVersion(range);
  if (!version) throw new Error(`cannot read the Electron version from package.json (electron: ${range})`);
  return version;
}

/** The eng-disable annotations of one file, checked against our convention. */
function readAnnotations(file, content, html, knownChecks, errors) {
  const annotations = [];
  const form = html ? '<!-- eng-disable CHECK_ID --> <!-- reason -->' : '// eng-disable CHECK_ID: reason';
  content.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (!/eng-disable/i.test(text)) return;
    const where = `${display(file)}:${line}`;
    const match = text.match(html ? ENG_DISABLE_HTML : ENG_DISABLE);
    if (!match) {
      errors.push({ where, message: `malformed annotation: write \`${form}\` on the line it excuses` });
      return;
    }
    if (text.match(/eng-disable/gi).length > 1) {
      errors.push({ where, message: 'one eng-disable annotation per line (electronegativity reads only the first)' });
      return;
    }
    if (line === 1) {
      errors.push({ where, message: 'an annotation on line 1 disables the check for the whole file; put it on the line it excuses' });
      return;
    }
    const ids = match[1].trim().split(/(?:,| |\t)+/);
    const unknown = ids.filter((id) => !knownChecks.has(id.toUpperCase()));
    if (unknown.length > 0) {
      errors.push({ where, message: `unknown check ${unknown.map((id) => `"${id}"`).join(', ')} (write \`${form}\`)` });
      return;
    }
    const after = text.slice(match.index + match[0].length);
    // In HTML the annotation's own comment cannot hold more than the ids: the reason is the next comment.
    const reason = html
      ? (after.match(/^\s*<!--(.*?)-->/)?.[1] ?? '').trim()
      : after.startsWith(':') ? after.slice(1).replace(/\*\/.*$/, '').trim() : '';
    if ((reason.match(/[\p{L}\p{N}][\p{L}\p{N}'’.()_/-]*/gu) ?? []).length < 3) {
      errors.push({ where, message: `eng-disable ${ids.join(' ')} has no reason: write \`${form}\`, the reason in three words at least` });
      return;
    }
    annotations.push({ file, line, ids: ids.map((id) => knownChecks.get(id.toUpperCase())), reason, used: new Set() });
  });
  return annotations;
}

function display(file) {
  if (file === 'N/A') return '(no location)';
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function location(issue) {
  return issue.file === 'N/A' || !issue.location?.line ? display(issue.file) : `${display(issue.file)}:${issue.location.line}:${issue.location.column + 1}`;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function printTable(title, rows) {
  if (rows.length === 0) return;
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(title);
  for (const row of rows) console.log(`  ${row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell)).join('  ')}`);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    usage();
    return 0;
  }
  const verbose = args.includes('--verbose');
  const unknownFlag = args.find((a) => a.startsWith('--') && a !== '--verbose');
  if (unknownFlag) {
    console.error(`electronegativity: unknown option ${unknownFlag}`);
    usage();
    return 1;
  }
  const inputs = args.filter((a) => !a.startsWith('--'));
  const errors = [];
  const files = collectFiles(inputs.length > 0 ? inputs : defaultInputs(), errors);

  const version = electronVersion();
  const globalChecker = new GlobalChecks([], EXCLUDED_GLOBAL_CHECKS);
  const finder = new Finder([], []);
  const checkCount = finder._enabled_checks.length + globalChecker._enabled_checks.length;

  // Every check, by id and by class name (both work in eng-disable) → its id.
  const knownChecks = new Map();
  const atomicInstances = [...finder.checks_by_type.values()].flat();
  for (const check of [...atomicInstances, ...globalChecker._constructed_checks]) {
    knownChecks.set(check.id.toUpperCase(), check.id);
    knownChecks.set(check.constructor.name.toUpperCase(), check.id);
  }

  const loader = new LoaderFile();
  for (const file of files) loader.load(file);
  // As run(): babel first for TypeScript. Two fixes, as run()'s parserPlugins option would make them:
  // TypeScript 4.9's `accessor` fields need a babel plugin, and a .ts file is not JSX (the Parser
  // parses .ts like .tsx, so `<T>value` assertions would not parse).
  const parser = new Parser(false, true);
  parser.addPlugin('decoratorAutoAccessors');
  const tsParser = new Parser(false, true);
  tsParser.addPlugin('decoratorAutoAccessors');
  tsParser.tsPlugins = tsParser.tsPlugins.filter((plugin) => plugin !== 'jsx');
  const annotations = [];
  let issues = [];
  for (const file of loader.list_files) {
    const buffer = loader.load_buffer(file);
    // The parser picks by extension and knows .js and .ts, not .mjs/.cjs/.mts/.cts.
    const parseAs = /\.[mc][jt]s$/i.test(file) ? `${file}.${file.slice(-2)}` : file;
    let parsed;
    try {
      parsed = (/\.[mc]?ts$/i.test(file) ? tsParser : parser).parse(parseAs, buffer);
    } catch (error) {
      const at = error.loc ? `:${error.loc.line}:${error.loc.column}` : error.lineNumber ? `:${error.lineNumber}` : '';
      errors.push({ where: `${display(file)}${at}`, message: `parse error: ${error.message}` });
      continue;
    }
    const [type, data, content, warnings] = parsed;
    if (data === null) {
      errors.push({ where: display(file), message: 'not parsed (unknown type)' });
      continue;
    }
    if (warnings && warnings.length > 0) {
      for (const warning of warnings) errors.push({ where: display(file), message: `parse error (tolerated by the parser, not by us): ${warning.message}` });
      continue;
    }
    if (type !== sourceTypes.JSON) annotations.push(...readAnnotations(file, content, type === sourceTypes.HTML, knownChecks, errors));
    try {
      issues.push(...(await finder.find(file, data, type, content, null, version)));
    } catch (error) {
      errors.push({ where: display(file), message: `checks failed: ${error.message}` });
    }
  }

  // Which annotations did what: inline suppressions and global-check exclusions, as electronegativity
  // decided them (Finder sets issue.visibility from the flagged line).
  const annotationAt = (file, line) => annotations.find((a) => a.file === file && a.line === line);
  const suppressed = [];
  for (const issue of issues) {
    const { inlineDisabled, excludesGlobal = [] } = issue.visibility ?? {};
    if (!inlineDisabled && excludesGlobal.length === 0) continue;
    const annotation = annotationAt(issue.file, issue.location.line);
    if (!annotation) {
      // Electronegativity honoured an annotation we refused (no reason, line 1, …): report the finding.
      issue.visibility = { ...issue.visibility, inlineDisabled: false, excludesGlobal: [] };
      continue;
    }
    if (inlineDisabled) annotation.used.add(issue.id);
    for (const id of excludesGlobal) annotation.used.add(knownChecks.get(id) ?? id);
    suppressed.push({ issue, annotation });
  }

  // Second pass, as run(): the global checks, then the same visibility filter.
  issues = await globalChecker.getResults(issues);
  issues = issues.filter((i) => !i.visibility || (!i.visibility.inlineDisabled && !i.visibility.globalCheckDisabled));

  // A global finding with no line can only be answered by an annotation naming its check.
  const findings = [];
  for (const issue of issues) {
    const lineless = issue.file === 'N/A' || !issue.location?.line;
    const excusing = lineless ? annotations.filter((a) => a.ids.includes(issue.id) && (issue.file === 'N/A' || a.file === issue.file)) : [];
    if (excusing.length === 0) {
      findings.push(issue);
      continue;
    }
    for (const annotation of excusing) annotation.used.add(issue.id);
    suppressed.push({ issue, annotation: excusing[0] });
  }

  for (const annotation of annotations) {
    const unused = annotation.ids.filter((id) => !annotation.used.has(id));
    if (unused.length > 0) {
      errors.push({ where: `${display(annotation.file)}:${annotation.line}`, message: `eng-disable ${unused.join(' ')} suppresses nothing here (stale, or not on the line the check reports)` });
    }
  }

  for (const what of networkAttempts) errors.push({ where: '(network)', message: `attempted ${what}: this scan must run offline` });
  findings.sort((a, b) => location(a).localeCompare(location(b), undefined, { numeric: true }) || a.id.localeCompare(b.id));
  printTable(
    'electronegativity findings:',
    findings.map((i) => [i.id, location(i), `${i.severity.name}/${i.confidence.name}${i.manualReview ? ' (review)' : ''}`, `${i.description}${i.shortenedURL ? ` ${i.shortenedURL}` : ''}`]),
  );
  printTable(
    'electronegativity errors:',
    errors.map((e) => [e.where, e.message]).sort((a, b) => a[0].localeCompare(b[0], undefined, { numeric: true })),
  );
  if (verbose) {
    printTable(
      'suppressed:',
      suppressed.map(({ issue, annotation }) => [issue.id, location(issue), `${display(annotation.file)}:${annotation.line}: ${annotation.reason}`]),
    );
  }
  if (findings.length > 0) {
    console.log('Fix the code, or if it is safe, add `// eng-disable CHECK_ID: reason` on the reported line (header of scripts/electronegativity.mjs).');
  }
  const errorNote = errors.length > 0 ? `, ${plural(errors.length, 'error')}` : '';
  console.log(
    `electronegativity: ${plural(files.length, 'file')}, ${plural(checkCount, 'check')}, ${plural(findings.length, 'finding')} (${suppressed.length} suppressed with reasons)${errorNote}`,
  );
  return findings.length > 0 || errors.length > 0 ? 1 : 0;
}

process.exitCode = await main();
