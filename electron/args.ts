import path from 'node:path';

/**
 * The workspace the command line names: `--workspace FILE` (tests, scripts), or a `.swb` file
 * the system passes when the user double-clicks one (Windows and Linux; macOS sends `open-file`).
 * Null: none named, so the app opens the last one used.
 */
export function workspaceFromArgs(argv: readonly string[]): string | null {
  const flag = argv.findIndex((a) => a === '--workspace');
  const value = flag >= 0 ? argv[flag + 1] : argv.find((a) => a.startsWith('--workspace='))?.slice('--workspace='.length);
  if (value) return path.resolve(value);
  const file = argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.swb'));
  return file ? path.resolve(file) : null;
}
