/**
 * The certificate journey's screens (自動交付機) for the gallery: every step of
 * contract/certificate-journey.ts, with the variants that make a screen taller (an error, the last
 * PIN try and its confirmation, a refund voucher, the card still in the reader) and the options
 * screen reached by choosing a type.
 */
import type { CertificateView } from '../../contract/certificate-journey';
import { certificateTypes } from '../../contract/ward-api';
import { activeSession, pageScene, type Scene } from './scene';

type Failed = Extract<CertificateView, { step: 'failed' }>;

const FEES: Record<(typeof certificateTypes)[number], number> = {
  juminhyo: 300,
  inkan: 300,
  'koseki-zenbu': 450,
  'koseki-kojin': 450,
  fuhyo: 300,
  kazei: 300,
};

const OFFERS = certificateTypes.map((type) => ({ type, available: true, unitFeeYen: FEES[type] }));
/** One type refused with the longest reason the back end gives. */
const OFFERS_WITH_REFUSAL = OFFERS.map((o) =>
  o.type === 'koseki-zenbu' ? { ...o, available: false, reasonKey: 'certificate.refusal.honseki-outside-city-unregistered' } : o,
);
const CHOICE = { type: 'juminhyo' as const, copies: 2, scope: 'household' as const, householdHead: true, honseki: true };

function cert(id: string, view: CertificateView, ready: string, more: Partial<Scene> = {}): Scene {
  return { id: `certificate/${id}`, page: pageScene({ session: activeSession('certificate'), certificate: view }), ready, ...more };
}

const failed = (over: Partial<Failed>): Failed => ({
  step: 'failed',
  messageKey: 'certificate.error.generic',
  refundedYen: 0,
  refundedTo: 'cash',
  owedYen: 0,
  voucher: null,
  voucherPrinted: false,
  takeCard: false,
  ...over,
});

const testId = (id: string) => `[data-testid="${id}"]`;

export function certificateScenes(): Scene[] {
  return [
    cert('idle', { step: 'idle' }, testId('cert-progress-starting')),
    cert('insert-card', { step: 'insert-card' }, testId('cert-insert-card')),
    cert('insert-card-message', { step: 'insert-card', messageKey: 'certificate.error.notMyNumberCard' }, `${testId('cert-insert-card')} .step-message`),
    cert('reading-card', { step: 'reading-card' }, testId('cert-progress-reading')),
    cert('pin', { step: 'pin', triesLeft: 3, lastTry: false }, testId('cert-pin')),
    cert('pin-wrong', { step: 'pin', triesLeft: 2, lastTry: false, errorKey: 'certificate.error.wrongPin' }, testId('cert-pin-error')),
    cert('pin-last-try', { step: 'pin', triesLeft: 1, lastTry: true, errorKey: 'certificate.error.wrongPin' }, testId('cert-pin-confirm'), {
      act: async (page) => {
        for (let i = 0; i < 4; i++) await page.getByTestId('pin-key-1').click();
        await page.getByTestId('pin-ok').click();
      },
      leave: (page) => page.getByTestId('pin-confirm-no').click(),
    }),
    cert('authenticating', { step: 'authenticating' }, testId('cert-progress-authenticating')),
    cert('choose', { step: 'choose', offers: OFFERS }, testId('type-juminhyo')),
    cert('choose-refused', { step: 'choose', offers: OFFERS_WITH_REFUSAL, errorKey: 'certificate.error.notOffered' }, testId('cert-choose-error')),
    cert('choose-options', { step: 'choose', offers: OFFERS }, testId('cert-choose-details'), {
      act: (page) => page.getByTestId('type-juminhyo').click(),
    }),
    cert('preparing', { step: 'preparing' }, testId('cert-progress-preparing')),
    cert('pay-method', { step: 'pay', choice: CHOICE, dueYen: 600, insertedYen: 0, method: null }, testId('cert-pay-method')),
    cert(
      'pay-cash',
      { step: 'pay', choice: CHOICE, dueYen: 600, insertedYen: 100, method: 'cash', errorKey: 'certificate.error.cashNotReturned' },
      testId('cert-pay-cash'),
    ),
    cert(
      'pay-cashless',
      { step: 'pay', choice: CHOICE, dueYen: 600, insertedYen: 0, method: 'cashless', errorKey: 'certificate.error.declined' },
      testId('cert-pay-cashless'),
    ),
    cert('take-card', { step: 'take-card', changeYen: 400, owedYen: 0, voucher: null }, testId('cert-take-card')),
    cert('take-card-owed', { step: 'take-card', changeYen: 0, owedYen: 400, voucher: 'RV-gallery-01-20261207-0001' }, testId('cert-change-owed')),
    cert('take-card-cancel', { step: 'take-card', changeYen: 0, owedYen: 400, voucher: 'RV-gallery-01-20261207-0001' }, testId('cancel-paid-dialog'), {
      act: (page) => page.getByTestId('start-over').click(),
      leave: (page) => page.getByTestId('cancel-paid-no').click(),
    }),
    cert('printing', { step: 'printing', pagesDone: 1 }, testId('cert-printing')),
    cert('take-certificate', { step: 'take-certificate', owedYen: 0, voucher: null, voucherPrinted: false }, testId('cert-take-certificate')),
    cert(
      'take-certificate-voucher',
      { step: 'take-certificate', owedYen: 400, voucher: 'RV-gallery-01-20261207-0001', voucherPrinted: true },
      testId('cert-voucher-slip'),
    ),
    cert(
      'failed',
      failed({
        messageKey: 'certificate.error.printFailed',
        refundedYen: 300,
        owedYen: 300,
        voucher: 'RV-gallery-01-20261207-0002',
        voucherPrinted: true,
        takeCard: true,
      }),
      testId('cert-failed'),
    ),
    cert(
      'failed-call-staff',
      failed({ messageKey: 'certificate.error.cashNotReturned', refundedYen: 0, owedYen: 600, voucher: 'RV-gallery-01-20261207-0003', takeCard: true }),
      testId('cert-voucher-call-staff'),
    ),
    cert(
      'failed-cashless',
      failed({ messageKey: 'certificate.error.cancelledAfterPayment', refundedYen: 600, refundedTo: 'cashless', takeCard: true }),
      testId('cert-refunded'),
    ),
    cert(
      'failed-card',
      failed({ messageKey: 'certificate.error.revocationUnavailable', takeCard: true }),
      `${testId('cert-failed')}:not(:has(${testId('cert-refunded')}))`,
    ),
    // The idle prompt over a journey screen.
    {
      ...cert('idle-prompt', { step: 'pin', triesLeft: 3, lastTry: false }, testId('idle-prompt')),
      page: pageScene({
        session: { ...activeSession('certificate'), phase: 'prompt', remainingMs: 30_000 } as Scene['page']['session'],
        certificate: { step: 'pin', triesLeft: 3, lastTry: false },
      }),
    },
  ];
}
