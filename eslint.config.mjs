// Lint rules, including the import boundaries between the rooms of the project:
//   contract/  pure typed contract shared by renderer and main (zod only)
//   renderer/  the UI: no Node, no Electron, no main-side code
//   devices/   hardware and its simulators: no Electron, no UI, no main-side code
//   platform/  Node-side utilities shared by main, devices and backend
//   backend/   the reference ward back end (a separate server)
//   main/      the privileged side and the two shells
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const nativeOrServerPackages = ['better-sqlite3', 'pcsclite', 'node-hid', 'pdfkit', 'pino', 'ws', 'ipp', 'electron-builder'];

/** Builds a no-restricted-imports rule that forbids the given rooms and modules. */
function forbid({ rooms = [], modules = [], why }) {
  return [
    'error',
    {
      paths: modules.map((name) => ({ name, message: why })),
      patterns: [
        ...rooms.map((room) => ({ group: [`**/${room}`, `**/${room}/**`], message: why })),
        { group: ['node:*'], message: why, allowTypeImports: false },
      ].filter((p) => modules.includes('node:*') || !p.group.includes('node:*')),
    },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', '.stryker-tmp/', 'reports/', '**/*.mjs', 'fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['main', 'devices', 'platform', 'backend'],
        modules: [...nodeBuiltins, 'electron', ...nativeOrServerPackages],
        why: 'renderer/ runs in a sandboxed page: no Node, no Electron, no main-side code. Use the kiosk API from contract/.',
      }),
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['main', 'devices', 'platform', 'backend', 'renderer'],
        modules: [...nodeBuiltins, 'electron', ...nativeOrServerPackages],
        why: 'contract/ is shared by renderer and main: plain types and zod schemas only.',
      }),
    },
  },
  {
    files: ['devices/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['main', 'renderer', 'backend'],
        modules: ['electron'],
        why: 'devices/ is hardware and its simulators: no Electron, no UI, no main-side code.',
      }),
    },
  },
  {
    files: ['platform/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['main', 'renderer', 'devices', 'backend'],
        modules: ['electron'],
        why: 'platform/ holds Node utilities that every room may use; it depends on none of them.',
      }),
    },
  },
  {
    files: ['backend/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['main', 'renderer', 'devices'],
        modules: ['electron'],
        why: 'backend/ is the reference ward back end, a separate server: it shares only contract/ and platform/.',
      }),
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['renderer'],
        modules: [],
        why: 'main/ talks to the renderer only through the contract.',
      }),
    },
  },
);
