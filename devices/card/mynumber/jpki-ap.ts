/**
 * JPKI-AP operations over an ApduChannel: detection (SELECT of the JPKI AID), token info,
 * certificates, PIN/password status, and signing with the user-authentication or signing key.
 */
import { CardError } from '../card-errors';
import type { ApduChannel } from '../apdu/apdu-channel';
import { computeSignature, readBinary, selectAid, selectEf } from '../apdu/command-apdu';
import { readTlvFile } from '../apdu/read-binary-file';
import { JPKI_AID, JpkiEf, MAX_CERT_FILE_LENGTH, type PinKind } from './card-constants';
import { decodeCertificateFile, type CardCertificate } from './certificate-file';
import { sha256DigestInfo } from './digest-info';
import { assertSecretFormat, type SecretInput } from './pin-policy';
import { readPinStatus, verifyPin, type PinStatus, type VerifyOptions } from './pin-verification';
import { decodeTokenInfo, type TokenInfo } from './token-info-file';

/** Which JPKI key pair. */
export type JpkiKey = 'auth' | 'sign';

const KEYS: Record<JpkiKey, { pin: number; key: number; cert: number; ca: number; kind: PinKind }> = {
  auth: { pin: JpkiEf.AUTH_PIN, key: JpkiEf.AUTH_KEY, cert: JpkiEf.AUTH_CERT, ca: JpkiEf.AUTH_CA_CERT, kind: 'auth-pin' },
  sign: { pin: JpkiEf.SIGN_PIN, key: JpkiEf.SIGN_KEY, cert: JpkiEf.SIGN_CERT, ca: JpkiEf.SIGN_CA_CERT, kind: 'sign-password' },
};

/** Longest message the API signs (its SHA-256 is what goes to the card). */
export const MAX_SIGNED_MESSAGE = 64 * 1024;

/** SELECTs the JPKI AP; a card without it is not a My Number Card (CardError `not-my-number-card`). */
export async function selectJpki(ch: ApduChannel): Promise<void> {
  await ch.sendOk(selectAid(JPKI_AID), 'select-aid');
}

/** Reads the token info (label) from EF 0006. */
export async function readTokenInfo(ch: ApduChannel): Promise<TokenInfo> {
  await selectJpki(ch);
  await ch.sendOk(selectEf(JpkiEf.TOKEN_INFO));
  return decodeTokenInfo(await ch.sendOk(readBinary(0, 256)));
}

async function readCert(ch: ApduChannel, fid: number): Promise<CardCertificate> {
  await ch.sendOk(selectEf(fid));
  return decodeCertificateFile(await readTlvFile(ch, { maxLength: MAX_CERT_FILE_LENGTH }));
}

/** A certificate and its CA certificate. */
export interface CertificatePair {
  /** The holder's certificate. */
  readonly certificate: CardCertificate;
  /** The issuing CA's (self-signed) certificate. */
  readonly caCertificate: CardCertificate;
}

/** Reads the user-authentication certificate and its CA (no PIN needed). */
export async function readAuthCertificates(ch: ApduChannel): Promise<CertificatePair> {
  await selectJpki(ch);
  return { certificate: await readCert(ch, JpkiEf.AUTH_CERT), caCertificate: await readCert(ch, JpkiEf.AUTH_CA_CERT) };
}

/** Remaining tries of the auth PIN or the signing password, using none. */
export async function jpkiPinStatus(ch: ApduChannel, key: JpkiKey): Promise<PinStatus> {
  await selectJpki(ch);
  return readPinStatus(ch, KEYS[key].kind, KEYS[key].pin);
}

/** Reads the signing certificate (after VERIFY of the password) and its CA certificate. */
export async function readSignCertificates(ch: ApduChannel, password: SecretInput, opts: VerifyOptions = {}): Promise<CertificatePair> {
  assertSecretFormat('sign-password', password);
  await selectJpki(ch);
  await verifyPin(ch, 'sign-password', JpkiEf.SIGN_PIN, password, opts);
  return { certificate: await readCert(ch, JpkiEf.SIGN_CERT), caCertificate: await readCert(ch, JpkiEf.SIGN_CA_CERT) };
}

/** The result of a signature. */
export interface JpkiSignature {
  /** RSA PKCS#1 v1.5 signature over SHA-256(message), 256 bytes. */
  readonly signature: Uint8Array;
  /** The certificate whose key signed it. */
  readonly certificate: CardCertificate;
}

/**
 * VERIFYs the secret of `key`, signs SHA-256(`message`) (DigestInfo, `80 2A 00 80`) and reads the
 * matching certificate. For `sign`, the certificate is read after the VERIFY (the card requires it).
 */
export async function signWithKey(ch: ApduChannel, key: JpkiKey, secret: SecretInput, message: Uint8Array, opts: VerifyOptions = {}): Promise<JpkiSignature> {
  if (!(message instanceof Uint8Array) || message.length === 0 || message.length > MAX_SIGNED_MESSAGE) {
    throw new CardError('invalid-argument', 'message to sign must be 1..65536 bytes');
  }
  const k = KEYS[key];
  assertSecretFormat(k.kind, secret);
  await selectJpki(ch);
  await verifyPin(ch, k.kind, k.pin, secret, opts);
  await ch.sendOk(selectEf(k.key));
  const signature = await ch.sendOk(computeSignature(sha256DigestInfo(message)));
  if (signature.length !== 256) throw new CardError('malformed-response', 'signature is not 256 bytes');
  const certificate = await readCert(ch, k.cert);
  return { signature, certificate };
}
