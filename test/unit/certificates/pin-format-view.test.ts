/**
 * A PIN of the wrong format never reaches the card, and the citizen is told what to type on the
 * same PIN screen with the same tries: not "the card cannot be read", which sent them away.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CertificateView } from '../../../contract/certificate-journey';
import { CardError } from '../../../devices/card/card-errors';
import { secretFailure } from '../../../main/card-secret/secret-failure';
import { pinFailure } from '../../../main/certificates/card-failures';

test('a malformed PIN keeps the PIN screen and its tries, and says to type 4 digits', () => {
  const pinView: Extract<CertificateView, { step: 'pin' }> = { step: 'pin', triesLeft: 2, lastTry: false };
  const failed = (key: string): CertificateView => ({
    step: 'failed',
    messageKey: key,
    refundedYen: 0,
    refundedTo: 'cash',
    owedYen: 0,
    voucher: null,
    moreVouchers: [],
    voucherPrinted: false,
    takeCard: true,
  });
  const view = pinFailure(secretFailure(new CardError('pin-format'), 3), pinView, failed);
  assert.deepEqual(view, { step: 'pin', triesLeft: 2, lastTry: false, errorKey: 'certificate.error.pinFormat' });
});
