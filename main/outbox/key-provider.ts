/**
 * Where the outbox's AES-256 key comes from. The key is never stored in the database: in the
 * Electron shell it is wrapped by the OS keystore (`safeStorage`), in the browser shell it lives in
 * a key file kept outside the database directory.
 */
import { OutboxKeyError } from './outbox-errors';

/** Length of an AES-256 key in bytes. */
export const KEY_LENGTH = 32;

export interface KeyProvider {
  /** Human-readable location for error messages (a path or "OS keystore"); never the key itself. */
  readonly description: string;
  /** Absolute path of the file holding (or wrapping) the key, if any; used to refuse keys kept beside the database. */
  readonly keyPath?: string;
  /**
   * Returns the existing 32-byte key. Throws `OutboxKeyError` with code `key-missing` when no key
   * exists yet; never creates one (a silently new key would make queued rows unreadable).
   */
  getKey(): Buffer;
  /**
   * Creates, durably stores and returns a new key. The outbox calls this only when the database
   * holds no encrypted data yet. Throws if a key already exists.
   */
  createKey(): Buffer;
}

/** Checks the decoded key length, with an error that says where the bad key came from. */
export function checkKeyLength(key: Buffer, description: string): Buffer {
  if (key.length !== KEY_LENGTH) {
    throw new OutboxKeyError('key-invalid', `Key from ${description} has ${key.length} bytes, expected ${KEY_LENGTH}.`);
  }
  return key;
}
