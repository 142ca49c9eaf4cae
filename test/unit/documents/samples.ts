/** Fictional sample certificates and the TEST key pair, shared by the documents tests and bench. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificateContentSchema, type CertificateContent } from '../../../platform/certificate-seal';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'documents');

const raw = JSON.parse(readFileSync(join(FIXTURES, 'sample-certificates.json'), 'utf8')) as Record<string, unknown>;

/** One fresh, validated copy of the sample for `type` (callers may mutate it). */
export function sample<T extends CertificateContent['type']>(type: T): Extract<CertificateContent, { type: T }> {
  return certificateContentSchema.parse(structuredClone(raw[type])) as Extract<CertificateContent, { type: T }>;
}

export const ALL_TYPES = ['juminhyo', 'inkan', 'koseki-zenbu', 'koseki-kojin', 'fuhyo', 'kazei'] as const;

export const TEST_PRIVATE_KEY = readFileSync(join(FIXTURES, 'city-seal.key.pem'), 'utf8');
export const TEST_PUBLIC_KEY = readFileSync(join(FIXTURES, 'city-seal.pub.pem'), 'utf8');
export const SEAL_IMAGE = readFileSync(join(__dirname, '..', '..', '..', 'content', 'demo-ward', 'documents', 'city-seal.png'));
