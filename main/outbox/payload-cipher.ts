/**
 * AES-256-GCM sealing of one outbox row. Layout: version(1) | iv(12) | tag(16) | ciphertext.
 *
 * The associated data binds the ciphertext to the row's identity (idempotency key, receipt number,
 * destination, kind): moving a sealed payload to another row makes decryption fail, so rows cannot
 * be swapped or re-targeted to another ward without the key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER = 1 + IV_LENGTH + TAG_LENGTH;

/** The row identity that is authenticated together with the payload. */
export interface SealIdentity {
  /** Idempotency key of the submission. */
  idempotencyKey: string;
  /** Local receipt number. */
  receiptNumber: string;
  /** Destination queue (ward back end). */
  destination: string;
  /** Submission kind. */
  kind: string;
}

/** Builds the AAD; NUL separators cannot occur inside the validated identity fields. */
export function associatedData(id: SealIdentity): Buffer {
  return Buffer.from(['madoguchi/outbox/v1', id.idempotencyKey, id.receiptNumber, id.destination, id.kind].join('\0'), 'utf8');
}

/** Encrypts `plain` for the given row with a fresh random IV. */
export function seal(key: Buffer, aad: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** Decrypts a sealed blob; returns undefined when the blob is malformed or fails authentication. */
export function open(key: Buffer, aad: Buffer, sealed: Buffer): Buffer | undefined {
  if (sealed.length < HEADER || sealed[0] !== VERSION) return undefined;
  const iv = sealed.subarray(1, 1 + IV_LENGTH);
  const tag = sealed.subarray(1 + IV_LENGTH, HEADER);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(HEADER)), decipher.final()]);
  } catch {
    return undefined;
  }
}
