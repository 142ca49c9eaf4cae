/**
 * The signing certificate's basic 4 (subjectAltName otherNames): read from the test JPKI
 * certificates, compared with the identified person, and total over any bytes.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { signerFacts, signerMatches } from '../../../main/application-journey/signer-identity';

const ROOT = join(__dirname, '..', '..', '..');
const der = (card: string) => new X509Certificate(readFileSync(join(ROOT, 'fixtures', 'pki', 'jpki', 'cards', card, 'sign-cert.pem'))).raw;

describe('signer identity from the signing certificate', () => {
  test('reads name and birth date; matches the same card, not another', () => {
    const one = signerFacts(der('card-001'));
    const two = signerFacts(der('card-002'));
    assert.match(one.birthDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(one.name && one.name.length > 0);
    assert.equal(signerMatches(one, { name: one.name, birthDate: one.birthDate }), true);
    assert.equal(signerMatches(one, { name: one.name!.replace('\u3000', ' ') }), true, 'the space between names does not matter');
    assert.equal(signerMatches(two, { name: one.name, birthDate: one.birthDate }), false);
    assert.equal(signerMatches(one, { name: one.name, birthDate: '1900-01-01' }), false);
    assert.equal(signerMatches(one, {}), false, 'nothing to compare: no match');
  });

  test('an auth certificate (no basic 4) or any bytes give no facts and never throw', () => {
    const auth = new X509Certificate(readFileSync(join(ROOT, 'fixtures', 'pki', 'jpki', 'cards', 'card-001', 'auth-cert.pem'))).raw;
    assert.deepEqual(signerFacts(auth), {});
    const full = der('card-001');
    for (let cut = 0; cut < full.length; cut += 97) signerFacts(full.subarray(0, cut));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => typeof signerFacts(bytes) === 'object'));
  });
});
