/**
 * DigestInfo for the card's COMPUTE DIGITAL SIGNATURE with P1=00: the card applies PKCS#1 v1.5
 * type-1 padding to what it gets, so the host sends DER DigestInfo(SHA-256, hash).
 */
import { createHash } from 'node:crypto';

/** `SEQUENCE { SEQUENCE { OID sha256, NULL }, OCTET STRING (32) }` header. */
export const SHA256_DIGEST_INFO_PREFIX = Uint8Array.of(
  0x30,
  0x31,
  0x30,
  0x0d,
  0x06,
  0x09,
  0x60,
  0x86,
  0x48,
  0x01,
  0x65,
  0x03,
  0x04,
  0x02,
  0x01,
  0x05,
  0x00,
  0x04,
  0x20,
);

/** DigestInfo over SHA-256 of `message` (51 bytes). */
export function sha256DigestInfo(message: Uint8Array): Uint8Array {
  const hash = createHash('sha256').update(message).digest();
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + hash.length);
  out.set(SHA256_DIGEST_INFO_PREFIX, 0);
  out.set(hash, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}
