import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { Outbox } from '../../../main/outbox/outbox';
import { OutboxKeyError, PayloadIntegrityError } from '../../../main/outbox/outbox-errors';
import { SafeStorageKeyProvider, type SafeStorageLike } from '../../../main/outbox/safe-storage-key-provider';
import { tempOutbox } from './outbox-test-helpers';
import { cleanedAfterFile } from '../../support/cleaned-after';

const fresh = cleanedAfterFile(tempOutbox);

const MARKER = 'FICTIONAL-RESIDENT-YAMADA-HANAKO-1-2-3-CHUO';

function fileBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}

function keyErrorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof OutboxKeyError) return err.code;
    throw err;
  }
  return undefined;
}

/** A stand-in for Electron's safeStorage: XOR "encryption" is enough to prove the wrapping path. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  const xor = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => xor(Buffer.from(s, 'utf8')),
    decryptString: (b) => xor(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('Outbox encryption at rest', () => {
  test('the payload never appears in plaintext in the database or WAL files', () => {
    const t = fresh();
    const outbox = t.open();
    for (let i = 0; i < 5; i++) outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { name: MARKER, i } });
    const bytes = fileBytes(join(t.dir, 'db'));
    assert.ok(bytes.length > 0);
    assert.equal(bytes.includes(Buffer.from(MARKER)), false);
    assert.equal(bytes.includes(Buffer.from('YAMADA')), false);
    outbox.close();
    assert.equal(fileBytes(join(t.dir, 'db')).includes(Buffer.from('YAMADA')), false);
    assert.deepEqual(readdirSync(join(t.dir, 'keys')), ['outbox.key']);
  });

  test('a tampered ciphertext is detected, reported as a dead letter and never sent', () => {
    const t = fresh();
    const outbox = t.open();
    const r = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { form: 'x' } });
    outbox.close();
    const raw = new Database(t.dbPath);
    const { sealed } = raw.prepare('SELECT sealed FROM submissions').get() as { sealed: Buffer };
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    // Tampering needs the triggers out of the way: exactly what an attacker with file access would do.
    raw.exec('DROP TRIGGER submissions_payload_immutable');
    raw.prepare('UPDATE submissions SET sealed = ?').run(sealed);
    raw.close();
    const again = t.open();
    const { items, corrupt } = again.due('ward-a', Date.now() + 1, 10);
    assert.equal(items.length, 0);
    assert.deepEqual(
      corrupt.map((c) => c.receipt_number),
      [r.receiptNumber],
    );
    again.markDead(corrupt[0]?.id ?? -1, 0, 'payload-integrity');
    assert.throws(() => again.readDeadLetterPayload(r.receiptNumber), PayloadIntegrityError);
    again.close();
  });

  test('swapping sealed payloads between rows is detected through the associated data', () => {
    const t = fresh();
    const outbox = t.open();
    outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { to: 'a' } });
    outbox.enqueue({ destination: 'ward-b', kind: 'k', payload: { to: 'b' } });
    outbox.close();
    const raw = new Database(t.dbPath);
    raw.exec('DROP TRIGGER submissions_payload_immutable');
    const rows = raw.prepare('SELECT id, sealed FROM submissions ORDER BY id').all() as Array<{ id: number; sealed: Buffer }>;
    const [a, b] = rows;
    assert.ok(a && b);
    raw.prepare('UPDATE submissions SET sealed = ? WHERE id = ?').run(b.sealed, a.id);
    raw.prepare('UPDATE submissions SET sealed = ? WHERE id = ?').run(a.sealed, b.id);
    raw.close();
    const again = t.open();
    for (const d of ['ward-a', 'ward-b']) {
      const { items, corrupt } = again.due(d, Date.now() + 1, 10);
      assert.equal(items.length, 0, `${d} must not yield a swapped payload`);
      assert.equal(corrupt.length, 1);
    }
    again.close();
  });

  test('key problems: missing, wrong, readable by others, or kept beside the database', () => {
    const t = fresh();
    const first = t.open();
    first.enqueue({ destination: 'ward-a', kind: 'k', payload: 1 });
    first.close();
    const original = readFileSync(t.keyPath);

    writeFileSync(t.keyPath, Buffer.alloc(32, 1), { mode: 0o600 });
    assert.equal(
      keyErrorCode(() => t.open()),
      'key-mismatch',
    );

    chmodSync(t.keyPath, 0o644);
    assert.equal(
      keyErrorCode(() => t.open()),
      'key-file-permissions',
    );

    writeFileSync(t.keyPath, Buffer.alloc(7), { mode: 0o600 });
    chmodSync(t.keyPath, 0o600);
    assert.equal(
      keyErrorCode(() => t.open()),
      'key-invalid',
    );

    const missing = join(t.dir, 'elsewhere', 'none.key');
    assert.equal(
      keyErrorCode(() => Outbox.open({ path: t.dbPath, keyProvider: new FileKeyProvider(missing), receiptPrefix: 'KK01' })),
      'key-missing',
    );
    assert.throws(() => readFileSync(missing), /ENOENT/);

    const beside = join(t.dir, 'db', 'outbox.key');
    assert.equal(
      keyErrorCode(() => Outbox.open({ path: t.dbPath, keyProvider: new FileKeyProvider(beside), receiptPrefix: 'KK01' })),
      'key-location',
    );

    writeFileSync(t.keyPath, original, { mode: 0o600 });
    const restored = t.open();
    assert.equal(restored.status().queued, 1);
    restored.close();
  });

  test('the file key provider creates its key once, mode 0600, and never overwrites it', () => {
    const t = fresh();
    const p = new FileKeyProvider(join(t.dir, 'k', 'a.key'));
    assert.equal(
      keyErrorCode(() => p.getKey()),
      'key-missing',
    );
    const k = p.createKey();
    assert.equal(k.length, 32);
    assert.ok(p.getKey().equals(k));
    assert.throws(() => p.createKey(), OutboxKeyError);
    assert.ok(p.getKey().equals(k));
  });

  test('the safeStorage provider wraps the key with the OS keystore and refuses a missing or weak keystore', () => {
    const t = fresh();
    mkdirSync(join(t.dir, 'secure'));
    const wrappedKeyPath = join(t.dir, 'secure', 'outbox.key.wrapped');
    const provider = new SafeStorageKeyProvider({ safeStorage: fakeSafeStorage(), wrappedKeyPath });
    const outbox = Outbox.open({ path: t.dbPath, keyProvider: provider, receiptPrefix: 'KK01' });
    const r = outbox.enqueue({ destination: 'ward-a', kind: 'k', payload: { ok: true } });
    outbox.close();
    const wrapped = readFileSync(wrappedKeyPath);
    assert.equal(Buffer.from(wrapped.map((x) => x ^ 0x5a)).toString('utf8').length, 44); // base64 of 32 bytes, wrapped

    const again = Outbox.open({
      path: t.dbPath,
      keyProvider: new SafeStorageKeyProvider({ safeStorage: fakeSafeStorage(), wrappedKeyPath }),
      receiptPrefix: 'KK01',
    });
    assert.equal(again.receipt(r.receiptNumber)?.state, 'queued');
    assert.deepEqual(again.due('ward-a', Date.now() + 1, 1).items[0]?.payload, { ok: true });
    again.close();

    const unavailable = new SafeStorageKeyProvider({ safeStorage: fakeSafeStorage(false), wrappedKeyPath });
    assert.equal(
      keyErrorCode(() => unavailable.getKey()),
      'keystore-unavailable',
    );
    const basic = new SafeStorageKeyProvider({ safeStorage: fakeSafeStorage(true, 'basic_text'), wrappedKeyPath });
    assert.equal(
      keyErrorCode(() => basic.getKey()),
      'keystore-unavailable',
    );
    const allowed = new SafeStorageKeyProvider({ safeStorage: fakeSafeStorage(true, 'basic_text'), wrappedKeyPath, allowBasicText: true });
    assert.equal(allowed.getKey().length, 32);
  });
});
