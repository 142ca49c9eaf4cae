/**
 * `safeStorage` as documented: on Linux encryption is available only after 'ready' and with a
 * keystore; `encryptString` throws when it is not; `decryptString` throws for a buffer it did not make;
 * `getSelectedStorageBackend` names the Linux backend ('basic_text' when there is no keystore).
 * The fake keystore really encrypts (AES-256-GCM) so a wrapped key on disk is never the plain key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FakeApp } from './fake-app';

export type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export class FakeKeystore {
  readonly key = randomBytes(32);
  constructor(
    public available = true,
    public backend: StorageBackend = 'gnome_libsecret',
  ) {}
}

export class FakeSafeStorage {
  constructor(
    private readonly app: FakeApp,
    readonly keystore: FakeKeystore,
  ) {}

  isEncryptionAvailable(): boolean {
    return this.app.isReady && this.keystore.available;
  }
  getSelectedStorageBackend(): StorageBackend {
    return this.app.isReady ? this.keystore.backend : 'unknown';
  }
  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable()) {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    }
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keystore.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.isEncryptionAvailable()) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    }
    try {
      if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('prefix');
      const decipher = createDecipheriv('aes-256-gcm', this.keystore.key, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  }
}
