/**
 * `npm run selftest`'s entry (build/scripts/selftest.ts) as a technician runs it on a stopped kiosk:
 * its own process, the kiosk's configuration file, the A4 printer through the real IPP binding
 * against the simulated IPP printer, the other devices simulated, the demo back end. Its standard
 * output must parse as the JSON report; the exit code says whether a step failed, and a printer out
 * of paper fails the printer step alone, with its fix in Japanese and English.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { WardBackendHandle } from '../../../backend/start-ward-backend';
import { startDemoBackend } from '../../../demo/demo-backend';
import { mergeConfig, parseConfig } from '../../../main/config/load-config';
import { fixturesDir } from '../../../main/config/project-paths';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { TEST_BASE } from '../../support/journey-driver';

const ROOT = join(__dirname, '..', '..', '..');
const CLI_BOUND_MS = 120_000;

interface CliRun {
  code: number | null;
  json: {
    passed: boolean;
    kioskId: string;
    steps: Array<{ id: string; status: string; code: string; fix: { ja: string | null; en: string | null } | null; result: { ja: string; en: string } }>;
  };
}

/** Runs the entry in its own process group; stops it by its pid if it outlives the bound. */
async function runCli(configFile: string): Promise<CliRun> {
  const env = { ...process.env };
  // As a technician's shell: no test-runner variable silencing the logger; the entry must keep stdout clean itself.
  delete env.NODE_TEST_CONTEXT;
  delete env.MADOGUCHI_LOG_LEVEL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'build/scripts/selftest.ts'), '--config', configFile, '--recover-sec', '10'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.resume();
  const bound = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, CLI_BOUND_MS);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(bound);
  const stdout = Buffer.concat(chunks).toString('utf8');
  return { code, json: JSON.parse(stdout) as CliRun['json'] };
}

describe('npm run selftest (the CLI entry) against the simulators', () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-selftest-cli-'));
  const configFile = join(dir, 'kiosk.json');
  let printer: PrinterSimulator;
  let backend: WardBackendHandle | null = null;

  before(async () => {
    printer = await startPrinterSimulator({ config: join(fixturesDir(), 'printers', 'kiosk-a4-mono.json'), spoolDir: null, msPerPage: 50 });
    const config = parseConfig(
      mergeConfig(TEST_BASE, {
        dataDir: join(dir, 'data'),
        metrics: { enabled: false },
        devices: { printer: 'real' },
        hardware: { printerUri: printer.uri },
      }),
      'test config',
    );
    const demo = await startDemoBackend(config);
    backend = demo.backend;
    writeFileSync(configFile, JSON.stringify(demo.config));
  });
  after(async () => {
    await backend?.stop();
    await printer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('healthy: exit 0, a JSON report on stdout, the test page printed, the run audited as the technician', async () => {
    const run = await runCli(configFile);
    assert.equal(run.code, 0, JSON.stringify(run.json));
    assert.equal(run.json.passed, true);
    assert.equal(run.json.kioskId, 'kiosk-kokurakita-01');
    assert.deepEqual(
      run.json.steps.map((s) => [s.id, s.status]),
      [
        ['printer', 'pass'],
        ['card', 'pass'],
        ['cash', 'pass'],
        ['cashless', 'pass'],
        ['backend', 'pass'],
        ['queue', 'skipped'],
      ],
    );
    assert.ok(run.json.steps.every((s) => s.fix === null));
    assert.equal(run.json.steps[0]!.result.ja, 'テストページを印刷しました。');
    assert.equal(printer.snapshot().printed, 1);
    const db = new Database(join(dir, 'data', 'audit', 'audit.db'), { readonly: true });
    try {
      const last = db.prepare('SELECT kind, actor, outcome FROM entries ORDER BY seq DESC LIMIT 1').get();
      assert.deepEqual({ ...(last as object) }, { kind: 'self-test', actor: 'technician', outcome: 'ok' });
    } finally {
      db.close();
    }
  });

  test('the printer out of paper: exit 1, the printer step alone fails, with its fix in both languages', async () => {
    printer.injectFault('media-empty');
    try {
      const run = await runCli(configFile);
      assert.equal(run.code, 1);
      assert.equal(run.json.passed, false);
      const failed = run.json.steps.filter((s) => s.status === 'fail');
      assert.deepEqual(
        failed.map((s) => [s.id, s.code]),
        [['printer', 'printer-media-empty']],
      );
      assert.deepEqual(failed[0]!.fix, { ja: 'プリンターのトレイにA4用紙を補充してください。', en: "Load A4 paper into the printer's tray." });
    } finally {
      printer.clearFaults();
    }
  });
});
