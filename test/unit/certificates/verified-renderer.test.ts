/**
 * The verified renderer is the last check before paper: a certificate whose QR is sealed by any
 * key other than the city's is refused, however well-formed it is.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createVerifiedRenderer, SealRejectedError } from '../../../main/certificates/verified-renderer';
import { sealCertificate } from '../../../platform/certificate-seal';
import { demoContentDir } from '../../../main/applications/content-dir';
import { FIXTURES, sample, TEST_PRIVATE_KEY } from '../documents/samples';

const render = createVerifiedRenderer(join(FIXTURES, 'city-seal.pub.pem'), join(demoContentDir(), 'documents', 'city-seal.png'));

describe('createVerifiedRenderer', () => {
  test('a certificate sealed with the city key renders as a PDF', async () => {
    const content = sample('inkan');
    const pdf = await render(content, sealCertificate(content, TEST_PRIVATE_KEY).payload);
    assert.equal(pdf.subarray(0, 5).toString('ascii'), '%PDF-');
  });

  test('a certificate sealed by another Ed25519 key is refused: seal-rejected, no PDF', async () => {
    const content = sample('inkan');
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const forged = sealCertificate(content, otherKey).payload;
    await assert.rejects(
      render(content, forged),
      (err: unknown) => err instanceof SealRejectedError && err.code === 'seal-rejected' && err.reason === 'bad-signature',
    );
  });

  test('a body that is not a certificate at all is refused before any seal check: invalid-content', async () => {
    const content = sample('inkan');
    const qr = sealCertificate(content, TEST_PRIVATE_KEY).payload;
    const notACertificate = { ...content, myNumber: '123456789018' };
    await assert.rejects(render(notACertificate, qr), (err: unknown) => err instanceof SealRejectedError && err.reason === 'invalid-content');
  });

  test('a body that is not the sealed one is refused', async () => {
    const sealed = sample('inkan');
    const qr = sealCertificate(sealed, TEST_PRIVATE_KEY).payload;
    await assert.rejects(render(sample('fuhyo'), qr), SealRejectedError);
  });
});
