/**
 * Reads a certificate's verification QR from a picture of the page (a scan or a photo saved as
 * PNG, JPEG, …) with zbarimg from zbar-tools, so `npm run verify` can check paper with nothing
 * but its image. Only Madoguchi codes (`MDG…`) count: other codes on the page are ignored.
 */
import { spawnSync } from 'node:child_process';

/** zbarimg decodes an A4 page at 300 dpi in well under a second; a stuck process is stopped. */
const ZBARIMG_TIMEOUT_MS = 30_000;

/** Why no code came out of the image. */
export type SealImageFailure = 'no-code-in-image' | 'several-codes-in-image' | 'scanner-unavailable';

export type SealFromImage = { ok: true; qrText: string } | { ok: false; reason: SealImageFailure };

/** True when `bytes` start like an image zbarimg reads (PNG, JPEG, PNM, TIFF, GIF, BMP). */
export function looksLikeImage(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4);
  const ascii = head.toString('latin1');
  return (
    head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ||
    (head[0] === 0xff && head[1] === 0xd8) ||
    /^P[1-6]\s/u.test(ascii) ||
    ascii === 'II*\0' ||
    ascii === 'MM\0*' ||
    ascii.startsWith('GIF8') ||
    ascii.startsWith('BM')
  );
}

/** The one Madoguchi QR text in the image file at `path`. */
export function extractSealFromImage(path: string): SealFromImage {
  const r = spawnSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', path], {
    encoding: 'latin1',
    timeout: ZBARIMG_TIMEOUT_MS,
    maxBuffer: 1024 * 1024,
  });
  if (r.error || r.signal) return { ok: false, reason: 'scanner-unavailable' };
  // zbarimg exits 4 when it found no code at all
  const codes = [...new Set(r.stdout.split('\n').map((l) => l.trim()))].filter((l) => l.startsWith('MDG'));
  if (codes.length === 0) return { ok: false, reason: 'no-code-in-image' };
  if (codes.length > 1) return { ok: false, reason: 'several-codes-in-image' };
  return { ok: true, qrText: codes[0]! };
}
