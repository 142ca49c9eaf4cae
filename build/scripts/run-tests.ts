/**
 * Runs every `*.test.ts` below the given folders (or the given files) with Node's own test
 * runner, through tsx. Node 20's `--test` does not glob TypeScript files, so they are
 * listed here. Output is passed through; the pass and fail counts are read from it.
 *
 * Usage: tsx build/scripts/run-tests.ts [--serial] <dir or file> [...]
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function findTestFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTestFiles(full));
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

export type TestCounts = { status: number; passed: number; failed: number };

function nodeTestArgs(files: string[], serial: boolean): string[] {
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
  if (serial) args.push('--test-concurrency=1');
  return [...args, ...files];
}

/** Runs the tests, streaming their output, and returns the counts read from it. */
export function runTests(paths: string[], serial: boolean): Promise<TestCounts> {
  const files = paths.flatMap(findTestFiles);
  if (files.length === 0) {
    console.error(`no test files under ${paths.join(', ')}`);
    return Promise.resolve({ status: 1, passed: 0, failed: 1 });
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeTestArgs(files, serial), { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString('utf8');
    });
    child.on('close', (code) => resolve({ status: code ?? 1, passed: sumOf(output, 'pass'), failed: sumOf(output, 'fail') }));
  });
}

function sumOf(output: string, label: string): number {
  let total = 0;
  for (const m of output.matchAll(new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'))) total += Number(m[1]);
  return total;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const serial = argv.includes('--serial');
  void runTests(
    argv.filter((a) => a !== '--serial'),
    serial,
  ).then((c) => process.exit(c.status));
}
