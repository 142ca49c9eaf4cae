/**
 * `npm run mutation [-- module ...]`: mutation testing of the safety-critical modules named in
 * stryker.config.mjs, one module at a time (each against only its own tests), then one line per
 * module with its mutation score and the score it holds. Fails when a module scores below what
 * it holds. Not part of `npm test`: a module takes minutes.
 *
 * The score is Stryker's: killed and timed-out mutants over every mutant that was tested or had
 * no test reaching it (compile and runtime errors and ignored mutants do not count).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '..', '..');
/** A scratch install of Stryker may be named instead of the project's own (STRYKER_BIN). */
const stryker = process.env.STRYKER_BIN ?? join(root, 'node_modules', '.bin', 'stryker');

interface MutationModule {
  mutate: string[];
  tests: string[];
  held: number;
}

type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface Report {
  files: Record<string, { mutants: { status: MutantStatus }[] }>;
}

export interface ModuleScore {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  /** Percent with one decimal; null when no mutant counted. */
  score: number | null;
}

/** Stryker's mutation score over a JSON report. */
export function scoreOf(report: Report): ModuleScore {
  const all = Object.values(report.files).flatMap((f) => f.mutants.map((m) => m.status));
  const count = (s: MutantStatus) => all.filter((x) => x === s).length;
  const s = { killed: count('Killed'), survived: count('Survived'), noCoverage: count('NoCoverage'), timeout: count('Timeout') };
  const valid = s.killed + s.survived + s.noCoverage + s.timeout;
  return { ...s, score: valid === 0 ? null : Math.round(((s.killed + s.timeout) / valid) * 1000) / 10 };
}

async function main(): Promise<void> {
  if (!existsSync(stryker)) {
    console.error(`Stryker is not installed (${stryker}): npm install, or set STRYKER_BIN`);
    process.exit(2);
  }
  const config = pathToFileURL(join(root, 'stryker.config.mjs')).href;
  const { MODULES } = (await import(config)) as { MODULES: Record<string, MutationModule> };
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in MODULES));
  if (unknown.length > 0) {
    console.error(`unknown module(s): ${unknown.join(', ')}; one of: ${Object.keys(MODULES).join(', ')}`);
    process.exit(2);
  }
  const names = asked.length > 0 ? asked : Object.keys(MODULES);
  const lines: string[] = [];
  let below = false;
  for (const name of names) {
    const held = MODULES[name]!.held;
    const reportFile = join(root, 'reports', 'mutation', `${name}.json`);
    rmSync(reportFile, { force: true });
    console.log(`\n=== mutation: ${name}`);
    const run = spawnSync(stryker, ['run', 'stryker.config.mjs'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MADOGUCHI_MUTATION_MODULE: name },
    });
    if (run.status !== 0 || !existsSync(reportFile)) {
      lines.push(`${name.padEnd(20)} run failed (exit ${run.status ?? run.signal})`);
      below = true;
      continue;
    }
    const s = scoreOf(JSON.parse(readFileSync(reportFile, 'utf8')) as Report);
    const verdict = s.score === null ? 'no mutants' : s.score < held ? `BELOW the held ${held}%` : `holds ${held}%`;
    if (s.score !== null && s.score < held) below = true;
    lines.push(
      `${name.padEnd(20)} ${String(s.score ?? '-').padStart(5)}%  killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, no coverage ${s.noCoverage}  (${verdict})`,
    );
  }
  console.log('\n=== mutation scores');
  for (const line of lines) console.log(line);
  process.exit(below ? 1 : 0);
}

if (require.main === module) void main();
