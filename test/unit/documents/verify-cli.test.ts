import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealCertificate } from '../../../platform/certificate-seal';
import { renderCertificatePdf } from '../../../main/documents/certificate-pdf';
import { extractSealFromPdf } from '../../../main/documents/seal-from-pdf';
import { runVerify } from '../../../main/documents/verify-cli';
import { sample, SEAL_IMAGE, TEST_PRIVATE_KEY } from './samples';

const ROOT = join(__dirname, '..', '..', '..');
let dir = '';
let pdf: Buffer = Buffer.alloc(0);
let qrText = '';

function run(argv: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = runVerify(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, out: lines.join('\n') };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-verify-'));
  const c = sample('juminhyo');
  qrText = sealCertificate(c, TEST_PRIVATE_KEY).payload;
  pdf = await renderCertificatePdf(c, { qrText, sealImagePng: SEAL_IMAGE });
  writeFileSync(join(dir, 'ok.pdf'), pdf);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('verify command', () => {
  test('the QR text is read back from the PDF metadata', () => {
    assert.equal(extractSealFromPdf(pdf), qrText);
    assert.equal(extractSealFromPdf(Buffer.from('not a pdf')), undefined);
  });

  test('npm run verify accepts a rendered PDF (real process, exit 0)', () => {
    const r = spawnSync('npm', ['run', '-s', 'verify', '--', join(dir, 'ok.pdf')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /検証OK \/ valid/);
    assert.match(r.stdout, /KKT-2025-000123/);
    assert.doesNotMatch(r.stdout, /𠮷田/, 'names only with --show-names');
  });

  test('a tampered PDF is rejected (exit 1)', () => {
    // change one character of the signed record inside the PDF, keeping the byte length
    const text = pdf.toString('latin1');
    const at = text.indexOf(qrText) + 12;
    const tampered = Buffer.from(pdf);
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(join(dir, 'bad.pdf'), tampered);
    const r = run([join(dir, 'bad.pdf')]);
    assert.equal(r.code, 1);
    assert.match(r.out, /検証NG/);
  });

  test('the QR text can be given directly; names only with --show-names', () => {
    const ok = run([qrText, '--show-names']);
    assert.equal(ok.code, 0);
    assert.match(ok.out, /𠮷田 太郎/);
    assert.match(ok.out, /住民票の写し/);
  });

  test('another public key rejects; a PDF without a seal and usage errors are reported', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    writeFileSync(join(dir, 'other.pub.pem'), other);
    const r = run([qrText, '--public-key', join(dir, 'other.pub.pem')]);
    assert.equal(r.code, 1);
    assert.match(r.out, /signature/);
    writeFileSync(join(dir, 'plain.pdf'), '%PDF-1.7\n%%EOF\n');
    assert.equal(run([join(dir, 'plain.pdf')]).code, 1);
    assert.equal(run([]).code, 2);
    assert.equal(run([qrText, '--public-key']).code, 2);
    assert.equal(run([qrText, '--public-key', join(dir, 'missing.pem')]).code, 1);
  });
});
