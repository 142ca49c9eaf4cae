/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` in turn, each in its own process.
 *
 * A benchmark prints its own figures beside a peer measured in the same run; timings never
 * decide a test's pass or fail, so nothing here asserts a speed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', '..', 'test', 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  // The kiosk's info logs would bury the figures (and cost time); warnings and errors still show.
  const env = { ...process.env, MADOGUCHI_LOG_LEVEL: process.env.MADOGUCHI_LOG_LEVEL ?? 'warn' };
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], { stdio: 'inherit', env });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
