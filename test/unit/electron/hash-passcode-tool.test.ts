/**
 * `madoguchi --hash-staff-passcode` in the Electron app, on the fake Electron: the tool runs only
 * when asked, only once the app is ready, keys the hash with a pepper wrapped by the OS keystore
 * (safeStorage) in the data folder, and exits with the tool's code without opening a window.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { HASH_PASSCODE_FLAG, runHashPasscodeToolIfAsked } from '../../../main/electron/hash-passcode-tool';
import type { HashPasscodeIo } from '../../../main/staff/hash-passcode-cli';
import { parsePasscodeHash, verifyPasscode } from '../../../main/staff/staff-passcode';
import { SafeStorageKeyProvider } from '../../../main/outbox';
import { staffPepperPaths } from '../../../main/staff/staff-pepper';
import { createFakeElectron } from '../../support/fake-electron';
import { CHEAP_COST } from '../staff/cheap-passcode-hash';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function io(passcode: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: HashPasscodeIo = { readPasscode: async () => passcode, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { value, out, err };
}

/**
 * Resolves once the fake app has exited (the tool's promise chain ends with app.exit). The hash runs
 * in libuv's thread pool, which a busy machine (unit files run in parallel) may keep for a while:
 * the wait is bounded by time (30 s), not by a number of event-loop turns.
 */
async function exited(app: { exitCode: number | null }): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (app.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  assert.notEqual(app.exitCode, null, 'the app exited');
  return app.exitCode!;
}

describe('Electron --hash-staff-passcode', () => {
  test('without the flag nothing runs and the kiosk starts as usual', () => {
    const electron = createFakeElectron();
    const failures: unknown[] = [];
    assert.equal(
      runHashPasscodeToolIfAsked(electron, ['madoguchi', '--config', 'ward.json'], io('24681357').value, (e) => failures.push(e)),
      false,
    );
    electron.app.emitReady();
    assert.equal(electron.app.exitCode, null);
    assert.deepEqual(failures, []);
  });

  test('with the flag: after ready, a hash keyed by a safeStorage-wrapped pepper in the data folder, exit 0, no window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-hash-'));
    dirs.push(dataDir);
    const electron = createFakeElectron();
    const terminal = io('24681357');
    const failures: unknown[] = [];
    assert.equal(
      runHashPasscodeToolIfAsked(electron, ['madoguchi', HASH_PASSCODE_FLAG, '--data-dir', dataDir], terminal.value, (e) => failures.push(e), CHEAP_COST),
      true,
    );
    await new Promise((r) => setImmediate(r));
    assert.equal(electron.app.exitCode, null, 'nothing happens before ready (safeStorage is not available yet)');
    electron.app.emitReady();
    assert.equal(await exited(electron.app), 0);
    assert.deepEqual(failures, []);
    assert.equal(electron.windows.length, 0);
    const wrapped = staffPepperPaths(dataDir).wrappedKeyFile;
    assert.ok(existsSync(wrapped), 'the pepper is kept wrapped in the data folder');
    assert.ok(!existsSync(staffPepperPaths(dataDir).keyFile), 'never as a plain key file');
    // The printed hash verifies with the pepper the keystore unwraps, and not without it.
    const pepper = new SafeStorageKeyProvider({ safeStorage: electron.safeStorage, wrappedKeyPath: wrapped, allowBasicText: false }).getKey();
    assert.equal(terminal.out.length, 1);
    const parsed = parsePasscodeHash(terminal.out[0]!, CHEAP_COST);
    assert.equal(await verifyPasscode('24681357', parsed, pepper), true);
    assert.equal(await verifyPasscode('24681357', parsed, Buffer.alloc(pepper.length)), false);
    assert.ok(!readFileSync(wrapped).includes(pepper), 'the file does not hold the pepper in the clear');
  });

  test('a passcode that is too short exits 1 and prints no hash', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-hash-'));
    dirs.push(dataDir);
    const electron = createFakeElectron();
    const terminal = io('246810');
    runHashPasscodeToolIfAsked(electron, ['madoguchi', HASH_PASSCODE_FLAG, '--data-dir', dataDir], terminal.value, () => undefined, CHEAP_COST);
    electron.app.emitReady();
    assert.equal(await exited(electron.app), 1);
    assert.deepEqual(terminal.out, []);
  });
});
