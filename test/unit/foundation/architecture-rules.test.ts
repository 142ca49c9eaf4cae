/**
 * The graph rules of `.dependency-cruiser.cjs`, shown to fail: dependency-cruiser (as `npm test`
 * runs it) is pointed at a small tree of probe files laid out like the project's rooms, in a
 * temporary folder, with the project's own configuration. One cruise for all probes (each
 * cruise starts TypeScript, a few seconds).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const root = join(__dirname, '..', '..', '..');

const PROBES: Record<string, string> = {
  // A cycle.
  'main/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = () => b;\n",
  'main/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = () => a;\n",
  // Electron outside main/electron/, as a value and as a type; and inside it.
  'main/uses-electron.ts': "import { app } from 'electron';\nexport const x = app;\n",
  'main/outbox/uses-electron-type.ts': "import type { SafeStorage } from 'electron';\nexport type X = SafeStorage;\n",
  'main/electron/shell.ts': "import { app } from 'electron';\nexport const x = app;\n",
  // main/ → backend/.
  'backend/server.ts': 'export const start = () => 1;\n',
  'main/starts-backend.ts': "import { start } from '../backend/server';\nexport const x = start;\n",
  // ...from any folder of main/, a demo-looking one included; only the demo entry's own room starts it.
  'main/demo/starts-backend.ts': "import { start } from '../../backend/server';\nexport const x = start;\n",
  'demo/start-demo.ts': "import { start } from '../backend/server';\nimport { a } from '../main/uses-contract';\nexport const x = [start, a];\n",
  // What is allowed: main/ → contract/, main/ → main/ without a cycle.
  'contract/api.ts': 'export const api = 1;\n',
  'main/uses-contract.ts': "import { api } from '../contract/api';\nexport const a = api;\n",
  'main/uses-main.ts': "import { a } from './uses-contract';\nexport const b = a;\n",
};

let dir = '';
let violations: string[] = [];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-arch-'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  for (const [path, source] of Object.entries(PROBES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'depcruise'),
    ['main', 'backend', 'contract', 'demo', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  const report = JSON.parse(run.stdout) as { summary: { violations: { from: string; rule: { name: string } }[] } };
  violations = report.summary.violations.map((v) => `${v.rule.name}: ${v.from}`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('architecture rules (dependency-cruiser)', () => {
  test('an import cycle fails', () => {
    // A cycle is reported once, from the side the cruise met first.
    assert.equal(violations.filter((v) => /^no-circular: main\/cycle-[ab]\.ts$/.test(v)).length, 1, violations.join('\n'));
  });

  test('electron outside main/electron/ fails, type-only imports included; inside it passes', () => {
    assert.ok(violations.includes('electron-only-in-main-electron: main/uses-electron.ts'), violations.join('\n'));
    assert.ok(violations.includes('electron-only-in-main-electron: main/outbox/uses-electron-type.ts'), violations.join('\n'));
    assert.ok(!violations.some((v) => v.endsWith('main/electron/shell.ts')), violations.join('\n'));
  });

  test('main/ importing backend/ fails, from any of its folders; demo/ may import both', () => {
    assert.ok(violations.includes('main-not-backend: main/starts-backend.ts'), violations.join('\n'));
    assert.ok(violations.includes('main-not-backend: main/demo/starts-backend.ts'), violations.join('\n'));
    assert.ok(!violations.some((v) => v.endsWith(': demo/start-demo.ts')), violations.join('\n'));
  });

  test('nothing else is reported: main/ → contract/, main/ → main/ without a cycle, demo/ → main/ and backend/ pass', () => {
    assert.equal(violations.length, 5, violations.join('\n'));
  });
});
