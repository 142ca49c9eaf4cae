/**
 * The card refuses an unconfirmed last try that the screen did not show as the last (its own
 * count fell to 1 since the screen was drawn, e.g. a try used elsewhere): the PIN screen then
 * shows the last try with its confirmation, instead of the same screen again — which would refuse
 * every submit without ever asking, and leave the citizen stuck.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CertificateView } from '../../../contract/certificate-journey';
import { CardError } from '../../../devices/card/card-errors';
import { secretFailure } from '../../../main/card-secret/secret-failure';
import { pinFailure } from '../../../main/certificates/card-failures';

describe('the last try the card asks to confirm', () => {
  test('certificates: the PIN screen that showed 3 tries comes back as the last try, with its message', () => {
    const failed = (messageKey: string): CertificateView => ({ step: 'failed', messageKey }) as CertificateView;
    const shown = { step: 'pin', triesLeft: 3, lastTry: false } as Extract<CertificateView, { step: 'pin' }>;
    const view = pinFailure(secretFailure(new CardError('last-try-needs-confirmation'), 3), shown, failed);
    assert.deepEqual(view, { step: 'pin', triesLeft: 1, lastTry: true, errorKey: 'certificate.error.confirmLastTry' });
  });
});
