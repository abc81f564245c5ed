import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The product name decides the user-data folder, exactly as Electron's `app.getPath('userData')`. */
export const PRODUCT_NAME = 'Strategy Workbench';
export const WORKSPACE_EXTENSION = '.swb';

/** The project root when running from source (CLI, harness, tests): two levels above this file. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOURCE_DATA_DIR = path.join(PROJECT_ROOT, 'data');

/**
 * The per-user folder the app keeps its workspace in. Mirrors Electron's rules so that the CLI
 * (which runs without Electron) finds the same database the app uses; the shell sets Electron's
 * userData path from this function too, so the two cannot drift.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WORKBENCH_USER_DATA) return env.WORKBENCH_USER_DATA;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultWorkspacePath(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string {
  return path.join(userDataDir(env, platform), `Default${WORKSPACE_EXTENSION}`);
}

export function packageVersion(root = PROJECT_ROOT): string {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
