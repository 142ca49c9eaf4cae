/**
 * Runs every `*.test.ts` below the given folders with Node's own test runner (through tsx).
 *
 * Node 20's `--test` does not glob TypeScript files, so the files are listed here.
 * Usage: tsx build/scripts/run-tests.ts [--serial] <dir> [<dir> ...]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function findTestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTestFiles(full));
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

export function runTests(dirs: string[], serial: boolean): number {
  const files = dirs.flatMap(findTestFiles);
  if (files.length === 0) {
    console.error(`no test files under ${dirs.join(', ')}`);
    return 1;
  }
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
  if (serial) args.push('--test-concurrency=1');
  const result = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' });
  return result.status ?? 1;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const serial = argv.includes('--serial');
  process.exit(runTests(argv.filter((a) => a !== '--serial'), serial));
}
