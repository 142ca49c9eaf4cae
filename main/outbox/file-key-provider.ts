/**
 * Key provider for the browser shell: a raw 32-byte key in a file (mode 0600) that lives outside
 * the database directory, so copying the database directory alone does not copy the key.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createKeyFileOnce, readKeyFile } from './durable-key-file';
import { checkKeyLength, KEY_LENGTH, type KeyProvider } from './key-provider';

export class FileKeyProvider implements KeyProvider {
  /** Absolute path of the key file. */
  readonly keyPath: string;
  /** The key file path, for error messages. */
  readonly description: string;

  constructor(keyPath: string) {
    this.keyPath = resolve(keyPath);
    this.description = `key file ${this.keyPath}`;
  }

  /** Reads the key; throws `key-missing`, `key-file-permissions` or `key-invalid`. */
  getKey(): Buffer {
    return checkKeyLength(readKeyFile(this.keyPath), this.description);
  }

  /** Creates the key file once with a fresh random key; refuses to overwrite an existing file. */
  createKey(): Buffer {
    const key = randomBytes(KEY_LENGTH);
    createKeyFileOnce(this.keyPath, key);
    return key;
  }
}
