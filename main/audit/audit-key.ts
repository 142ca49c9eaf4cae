/**
 * The kiosk key that signs the audit log's head: the private key of the kiosk's client certificate
 * (`backend.tls.keyFile`, the key the kiosk already proves itself with to the ward back end; EC
 * P-256 in the city's PKI, Ed25519 accepted too). Anyone holding the certificate can check a head;
 * only this kiosk can sign one.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HeadVerifier } from './audit-chain';

export interface HeadSigner {
  keyId: string;
  sign(bytes: Buffer): Buffer;
}

/** ECDSA and RSA sign a SHA-256 digest; Ed25519 signs the bytes themselves. */
function digestFor(key: KeyObject): string | null {
  return key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
}

/** base64url SHA-256 of the public key's SPKI DER: names the key in each signed head. */
export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url');
}

export function headSignerFromPem(privatePem: string | Buffer): HeadSigner {
  const key = createPrivateKey(privatePem);
  const digest = digestFor(key);
  return { keyId: publicKeyId(createPublicKey(key)), sign: (bytes) => sign(digest, bytes, key) };
}

export function headVerifierFromKey(publicKey: KeyObject): HeadVerifier {
  const digest = digestFor(publicKey);
  return { keyId: publicKeyId(publicKey), verify: (bytes, signature) => verify(digest, bytes, publicKey, signature) };
}

/** The verifier of a kiosk certificate (PEM file) or a public key (PEM file). */
export function headVerifierFromFile(path: string): HeadVerifier {
  const pem = readFileSync(path);
  const key = pem.includes('CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
  return headVerifierFromKey(key);
}
