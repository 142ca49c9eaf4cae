/**
 * Key provider for the Electron shell: the AES key is wrapped by the OS keystore through Electron's
 * `safeStorage` (DPAPI on Windows, libsecret/kwallet on Linux) and the wrapped blob is kept in a
 * file. This module does not import Electron: the shell injects `safeStorage`.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createKeyFileOnce, readKeyFile } from './durable-key-file';
import { checkKeyLength, KEY_LENGTH, type KeyProvider } from './key-provider';
import { OutboxKeyError } from './outbox-errors';

/** The part of Electron's `safeStorage` this provider uses. */
export interface SafeStorageLike {
  /** True when the OS keystore can encrypt. */
  isEncryptionAvailable(): boolean;
  /** Encrypts a string with the OS keystore. */
  encryptString(plainText: string): Buffer;
  /** Decrypts a buffer made by `encryptString`. */
  decryptString(encrypted: Buffer): string;
  /** Linux only: the backend in use ('basic_text' means no real keystore). */
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageKeyProviderOptions {
  /** The injected Electron `safeStorage`. */
  safeStorage: SafeStorageLike;
  /** File holding the wrapped key (outside the database directory). */
  wrappedKeyPath: string;
  /** Accept Linux's 'basic_text' backend, which only obfuscates. Default false. */
  allowBasicText?: boolean;
}

export class SafeStorageKeyProvider implements KeyProvider {
  /** Absolute path of the wrapped key file. */
  readonly keyPath: string;
  /** For error messages. */
  readonly description: string;
  private readonly options: SafeStorageKeyProviderOptions;

  constructor(options: SafeStorageKeyProviderOptions) {
    this.options = options;
    this.keyPath = resolve(options.wrappedKeyPath);
    this.description = `OS keystore (wrapped key ${this.keyPath})`;
  }

  private ensureKeystore(): void {
    const s = this.options.safeStorage;
    if (!s.isEncryptionAvailable()) {
      throw new OutboxKeyError('keystore-unavailable', 'The OS keystore is not available (safeStorage).');
    }
    const backend = s.getSelectedStorageBackend?.();
    if (backend === 'basic_text' && !this.options.allowBasicText) {
      throw new OutboxKeyError('keystore-unavailable', "safeStorage uses the 'basic_text' backend (no real keystore); configure libsecret or use a key file.");
    }
  }

  /** Unwraps the stored key; throws `key-missing`, `keystore-unavailable` or `key-invalid`. */
  getKey(): Buffer {
    this.ensureKeystore();
    const wrapped = readKeyFile(this.keyPath);
    let text: string;
    try {
      text = this.options.safeStorage.decryptString(wrapped);
    } catch (err) {
      throw new OutboxKeyError('key-invalid', `The OS keystore cannot unwrap ${this.keyPath}.`, { cause: err });
    }
    return checkKeyLength(Buffer.from(text, 'base64'), this.description);
  }

  /** Makes a random key, wraps it with the keystore and stores the blob once. */
  createKey(): Buffer {
    this.ensureKeystore();
    const key = randomBytes(KEY_LENGTH);
    createKeyFileOnce(this.keyPath, this.options.safeStorage.encryptString(key.toString('base64')));
    return key;
  }
}
