import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { OutboxKeyError } from '../../../main/outbox/outbox-errors';
import { SafeStorageKeyProvider } from '../../../main/outbox/safe-storage-key-provider';
import { createFakeElectron, FakeKeystore } from '../../support/fake-electron';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-safestorage-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newKeyPath = () => join(dir, `outbox-${files++}.key.wrapped`);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof OutboxKeyError) return err.code;
    throw err;
  }
  return 'no error';
}

function readyElectron(keystore = new FakeKeystore()) {
  const electron = createFakeElectron({ keystore });
  electron.app.emitReady();
  return electron;
}

describe("the outbox key wrapped by Electron's safeStorage", () => {
  test('the key is created once, stored only wrapped, and unwrapped again by the same keystore', () => {
    const keystore = new FakeKeystore();
    const wrappedKeyPath = newKeyPath();
    const key = new SafeStorageKeyProvider({ safeStorage: readyElectron(keystore).safeStorage, wrappedKeyPath }).createKey();
    const onDisk = readFileSync(wrappedKeyPath);
    assert.equal(onDisk.includes(key), false);
    assert.equal(onDisk.includes(Buffer.from(key.toString('base64'))), false);
    const restarted = new SafeStorageKeyProvider({ safeStorage: readyElectron(keystore).safeStorage, wrappedKeyPath });
    assert.deepEqual(restarted.getKey(), key);
  });

  test("before the app's 'ready' safeStorage is unavailable on Linux, so the provider refuses rather than writing a key", () => {
    const electron = createFakeElectron();
    const provider = new SafeStorageKeyProvider({ safeStorage: electron.safeStorage, wrappedKeyPath: newKeyPath() });
    assert.equal(
      codeOf(() => provider.createKey()),
      'keystore-unavailable',
    );
  });

  test('a wrapped key copied to another machine (another keystore) is key-invalid', () => {
    const wrappedKeyPath = newKeyPath();
    new SafeStorageKeyProvider({ safeStorage: readyElectron().safeStorage, wrappedKeyPath }).createKey();
    const elsewhere = new SafeStorageKeyProvider({ safeStorage: readyElectron().safeStorage, wrappedKeyPath });
    assert.equal(
      codeOf(() => elsewhere.getKey()),
      'key-invalid',
    );
  });

  test("no keystore, or Linux's basic_text backend outside development, is keystore-unavailable", () => {
    const none = new SafeStorageKeyProvider({ safeStorage: readyElectron(new FakeKeystore(false)).safeStorage, wrappedKeyPath: newKeyPath() });
    assert.equal(
      codeOf(() => none.createKey()),
      'keystore-unavailable',
    );
    const basic = readyElectron(new FakeKeystore(true, 'basic_text')).safeStorage;
    assert.equal(
      codeOf(() => new SafeStorageKeyProvider({ safeStorage: basic, wrappedKeyPath: newKeyPath() }).createKey()),
      'keystore-unavailable',
    );
    const dev = new SafeStorageKeyProvider({ safeStorage: basic, wrappedKeyPath: newKeyPath(), allowBasicText: true });
    assert.equal(dev.createKey().length, 32);
  });
});
