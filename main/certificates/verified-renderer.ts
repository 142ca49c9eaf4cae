/**
 * Renders a certificate only after checking the back end's seal with the city's public key:
 * a body that does not match its signed QR is never printed.
 */
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { certificateContentSchema } from '../../platform/certificate-seal/certificate-content';
import { verifySeal } from '../../platform/certificate-seal/seal';
import { renderCertificatePdf } from '../documents/certificate-pdf';
import type { CertificateRenderer } from './journey-deps';

export class SealRejectedError extends Error {
  readonly code = 'seal-rejected';
  constructor(readonly reason: string) {
    super(`certificate seal rejected: ${reason}`);
    this.name = 'SealRejectedError';
  }
}

export function createVerifiedRenderer(publicKeyPemFile: string, sealImageFile: string): CertificateRenderer {
  const publicKey = createPublicKey(readFileSync(publicKeyPemFile, 'utf8'));
  const sealImagePng = readFileSync(sealImageFile);
  return async (certificate, qrPayload) => {
    const content = certificateContentSchema.safeParse(certificate);
    if (!content.success) throw new SealRejectedError('invalid-content');
    const verdict = verifySeal(qrPayload, publicKey, { content: content.data });
    if (!verdict.ok) throw new SealRejectedError(verdict.reason);
    return renderCertificatePdf(content.data, { qrText: qrPayload, sealImagePng });
  };
}
