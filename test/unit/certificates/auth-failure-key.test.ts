/**
 * The citizen's message for a back-end login refusal: a ward that cannot check revocation now
 * (no current CRL) has its own message, never the one saying the citizen's certificate is revoked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authFailureKey } from '../../../main/certificates/issue-request';

const locale = (lang: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'renderer', 'i18n', 'locales', lang, 'certificate.json'), 'utf8')) as {
    error: Record<string, string>;
  };

test('revocation-unavailable has its own message, distinct from revoked, in Japanese and English', () => {
  assert.equal(authFailureKey('revocation-unavailable'), 'certificate.error.revocationUnavailable');
  assert.equal(authFailureKey('certificate-revoked'), 'certificate.error.certRevoked');
  for (const lang of ['ja', 'en']) {
    const { error } = locale(lang);
    assert.ok(error.revocationUnavailable, lang);
    assert.notEqual(error.revocationUnavailable, error.certRevoked, lang);
  }
  assert.match(locale('ja').error.revocationUnavailable!, /確認できません/);
});

test('a ward that cannot check the kiosk\'s own certificate now is "try later", like a back end that is down', () => {
  assert.equal(authFailureKey('client-revocation-unavailable'), 'certificate.error.backendDown');
});
