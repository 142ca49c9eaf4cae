/**
 * Makes the TEST mutual-TLS PKI between kiosks and the reference ward back end.
 *
 * Output (fixtures/pki/kiosk/, committed; every key here is a TEST key):
 *   city-ca.{cert,key}.pem              the test city CA that signs server and kiosk certs
 *   server.{cert,key}.pem               the back end's server cert (SAN 127.0.0.1, ::1, localhost)
 *   clients/<kiosk-id>.{cert,key}.pem   one client cert per kiosk id (subject CN = kiosk id)
 *   clerks/<clerk-id>.{cert,key}.pem    a ward clerk's desk cert (clientAuth + the clerk purpose,
 *                                        platform/http/client-roles.ts): what `form:lookup` presents
 *   city-ca.crl.pem                     the city CA's CRL of kiosk/clerk certs (none revoked)
 *   untrusted/ca.cert.pem + untrusted/<id>.{cert,key}.pem  a client cert from a CA the back end
 *                                        does not trust (negative tests)
 *
 * ECDSA P-256 keeps generation and handshakes fast; long validity keeps the committed files usable.
 * Usage: npx tsx build/scripts/make-kiosk-pki.ts [outDir] [--keep-ca]
 *   --keep-ca  keeps the city CA, server and kiosk certs in outDir and (re)writes only the clerk
 *              certs and the CRL (no churn of committed files the kiosks already use)
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLERK_EKU_OID } from '../../platform/http/client-roles';
import { crlToPem } from './crl-pem';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const EC: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const NOT_BEFORE = new Date('2025-01-01T00:00:00Z');
const NOT_AFTER = new Date('2045-01-01T00:00:00Z');

/** The kiosk ids the back end trusts by default; `kiosk-unlisted-99` is signed by the city CA but not allow-listed. */
export const KIOSK_IDS = ['kiosk-kokurakita-01', 'kiosk-yahatanishi-01', 'kiosk-unlisted-99'] as const;
/** Clerks' desks (form:lookup). */
export const CLERK_IDS = ['clerk-desk-01'] as const;
const CRL_THIS_UPDATE = new Date('2026-11-01T00:00:00Z');

/** A certificate and its private key, both PEM. */
export interface PemPair {
  /** PEM certificate. */
  certPem: string;
  /** PEM PKCS#8 private key. */
  keyPem: string;
}

interface Issuer {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
}

async function makeCa(name: string): Promise<Issuer> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name,
    keys,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

const PURPOSES = {
  server: [x509.ExtendedKeyUsage.serverAuth],
  client: [x509.ExtendedKeyUsage.clientAuth],
  clerk: [x509.ExtendedKeyUsage.clientAuth, CLERK_EKU_OID],
} as const;

async function makeLeaf(issuer: Issuer, cn: string, role: keyof typeof PURPOSES): Promise<PemPair> {
  const keys = await newKeys();
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([...PURPOSES[role]]),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
  ];
  if (role === 'server') {
    extensions.push(
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
    );
  }
  const cert = await x509.X509CertificateGenerator.create({
    subject: role === 'clerk' ? `CN=${cn}, OU=ward clerks, O=Madoguchi TEST, C=JP` : `CN=${cn}, O=Madoguchi TEST kiosks, C=JP`,
    issuer: issuer.cert.subject,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    signingAlgorithm: EC,
    extensions,
  });
  return { certPem: cert.toString('pem'), keyPem: await keyPem(keys.privateKey) };
}

/** Everything the script writes, also handy for tests that need a throwaway PKI. */
export interface KioskPki {
  /** The test city CA (trust anchor for both directions). */
  ca: PemPair;
  /** The back end's server cert. */
  server: PemPair;
  /** Client certs by kiosk id, signed by the city CA. */
  clients: Record<string, PemPair>;
  /** Clerk desk certs by clerk id, signed by the city CA. */
  clerks: Record<string, PemPair>;
  /** The city CA's CRL (PEM), revoking nothing. */
  crlPem: string;
  /** A CA the back end does not trust, and one client cert it signed (CN kiosk-kokurakita-01). */
  untrusted: { ca: PemPair; client: PemPair };
}

/** Creates a fresh kiosk PKI in memory. */
export async function createKioskPki(kioskIds: readonly string[] = KIOSK_IDS): Promise<KioskPki> {
  const ca = await makeCa('CN=Madoguchi TEST City CA (Kitakyushu), O=Madoguchi TEST, C=JP');
  const server = await makeLeaf(ca, 'ward-backend.localhost', 'server');
  const clients: Record<string, PemPair> = {};
  for (const id of kioskIds) clients[id] = await makeLeaf(ca, id, 'client');
  const clerks = await makeClerks(ca);
  const rogue = await makeCa('CN=Untrusted TEST CA, O=Nobody, C=JP');
  // Same CN as a real kiosk: the test shows that the chain, not the name, decides.
  const rogueClient = await makeLeaf(rogue, 'kiosk-kokurakita-01', 'client');
  return {
    ca: { certPem: ca.cert.toString('pem'), keyPem: await keyPem(ca.keys.privateKey) },
    server,
    clients,
    clerks,
    crlPem: await makeCrl(ca),
    untrusted: { ca: { certPem: rogue.cert.toString('pem'), keyPem: await keyPem(rogue.keys.privateKey) }, client: rogueClient },
  };
}

async function makeClerks(ca: Issuer): Promise<Record<string, PemPair>> {
  const clerks: Record<string, PemPair> = {};
  for (const id of CLERK_IDS) clerks[id] = await makeLeaf(ca, id, 'clerk');
  return clerks;
}

/** The city CA's CRL, empty; nextUpdate is the CA's own end (a ward replaces it on its own schedule). */
async function makeCrl(ca: Issuer): Promise<string> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subject,
    thisUpdate: CRL_THIS_UPDATE,
    nextUpdate: NOT_AFTER,
    entries: [],
    signingKey: ca.keys.privateKey,
    signingAlgorithm: EC,
  });
  return crlToPem(crl.rawData);
}

/** The committed city CA (cert + key) of `outDir`. */
async function loadCa(outDir: string): Promise<Issuer> {
  const cert = new x509.X509Certificate(readFileSync(join(outDir, 'city-ca.cert.pem'), 'utf8'));
  const pkcs8 = x509.PemConverter.decodeFirst(readFileSync(join(outDir, 'city-ca.key.pem'), 'utf8'));
  const privateKey = (await webcrypto.subtle.importKey('pkcs8', pkcs8, EC, true, ['sign'])) as unknown as CryptoKey;
  return { cert, keys: { privateKey, publicKey: await cert.publicKey.export(EC, ['verify']) } as CryptoKeyPair };
}

function writeClerksAndCrl(outDir: string, clerks: Record<string, PemPair>, crlPem: string): void {
  mkdirSync(join(outDir, 'clerks'), { recursive: true });
  for (const [id, pair] of Object.entries(clerks)) writePair(join(outDir, 'clerks'), id, pair);
  writeFileSync(join(outDir, 'city-ca.crl.pem'), crlPem);
}

/** Writes clerk certs and the CRL from the city CA already in `outDir`, leaving everything else. */
export async function writeClerksKeepingCa(outDir: string): Promise<void> {
  const ca = await loadCa(outDir);
  writeClerksAndCrl(outDir, await makeClerks(ca), await makeCrl(ca));
}

function writePair(dir: string, base: string, pair: PemPair): void {
  writeFileSync(join(dir, `${base}.cert.pem`), pair.certPem);
  writeFileSync(join(dir, `${base}.key.pem`), pair.keyPem);
}

/** Writes a fresh PKI into `outDir`. */
export async function writeKioskPki(outDir: string): Promise<void> {
  const pki = await createKioskPki();
  mkdirSync(join(outDir, 'clients'), { recursive: true });
  mkdirSync(join(outDir, 'untrusted'), { recursive: true });
  writePair(outDir, 'city-ca', pki.ca);
  writePair(outDir, 'server', pki.server);
  for (const [id, pair] of Object.entries(pki.clients)) writePair(join(outDir, 'clients'), id, pair);
  writeClerksAndCrl(outDir, pki.clerks, pki.crlPem);
  writeFileSync(join(outDir, 'untrusted', 'ca.cert.pem'), pki.untrusted.ca.certPem);
  writePair(join(outDir, 'untrusted'), 'kiosk-kokurakita-01', pki.untrusted.client);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(__dirname, '..', '..', 'fixtures', 'pki', 'kiosk'));
  (args.includes('--keep-ca') ? writeClerksKeepingCa(out) : writeKioskPki(out)).then(
    () => console.log(`kiosk test PKI written to ${out}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
