/**
 * The architecture's graph rules, checked by `npm test` (dependency-cruiser): what ESLint's
 * per-file import rules (eslint.config.mjs, the rooms) cannot see.
 *
 * - no import cycles anywhere: a cycle means two modules are one concept split in two, or a
 *   shared part living inside one of its users;
 * - Electron only under main/electron/: every other module runs in Node, where the `electron`
 *   package cannot load, and is tested there;
 * - main/ never imports backend/: the reference ward back end is a separate server (the demo
 *   entry, demo/start-demo.ts, starts it next to the kiosk), so a packaged kiosk carries none of its code.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles: move the shared part into a module both sides import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'electron-only-in-main-electron',
      severity: 'error',
      comment: 'Only main/electron/ imports electron, types included: other rooms talk to the shell through the contract.',
      from: { pathNot: '^main/electron/' },
      to: { path: '(^|/)node_modules/electron/|^electron$' },
    },
    {
      name: 'main-not-backend',
      severity: 'error',
      comment: 'main/ talks to the ward back end over HTTPS only; the demo entry starts the embedded one.',
      from: { path: '^main/' },
      to: { path: '^backend/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results)/' },
  },
};
