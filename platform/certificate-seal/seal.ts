/**
 * The verification QR printed on every certificate: signed by the back end with the city's
 * Ed25519 key, checked offline (kiosk, `npm run verify`, a phone app) with the public key.
 *
 * Why a compact, hash-bound record rather than the whole content in the QR: a 世帯全員 住民票
 * or a 戸籍全部事項 runs to 1.5-6 KB of UTF-8, which needs a version 30-40 QR that phones
 * struggle to read from paper. The QR therefore carries
 *   `MDG1.` base64url(canonical JSON of the record) `.` base64url(64-byte Ed25519 signature)
 * where the record holds the fields a verifier compares with the paper at a glance (type,
 * serial, issued-at, authority, the subjects' names) plus `h`, the SHA-256 of the canonical
 * content: whoever holds the full content (the back end, the PDF's producer) can prove the
 * QR belongs to exactly that content. A typical QR is 320-500 characters (version 13-16 at
 * error-correction level M), well within what a phone reads from a printed page.
 * The signature covers the ASCII text `MDG1.<record>`, so the version prefix is bound too.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalBytes, canonicalJson } from './canonical-json';
import { certificateContentSchema, certificateTypeSchema, subjectNames, type CertificateContent } from './certificate-content';
import { isoDateTime, serialNumber } from './content-primitives';

/** The prefix (and format version) of every QR text this module writes. */
export const SEAL_PREFIX = 'MDG1';
const MAX_QR_TEXT = 2048;
/** At most this many names go into the QR; `subjectCount` says how many there are in all. */
export const MAX_NAMES_IN_SEAL = 6;

const b64u = z.string().regex(/^[A-Za-z0-9_-]+$/u);

/** The signed record inside the QR, as carried (short keys keep the QR small). */
const sealRecordSchema = z.strictObject({
  v: z.literal(1),
  t: certificateTypeSchema,
  s: serialNumber,
  i: isoDateTime,
  a: z.string().min(1).max(40),
  n: z.array(z.string().min(1).max(60)).max(MAX_NAMES_IN_SEAL),
  c: z.number().int().min(1).max(99),
  h: b64u.length(43),
});
type SealRecord = z.infer<typeof sealRecordSchema>;

/** What a valid QR proves, in readable form. */
export interface SealedSummary {
  /** Certificate type id, e.g. `juminhyo`. */
  type: CertificateContent['type'];
  /** 交付番号 */
  serialNumber: string;
  /** Issue instant as signed (ISO 8601 with offset). */
  issuedAt: string;
  /** Issuing authority title, e.g. 北九州市小倉北区長. */
  issuingAuthority: string;
  /** The first names of the subjects (NFC), up to {@link MAX_NAMES_IN_SEAL}. */
  subjectNames: string[];
  /** How many persons the certificate covers in all. */
  subjectCount: number;
  /** base64url SHA-256 of the canonical content the QR is bound to. */
  contentHash: string;
}

/** Result of {@link sealCertificate}. */
export interface SealResult {
  /** The complete QR text (what the QR code encodes and the PDF carries). */
  payload: string;
  /** The Ed25519 signature alone, base64url (also the last part of `payload`). */
  signature: string;
}

/** Why a QR text did not verify. */
export type SealFailureReason =
  | 'malformed' // not a Madoguchi QR text, or broken encoding
  | 'unsupported-version' // a Madoguchi QR of a version this build does not know
  | 'bad-key' // the key given is not an Ed25519 public key
  | 'bad-signature' // signature does not match: forged or altered
  | 'content-mismatch'; // signature fine, but it belongs to other content

export type VerifySealResult = { ok: true; content: SealedSummary } | { ok: false; reason: SealFailureReason };

/** Thrown by {@link sealCertificate} for invalid content or an unusable key. */
export class SealError extends Error {
  constructor(
    readonly code: 'invalid-content' | 'bad-key',
    detail: string,
  ) {
    super(`cannot seal certificate: ${code}: ${detail}`);
    this.name = 'SealError';
  }
}

/** Key material accepted wherever a key is asked for: a KeyObject or PEM text/bytes. */
export type KeyInput = KeyObject | string | Buffer;

/** base64url SHA-256 of the canonical JSON of `content`. */
export function contentHash(content: CertificateContent): string {
  return createHash('sha256').update(canonicalBytes(content)).digest('base64url');
}

function asEd25519(key: KeyInput, kind: 'private' | 'public'): KeyObject | undefined {
  try {
    const k = typeof key === 'string' || Buffer.isBuffer(key) ? (kind === 'private' ? createPrivateKey(key) : createPublicKey(key)) : key;
    const typeOk = kind === 'private' ? k.type === 'private' : k.type === 'public' || k.type === 'private';
    return typeOk && k.asymmetricKeyType === 'ed25519' ? k : undefined;
  } catch {
    return undefined;
  }
}

/** Signs `content` (validated first) and returns the QR text. Throws {@link SealError}. */
export function sealCertificate(content: CertificateContent, privateKey: KeyInput): SealResult {
  const parsed = certificateContentSchema.safeParse(content);
  if (!parsed.success) throw new SealError('invalid-content', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  const key = asEd25519(privateKey, 'private');
  if (!key) throw new SealError('bad-key', 'an Ed25519 private key is required');
  const names = subjectNames(parsed.data);
  const record: SealRecord = {
    v: 1,
    t: parsed.data.type,
    s: parsed.data.serialNumber,
    i: parsed.data.issuedAt,
    a: parsed.data.issuingAuthority.title.normalize('NFC'),
    n: names.slice(0, MAX_NAMES_IN_SEAL).map((n) => n.normalize('NFC')),
    c: names.length,
    h: contentHash(parsed.data),
  };
  const signingInput = `${SEAL_PREFIX}.${Buffer.from(canonicalJson(record), 'utf8').toString('base64url')}`;
  const signature = sign(null, Buffer.from(signingInput, 'ascii'), key).toString('base64url');
  return { payload: `${signingInput}.${signature}`, signature };
}

/** Splits and decodes a QR text without checking the signature; undefined when malformed. */
export function decodeSealPayload(qrText: string): SealedSummary | undefined {
  const parts = splitQr(qrText);
  if (!parts.ok) return undefined;
  return parts.summary;
}

type Split = { ok: true; signingInput: string; signature: Buffer; summary: SealedSummary } | { ok: false; reason: SealFailureReason };

function splitQr(qrText: unknown): Split {
  if (typeof qrText !== 'string' || qrText.length > MAX_QR_TEXT) return { ok: false, reason: 'malformed' };
  const text = qrText.trim();
  const parts = text.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [prefix, body, sig] = parts as [string, string, string];
  if (prefix !== SEAL_PREFIX) return { ok: false, reason: /^MDG\d+$/u.test(prefix) ? 'unsupported-version' : 'malformed' };
  if (!b64u.safeParse(body).success || !/^[A-Za-z0-9_-]{86}$/u.test(sig)) return { ok: false, reason: 'malformed' };
  const bodyBytes = Buffer.from(body, 'base64url');
  const signature = Buffer.from(sig, 'base64url');
  // Only one encoding is accepted: re-encoding must give back the same text (base64 has
  // spare low bits in its last character that decoders silently ignore).
  if (bodyBytes.toString('base64url') !== body || signature.toString('base64url') !== sig) return { ok: false, reason: 'malformed' };
  let json: unknown;
  try {
    json = JSON.parse(bodyBytes.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const rec = sealRecordSchema.safeParse(json);
  if (!rec.success || canonicalJson(rec.data) !== bodyBytes.toString('utf8')) return { ok: false, reason: 'malformed' };
  const r = rec.data;
  return {
    ok: true,
    signingInput: `${prefix}.${body}`,
    signature,
    summary: { type: r.t, serialNumber: r.s, issuedAt: r.i, issuingAuthority: r.a, subjectNames: r.n, subjectCount: r.c, contentHash: r.h },
  };
}

/**
 * Verifies a QR text offline. Total: any input gives a result, never an exception.
 * With `options.content`, also checks the QR is bound to exactly that content.
 */
export function verifySeal(qrText: string, publicKey: KeyInput, options: { content?: CertificateContent } = {}): VerifySealResult {
  try {
    const key = asEd25519(publicKey, 'public');
    if (!key) return { ok: false, reason: 'bad-key' };
    const parts = splitQr(qrText);
    if (!parts.ok) return parts;
    if (!verify(null, Buffer.from(parts.signingInput, 'ascii'), key, parts.signature)) return { ok: false, reason: 'bad-signature' };
    if (options.content !== undefined && contentHash(options.content) !== parts.summary.contentHash) {
      return { ok: false, reason: 'content-mismatch' };
    }
    return { ok: true, content: parts.summary };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
