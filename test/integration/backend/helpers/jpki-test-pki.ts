/**
 * A throwaway JPKI user-authentication PKI for back-end tests (RSA-2048, sha256WithRSA, like the
 * real JPKI): a CA, one cert per resident, an expired, a not-yet-valid and a revoked cert, a CRL,
 * and a cert from a foreign CA. Also signs nonces exactly as the card does. res-002's card has its
 * own key; the other leaves share one (key generation is the slow part).
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { KeyObject, constants, createHash, privateEncrypt, webcrypto } from 'node:crypto';
import type { JpkiTrustInput } from '../../../../backend/auth/jpki-trust';
import { crlToPem } from '../../../../build/scripts/crl-pem';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
const CA_NAME = 'C=JP, O=JPKI, OU=JPKI for user authentication, OU=Madoguchi TEST';

/** A card's user-auth cert and key. */
export interface TestCard {
  certDer: Buffer;
  key: KeyObject;
  serialHex: string;
}

export interface JpkiTestPki {
  trust: JpkiTrustInput;
  /** Good certs by resident id. */
  cards: Record<string, TestCard>;
  expired: TestCard;
  notYetValid: TestCard;
  revoked: TestCard;
  /** Signed by another CA with the same name. */
  foreign: TestCard;
  /** The CA (PEM), to sign further CRLs in a test (see `signTestCrl`). */
  ca: { certPem: string; keyPem: string };
}

/** What a test CRL says: its dates and the serials (hex) it lists as revoked at `revokedAt`. */
export interface TestCrlParams {
  thisUpdate: Date;
  nextUpdate: Date;
  revokedSerials?: string[];
  revokedAt?: Date;
}

/**
 * A CRL signed by `ca` (RSA or ECDSA P-256 key), PEM. Tests make CRLs with dates relative to their
 * own clock instead of committing files that go stale on some calendar day.
 */
export async function signTestCrl(ca: { certPem: string; keyPem: string }, p: TestCrlParams): Promise<string> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const rsa = caCert.publicKey.algorithm.name === 'RSASSA-PKCS1-v1_5';
  const alg = rsa ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const pkcs8 = x509.PemConverter.decodeFirst(ca.keyPem);
  const signingKey = (await webcrypto.subtle.importKey('pkcs8', pkcs8, alg, false, ['sign'])) as unknown as CryptoKey;
  const crl = await x509.X509CrlGenerator.create({
    issuer: caCert.subject,
    thisUpdate: p.thisUpdate,
    nextUpdate: p.nextUpdate,
    signingKey,
    signingAlgorithm: alg,
    entries: (p.revokedSerials ?? []).map((serialNumber) => ({
      serialNumber,
      revocationDate: p.revokedAt ?? p.thisUpdate,
      reason: x509.X509CrlReason.keyCompromise,
    })),
  });
  return crlToPem(crl.rawData);
}

async function keys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
}

let serialSeq = 0x1000;

// RSA-2048 generation dominates the cost, so leaves share two key pairs (a real card has its own).
async function leaf(ca: { cert: x509.X509Certificate; keys: CryptoKeyPair }, k: CryptoKeyPair, notBefore: Date, notAfter: Date): Promise<TestCard> {
  const serialHex = (serialSeq++).toString(16).padStart(8, '0').toUpperCase();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex,
    subject: `CN=${serialHex}, OU=Madoguchi TEST, O=JPKI, C=JP`,
    issuer: ca.cert.subject,
    publicKey: k.publicKey,
    signingKey: ca.keys.privateKey,
    notBefore,
    notAfter,
    signingAlgorithm: RSA,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true), new x509.BasicConstraintsExtension(false)],
  });
  return { certDer: Buffer.from(cert.rawData), key: KeyObject.from(k.privateKey as unknown as webcrypto.CryptoKey), serialHex };
}

async function makeCa(): Promise<{ cert: x509.X509Certificate; keys: CryptoKeyPair }> {
  const k = await keys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: CA_NAME,
    keys: k,
    notBefore: new Date('2020-01-01'),
    notAfter: new Date('2040-01-01'),
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { cert, keys: k };
}

/** Builds the PKI; `residentIds` get good certs, `revokedFor`/`expiredFor` name whose special certs those are. */
export async function createJpkiTestPki(
  residentIds: string[],
  special: { revokedFor: string; expiredFor: string; notYetValidFor: string },
): Promise<JpkiTestPki> {
  const ca = await makeCa();
  const now = Date.now();
  const validFrom = new Date(now - 365 * 86_400_000);
  const validTo = new Date(now + 4 * 365 * 86_400_000);
  const [shared, other] = [await keys(), await keys()];
  const cards: Record<string, TestCard> = {};
  // res-002 has the other key so "signed by another card's key" is a real wrong-key case.
  for (const id of residentIds) cards[id] = await leaf(ca, id === 'res-002' ? other : shared, validFrom, validTo);
  const expired = await leaf(ca, shared, new Date(now - 6 * 365 * 86_400_000), new Date(now - 86_400_000));
  const notYetValid = await leaf(ca, shared, new Date(now + 86_400_000), validTo);
  const revoked = await leaf(ca, shared, validFrom, validTo);
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subject,
    thisUpdate: new Date(now - 3_600_000),
    nextUpdate: new Date(now + 86_400_000),
    entries: [{ serialNumber: revoked.serialHex, revocationDate: new Date(now - 7_200_000), reason: x509.X509CrlReason.keyCompromise }],
    signingKey: ca.keys.privateKey,
    signingAlgorithm: RSA,
  });
  const foreign = await leaf(await makeCa(), shared, validFrom, validTo);
  const bindings = [
    ...Object.entries(cards).map(([residentId, c]) => ({ serialHex: c.serialHex, residentId })),
    { serialHex: revoked.serialHex, residentId: special.revokedFor },
    { serialHex: expired.serialHex, residentId: special.expiredFor },
    { serialHex: notYetValid.serialHex, residentId: special.notYetValidFor },
    { serialHex: foreign.serialHex, residentId: residentIds[0]! },
  ];
  const caKeyPem = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', ca.keys.privateKey as webcrypto.CryptoKey), 'PRIVATE KEY');
  return {
    trust: { caCertsPem: [ca.cert.toString('pem')], crlsPem: [crl.toString('pem')], bindings },
    cards,
    expired,
    notYetValid,
    revoked,
    foreign,
    ca: { certPem: ca.cert.toString('pem'), keyPem: caKeyPem },
  };
}

const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** Signs like the card: PKCS#1 v1.5 type-1 padding over DigestInfo(SHA-256(nonce)) (mynumber-card.md §5). */
export function cardSign(key: KeyObject, nonce: Buffer): Buffer {
  const digestInfo = Buffer.concat([SHA256_DIGEST_INFO_PREFIX, createHash('sha256').update(nonce).digest()]);
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
}
