/**
 * `npm test`: every check, in order, on this machine: system packages, typecheck, lint, format,
 * the architecture rules, the bundle, electronegativity, then unit, integration and end-to-end tests.
 *
 * Unit tests run in parallel; integration and end-to-end tests run one file at a time,
 * since they share the machine's one pcscd and its virtual reader. Ends with one line,
 * "N passed, N failed", over every test run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from './run-tests';

const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
/** The source rooms whose import graph dependency-cruiser checks (tests and fixtures are not rooms). */
const ROOMS = ['contract', 'main', 'renderer', 'devices', 'platform', 'backend', 'queue', 'demo', 'build'].filter((room) => existsSync(join(root, room)));

function step(label: string, command: string, args: string[]): void {
  console.log(`\n=== ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${label} failed`);
    console.log(`0 passed, 1 failed`);
    process.exit(1);
  }
}

step('system packages', 'bash', [join(root, 'build/scripts/system-deps.sh')]);
step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
step('architecture', bin('depcruise'), ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...ROOMS]);
step('bundle', process.execPath, ['--import', 'tsx', join(root, 'build/scripts/bundle.ts')]);
step('electronegativity', process.execPath, ['--import', 'tsx', join(root, 'build/scripts/electronegativity.ts')]);

let passed = 0;
let failed = 0;
const suites: [string, string, boolean][] = [
  ['unit tests', 'test/unit', false],
  ['integration tests', 'test/integration', true],
  ['end-to-end tests', 'test/e2e', true],
];
async function main(): Promise<void> {
  for (const [label, dir, serial] of suites) {
    if (!existsSync(join(root, dir))) continue;
    console.log(`\n=== ${label}`);
    const counts = await runTests([join(root, dir)], serial);
    passed += counts.passed;
    // A runner that failed without a failing test (a crash, a file that does not load) still fails.
    failed += counts.failed + (counts.status !== 0 && counts.failed === 0 ? 1 : 0);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
