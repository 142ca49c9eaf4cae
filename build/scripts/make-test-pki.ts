/**
 * `npm run make:test-pki`: (re)generates the TEST JPKI PKI under fixtures/pki/jpki/.
 *
 * Everything here is fictional test material for the simulators: a self-signed TEST user-
 * authentication CA and TEST signature CA (RSA-2048, sha256WithRSA), per card (read from
 * fixtures/cards/*.json) a user-auth cert (no basic 4) and a signature cert whose subjectAltName
 * carries the basic 4 as JPKI otherNames, the card AP key that signs the text-AP integrity
 * record, and a CRL of the auth CA listing the revoked card's cert.
 *
 * Deterministic enough: existing key files are reused (pass --fresh-keys to make new ones);
 * serial numbers derive from the card id and dates are fixed, and RSA PKCS#1 v1.5 signatures
 * are deterministic, so a re-run with the same keys reproduces the same bytes.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, generateKeyPairSync, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixturesRoot, listCardFixtures, loadResidents, readCardFixture, type Resident } from '../../devices/card/sim/virtual-card/card-fixture';
import { toEraDate } from '../../devices/card/sim/virtual-card/japanese-era';
import { basic4Name } from '../../devices/card/sim/virtual-card/basic-four';
import { crlToPem } from './crl-pem';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const FRESH = process.argv.includes('--fresh-keys');
const root = fixturesRoot();
const pkiDir = join(root, 'pki', 'jpki');

const CA_NOT_BEFORE = new Date('2024-01-01T00:00:00Z');
const CA_NOT_AFTER = new Date('2046-03-31T14:59:59Z');
const EE_NOT_AFTER = new Date('2045-03-31T14:59:59Z');

const AUTH_CA_NAME = 'C=JP, O=JPKI TEST, OU=TEST JPKI for user authentication, OU=TEST ONLY - not Japan Agency for Local Authority Information Systems';
const SIGN_CA_NAME = 'C=JP, O=JPKI TEST, OU=TEST JPKI for digital signature, OU=TEST ONLY - not Japan Agency for Local Authority Information Systems';

/** Loads the PKCS#8 PEM at path, or makes (and writes) a new RSA-2048 key there. */
function rsaKeyPem(path: string): string {
  if (!FRESH && existsSync(path)) return readFileSync(path, 'utf8');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  write(path, pem);
  return pem;
}

async function importKeys(pem: string): Promise<CryptoKeyPair> {
  const priv = createPrivateKey(pem);
  const pkcs8 = priv.export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, ALG, true, ['sign']);
  const publicDer = createPublicKey(priv).export({ type: 'spki', format: 'der' });
  const publicKey = await webcrypto.subtle.importKey('spki', publicDer, ALG, true, ['verify']);
  return { privateKey, publicKey } as CryptoKeyPair;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A positive serial derived from a label (8 bytes, top bit clear), hex. */
function serialFor(label: string): string {
  const h = createHash('sha256').update(label).digest();
  h[0] = (h[0]! & 0x7f) | 0x01;
  return h.subarray(0, 8).toString('hex');
}

// --- minimal DER for the JPKI subjectAltName otherNames ---
function derLen(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function der(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLen(body.length), body]);
}
function derOid(oid: string): Buffer {
  const parts = oid.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = p >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}
/** otherName [0] IMPLICIT SEQUENCE { type-id OID, value [0] EXPLICIT UTF8String }. */
function otherName(oid: string, value: string): Buffer {
  return der(0xa0, Buffer.concat([derOid(oid), der(0xa0, der(0x0c, Buffer.from(value, 'utf8')))]));
}

/** subjectAltName with the basic 4: name (.1), sex (.3), birth era digit + YYYYMMDD (.4), address (.5). */
function basic4San(r: Resident): x509.Extension {
  const era = toEraDate(r.birthDate);
  const names = Buffer.concat([
    otherName('1.2.392.200149.8.5.5.1', basic4Name(r)),
    otherName('1.2.392.200149.8.5.5.3', r.sex),
    otherName('1.2.392.200149.8.5.5.4', `${era?.code ?? 0}${r.birthDate.replace(/-/g, '')}`),
    otherName('1.2.392.200149.8.5.5.5', r.address),
  ]);
  return new x509.Extension('2.5.29.17', false, new Uint8Array(der(0x30, names)));
}

async function makeCa(name: string, file: string): Promise<{ keys: CryptoKeyPair; cert: x509.X509Certificate }> {
  const keys = await importKeys(rsaKeyPem(join(pkiDir, `${file}.key.pem`)));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialFor(file),
    name,
    notBefore: CA_NOT_BEFORE,
    notAfter: CA_NOT_AFTER,
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  write(join(pkiDir, `${file}.cert.pem`), cert.toString('pem') + '\n');
  return { keys, cert };
}

async function main(): Promise<void> {
  const authCa = await makeCa(AUTH_CA_NAME, 'auth-ca');
  const signCa = await makeCa(SIGN_CA_NAME, 'sign-ca');
  rsaKeyPem(join(pkiDir, 'card-ap-key.pem'));
  const residents = new Map(loadResidents(root).map((r) => [r.id, r]));
  const revoked: x509.X509CrlEntryParams[] = [];
  const revokedSign: x509.X509CrlEntryParams[] = [];

  for (const cardId of listCardFixtures(root)) {
    const card = readCardFixture(cardId, root);
    const resident = residents.get(card.residentId);
    if (!resident) throw new Error(`card ${cardId}: unknown resident`);
    const notBefore = new Date(`${card.issuedOn}T00:00:00Z`);
    const subject = `C=JP, L=Fukuoka-ken, L=Kitakyushu-shi, CN=${card.serialNumber}`;
    if (card.jpki.auth) {
      const keys = await importKeys(rsaKeyPem(join(root, card.jpki.auth.key)));
      const notAfter = card.flags.authCertExpired ? new Date(`${Number(card.issuedOn.slice(0, 4)) + 5}${card.issuedOn.slice(4)}T14:59:59Z`) : EE_NOT_AFTER;
      const serialNumber = serialFor(`auth:${cardId}`);
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber,
        subject: `C=JP, CN=${serialFor(`auth-subject:${cardId}`).toUpperCase()}`,
        issuer: authCa.cert.subject,
        notBefore,
        notAfter,
        publicKey: keys.publicKey,
        signingKey: authCa.keys.privateKey,
        signingAlgorithm: ALG,
        extensions: [
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          await x509.AuthorityKeyIdentifierExtension.create(authCa.keys.publicKey),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        ],
      });
      write(join(root, card.jpki.auth.cert), cert.toString('pem') + '\n');
      if (card.flags.authCertRevoked) {
        revoked.push({ serialNumber, revocationDate: new Date('2026-06-01T00:00:00Z'), reason: x509.X509CrlReason.keyCompromise });
      }
    }
    if (card.jpki.sign) {
      const keys = await importKeys(rsaKeyPem(join(root, card.jpki.sign.key)));
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serialFor(`sign:${cardId}`),
        subject,
        issuer: signCa.cert.subject,
        notBefore,
        notAfter: EE_NOT_AFTER,
        publicKey: keys.publicKey,
        signingKey: signCa.keys.privateKey,
        signingAlgorithm: ALG,
        extensions: [
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
          basic4San(resident),
          await x509.AuthorityKeyIdentifierExtension.create(signCa.keys.publicKey),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        ],
      });
      write(join(root, card.jpki.sign.cert), cert.toString('pem') + '\n');
      // A card reported lost has both certificates revoked (the signing one would also be on a move).
      if (card.flags.authCertRevoked) {
        revokedSign.push({
          serialNumber: serialFor(`sign:${cardId}`),
          revocationDate: new Date('2026-06-01T00:00:00Z'),
          reason: x509.X509CrlReason.keyCompromise,
        });
      }
    }
  }

  await writeCrl(authCa, revoked, 'auth-ca.crl.pem');
  await writeCrl(signCa, revokedSign, 'sign-ca.crl.pem');
  console.log(`test JPKI PKI written to ${pkiDir} (${revoked.length} auth, ${revokedSign.length} sign revoked)`);
}

async function writeCrl(ca: { keys: CryptoKeyPair; cert: x509.X509Certificate }, entries: x509.X509CrlEntryParams[], file: string): Promise<void> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subject,
    thisUpdate: new Date('2026-11-01T00:00:00Z'),
    nextUpdate: new Date('2045-03-31T14:59:59Z'),
    entries,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALG,
  });
  write(join(pkiDir, file), crlToPem(crl.rawData));
}

main().catch((err: unknown) => {
  console.error('make-test-pki failed:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
