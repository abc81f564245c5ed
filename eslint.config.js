// Lint rules, including the import boundaries between layers (docs/ARCHITECTURE.md):
//   core/      pure TypeScript: no electron, no Node built-ins, no DOM, no server code
//   renderer/  the UI: no electron, no better-sqlite3, no Node built-ins, no server code
//   electron/server/, cli, harness: plain Node, no electron
//   the shell (electron/*.ts but cli/harness) is the only place that may import 'electron'
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronBan = { name: 'electron', message: 'Only the Electron shell (electron/main.ts, preload.ts, ipc.ts, …) may import electron.' };
const sqliteBan = { name: 'better-sqlite3', message: 'Only the server (electron/server/) talks to SQLite.' };

/** The DOM and browser globals core/ must not touch (its tsconfig also has no DOM lib). */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'DOMParser', 'XMLSerializer', 'fetch', 'location', 'history', 'EventSource', 'requestAnimationFrame', 'getComputedStyle'];

export default tseslint.config(
  { ignores: ['build/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'No focused tests.' },
      ],
    },
  },
  {
    // Everything but the shell: no electron. The shell is electron/*.ts except the CLI and the
    // harness, plus its unit tests. core/ and renderer/ tighten this further below.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['electron/*.ts', 'tests/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [{ group: ['**/renderer/src/**'], message: 'Only the renderer imports the UI.' }] }],
    },
  },
  {
    // Tests and benchmarks index into arrays they just built; `!` there says so plainly.
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['electron/cli.ts', 'electron/harness.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan] }],
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, sqliteBan, ...nodeBuiltins.map((name) => ({ name, message: 'core/ runs everywhere: no Node built-ins.' }))],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'core/ depends on nothing but itself and pure libraries.' },
            { group: ['react', 'react-dom', 'react/*'], message: 'core/ has no UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals, 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule reports where the React Compiler would skip a component; we do not use the compiler.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, sqliteBan, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a web page: no Node built-ins.' }))],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer reaches the server only through the API client (renderer/src/api.ts).' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname'],
    },
  },
);
