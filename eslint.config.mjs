// Lint rules, including the import boundaries between the rooms of the project:
//   contract/  pure typed contract shared by renderer and main (zod only)
//   renderer/  the UI: no Node, no Electron, no main-side code
//   devices/   hardware and its simulators: no Electron, no UI, no main-side code
//   platform/  Node-side utilities shared by main, devices and backend
//   backend/   the reference ward back end (a separate server)
//   queue/     the ward queue service (a separate server)
//   main/      the privileged side and the two shells
//   demo/      the demo entry (npm start): starts the reference back end, then the kiosk
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const nativeOrServerPackages = ['better-sqlite3', 'pcsclite', 'node-hid', 'pdfkit', 'pino', 'ws', 'ipp', 'electron-builder', 'pg', '@electric-sql/pglite'];

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

/**
 * A logger call must never receive an error's message: it may quote a citizen's data (a name in a
 * SQLite constraint, a My Number in a parse error). Log `errorCode(err)` from platform/log.ts.
 * A logger call is `<anything>.fatal|error|warn|info|debug|trace(...)`, console's included.
 */
const LOGGER_CALL = 'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(fatal|error|warn|info|debug|trace|log)$/]';
const ERROR_NAME = '/^(e|err|error|ex|exception)$/';
const ERROR_MESSAGE_IN_LOG =
  "Never log an error's message (String(err), err.message, `${err}`, the error object itself): log errorCode(err) from platform/log.ts.";
const errorMessageInLogSelectors = [
  `${LOGGER_CALL} MemberExpression[property.name=/^(message|stack)$/]`,
  `${LOGGER_CALL} MemberExpression[object.name=${ERROR_NAME}][property.name="toString"]`,
  `${LOGGER_CALL} CallExpression[callee.name="String"] > Identifier[name=${ERROR_NAME}]`,
  `${LOGGER_CALL} TemplateLiteral > Identifier[name=${ERROR_NAME}]`,
  `${LOGGER_CALL} > Identifier.arguments[name=${ERROR_NAME}]`,
  `${LOGGER_CALL} Property[value.type="Identifier"][value.name=${ERROR_NAME}]`,
].map((selector) => ({ selector, message: ERROR_MESSAGE_IN_LOG }));

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
    // The product's code. Build scripts and test/bench tools run on fixture data only and print a
    // failure's message to the developer who ran them.
    files: [
      'main/**/*.ts',
      'devices/**/*.ts',
      'backend/**/*.ts',
      'queue/**/*.ts',
      'platform/**/*.ts',
      'contract/**/*.ts',
      'renderer/**/*.{ts,tsx}',
      'demo/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', ...errorMessageInLogSelectors] },
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
        rooms: ['main', 'renderer', 'devices', 'demo'],
        modules: ['electron'],
        why: 'backend/ is the reference ward back end, a separate server: it shares only contract/ and platform/.',
      }),
    },
  },
  {
    files: ['queue/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['main', 'renderer', 'devices', 'backend'],
        modules: ['electron'],
        why: 'queue/ is the ward queue service, a separate server: it shares only contract/ and platform/.',
      }),
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['renderer', 'demo'],
        modules: [],
        why: 'main/ talks to the renderer only through the contract, and knows nothing of the demo entry that starts it.',
      }),
    },
  },
  {
    files: ['demo/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': forbid({
        rooms: ['renderer', 'devices'],
        modules: ['electron'],
        why: 'demo/ only wires the reference back end (backend/) to the kiosk (main/); it has no UI or device code of its own.',
      }),
    },
  },
);
