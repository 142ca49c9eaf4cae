/**
 * `npm run verify -- <file.pdf | page-image | qr-text> [--public-key path] [--show-names]`
 *
 * Verifies a certificate's verification QR offline with the city's public key (default: the
 * TEST key in fixtures/documents). Accepts a rendered PDF (the QR text is read from its
 * metadata), a scan or photo of the printed page (PNG, JPEG, …: the QR itself is decoded with
 * zbarimg, so the paper alone suffices) or the QR text as scanned. Prints 「検証OK / valid」 with type, serial and issue
 * time, or the reason it fails. Exit 0 = valid, 1 = not valid, 2 = usage error.
 * Names are printed only with --show-names (a technician's terminal is not a place for them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifySeal, type SealFailureReason } from '../../platform/certificate-seal';
import { formatIssuedAt } from './pdf-kit/japanese-date';
import { CERTIFICATE_NAMES_JA } from './certificate-names';
import { extractSealFromImage, looksLikeImage, type SealImageFailure } from './seal-from-image';
import { extractSealFromPdf } from './seal-from-pdf';

const DEFAULT_PUBLIC_KEY = join(__dirname, '..', '..', 'fixtures', 'documents', 'city-seal.pub.pem');

const TYPE_NAMES: Readonly<Record<string, string>> = CERTIFICATE_NAMES_JA;

const USAGE = 'usage: npm run verify -- <file.pdf | page-image | qr-text> [--public-key path] [--show-names]';

const REASONS: Record<SealFailureReason | SealImageFailure | 'no-seal-in-pdf' | 'key-unreadable', string> = {
  malformed: '検証NG / invalid: not a Madoguchi verification code (malformed)',
  'unsupported-version': '検証NG / invalid: verification code of an unknown version',
  'bad-key': '検証NG / invalid: the public key is not an Ed25519 public key',
  'bad-signature': '検証NG / invalid: signature does not match (forged or altered)',
  'content-mismatch': '検証NG / invalid: the code belongs to other content',
  'no-seal-in-pdf': '検証NG / invalid: the PDF carries no Madoguchi verification code',
  'key-unreadable': '検証NG / invalid: the public key file cannot be read',
  'no-code-in-image': '検証NG / invalid: no Madoguchi verification code found in the image',
  'several-codes-in-image': '検証NG / invalid: the image carries more than one Madoguchi verification code',
  'scanner-unavailable': '検証NG / invalid: the image could not be scanned (is zbar-tools installed?)',
};

/** Output sink, so tests can capture lines. */
export interface VerifyIo {
  out(line: string): void;
  err(line: string): void;
}

/** Runs the command; returns the exit code. */
export function runVerify(argv: string[], io: VerifyIo): number {
  let keyPath = DEFAULT_PUBLIC_KEY;
  let showNames = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--public-key') {
      const next = argv[++i];
      if (next === undefined) {
        io.err('usage: --public-key needs a path');
        return 2;
      }
      keyPath = next;
    } else if (a === '--show-names') showNames = true;
    else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else positional.push(a);
  }
  if (positional.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  const input = positional[0]!;
  let qrText = input;
  if (!input.startsWith('MDG') && existsSync(input)) {
    const bytes = readFileSync(input);
    if (looksLikeImage(bytes)) {
      const scanned = extractSealFromImage(input);
      if (!scanned.ok) {
        io.out(REASONS[scanned.reason]);
        return 1;
      }
      qrText = scanned.qrText;
    } else {
      const found = extractSealFromPdf(bytes);
      if (found === undefined) {
        io.out(REASONS['no-seal-in-pdf']);
        return 1;
      }
      qrText = found;
    }
  }
  let key: Buffer;
  try {
    key = readFileSync(keyPath);
  } catch {
    io.out(REASONS['key-unreadable']);
    return 1;
  }
  const r = verifySeal(qrText, key);
  if (!r.ok) {
    io.out(REASONS[r.reason]);
    return 1;
  }
  const c = r.content;
  io.out('検証OK / valid');
  io.out(`種別 / type:      ${TYPE_NAMES[c.type] ?? c.type} (${c.type})`);
  io.out(`交付番号 / serial: ${c.serialNumber}`);
  io.out(`発行日時 / issued: ${formatIssuedAt(c.issuedAt).wareki} (${c.issuedAt})`);
  io.out(`発行者 / issuer:   ${c.issuingAuthority}`);
  io.out(`対象者 / persons:  ${c.subjectCount}${showNames ? ` — ${c.subjectNames.join('、')}` : ''}`);
  io.out(`内容ハッシュ / content SHA-256: ${c.contentHash}`);
  return 0;
}

if (require.main === module) {
  process.exitCode = runVerify(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
}
