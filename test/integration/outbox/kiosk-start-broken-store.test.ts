/**
 * The real start command against broken stores: `main/start.ts` bundled as `npm run build` bundles it
 * (esbuild, CommonJS, packages external), run in the browser shell with a config file whose
 * `dataDir` is a temp folder. The runtime opens the certificate journal (`<dataDir>/journal/`) and
 * the applications outbox (`<dataDir>/outbox/`); a corrupt, empty or locked one must stop the start
 * with exit code 3 and one operator paragraph naming the file and what to do, and the file must be
 * byte-for-byte as it was (no silent reset).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { STORE_FAILURE_EXIT_CODE } from '../../../main/startup-failure';
import { TransactionJournal } from '../../../main/journal/transaction-journal';
import { hashFiles, holdLock } from '../../support/broken-database';

const ROOT = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-start-broken-'));
const START_JS = join(dir, 'bundle', 'start.js');
let caseNo = 0;

before(async () => {
  await build({
    entryPoints: [join(ROOT, 'main/start.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: START_JS,
    logLevel: 'error',
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A config file pointing the kiosk at a fresh data folder. */
function freshKiosk(): { config: string; dataDir: string } {
  const base = join(dir, `case-${++caseNo}`);
  const dataDir = join(base, 'data');
  mkdirSync(dataDir, { recursive: true });
  const config = join(base, 'kiosk-config.json');
  writeFileSync(config, JSON.stringify({ dataDir }));
  return { config, dataDir };
}

/** Runs the start command to its exit (it must exit by itself; 60 s guard); --demo: the config is the demo's, as with npm start. */
function runStart(config: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // NODE_PATH: the bundle lives in a temp folder but loads its packages from the repo, as dist/ does.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), MADOGUCHI_SHELL: 'browser', MADOGUCHI_LOG_LEVEL: 'silent' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, [START_JS, '--config', config, '--no-browser', '--demo'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolveRun) =>
    child.once('close', (code) => {
      clearTimeout(guard);
      resolveRun({ code, stdout, stderr });
    }),
  );
}

function assertRefused(run: { code: number | null; stderr: string }, code: string, path: string, action: RegExp): void {
  assert.equal(run.code, STORE_FAILURE_EXIT_CODE, `exit code; stderr: ${run.stderr.slice(0, 1000)}`);
  const paragraph = run.stderr.split('\n').find((l) => l.startsWith('Madoguchi cannot start'));
  assert.ok(paragraph, `an operator paragraph on stderr: ${run.stderr.slice(0, 1000)}`);
  assert.ok(paragraph.includes(`[${code}]`), paragraph);
  assert.ok(paragraph.includes(path), 'names the file');
  assert.match(paragraph, action);
  assert.match(paragraph, /nothing was reset or deleted/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace for an operator error');
}

describe('kiosk start with a broken store', () => {
  test('a journal that is not a database → exit 3, operator message, file untouched', async () => {
    const kiosk = freshKiosk();
    const path = join(kiosk.dataDir, 'journal', 'journal.db');
    mkdirSync(join(kiosk.dataDir, 'journal'));
    writeFileSync(path, Buffer.from('PK\x03\x04 this is a zip archive, not the journal'.repeat(200)));
    const before = hashFiles(path);
    assertRefused(await runStart(kiosk.config), 'database-corrupt', path, /restore it .*from a backup/);
    assert.deepEqual(hashFiles(path), before);
  });

  test('an outbox truncated to 0 bytes → exit 3, operator message, never a fresh queue', async () => {
    const kiosk = freshKiosk();
    const path = join(kiosk.dataDir, 'outbox', 'outbox.db');
    mkdirSync(join(kiosk.dataDir, 'outbox'));
    writeFileSync(path, '');
    assertRefused(await runStart(kiosk.config), 'database-corrupt', path, /restore it .*from a backup/);
    assert.equal(statSync(path).size, 0, 'still the empty file it was: not recreated as a fresh outbox');
  });

  test('a journal held by another process → exit 3, "stop the other instance", untouched', async () => {
    const kiosk = freshKiosk();
    const path = join(kiosk.dataDir, 'journal', 'journal.db');
    const journal = TransactionJournal.open({ path, kioskId: 'KK01' });
    journal.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    journal.close();
    const before = hashFiles(path);
    const holder = await holdLock(path, 'exclusive');
    try {
      assertRefused(await runStart(kiosk.config), 'database-locked', path, /Stop the other instance/);
    } finally {
      await holder.release();
    }
    assert.deepEqual(hashFiles(path), before);
  });
});
