/**
 * The certificate journey's screens (自動交付機) for the gallery: every step of
 * contract/certificate-journey.ts, with the variants that make a screen taller (an error, the last
 * PIN try and its confirmation, a refund voucher, the card still in the reader) and the options
 * screen reached by choosing a type.
 */
import type { Page } from 'playwright-core';
import type { CertificateOptionsView, CertificateView } from '../../contract/certificate-journey';
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
/**
 * What the back end lets the citizen choose: a household of five (the 世帯の一部 list at its
 * tallest a kiosk is likely to meet), a 戸籍 of four, five 課税年度. Fictional people.
 */
const OPTIONS: CertificateOptionsView = {
  juminhyoScopes: ['self', 'household', 'partial'],
  household: [
    { id: 'res-001', name: '高橋　健太', relationship: '世帯主', self: true, honseki: true },
    { id: 'ward-101', name: '高橋　由美', relationship: '妻', self: false, honseki: true },
    { id: 'ward-102', name: '高橋　翔', relationship: '子', self: false, honseki: false },
    { id: 'ward-107', name: '高橋　美咲', relationship: '子', self: false, honseki: true },
    { id: 'ward-108', name: '高橋　千代子', relationship: '母', self: false, honseki: true },
  ],
  register: [
    { id: 'res-001', name: '高橋　健太', self: true },
    { id: 'ward-101', name: '高橋　由美', self: false },
    { id: 'ward-107', name: '高橋　美咲', self: false },
    { id: 'ward-108', name: '高橋　千代子', self: false },
  ],
  taxYears: [2026, 2025, 2024, 2023, 2022],
};
const CHOOSE = { step: 'choose' as const, offers: OFFERS, options: OPTIONS, basket: [], removed: [] };
const CHOICE = { type: 'juminhyo' as const, copies: 2, scope: 'household' as const, householdHead: true, honseki: true };
/** A basket of five (the most a sale takes): 2550 yen. */
const BASKET = [
  { choice: CHOICE, unitFeeYen: 300 },
  { choice: { type: 'kazei' as const, copies: 1, scope: 'self' as const, householdHead: false, honseki: false, fiscalYear: 2024 }, unitFeeYen: 300 },
  { choice: { type: 'koseki-kojin' as const, copies: 1, scope: 'self' as const, householdHead: false, honseki: false, personId: 'ward-107' }, unitFeeYen: 450 },
  { choice: { type: 'fuhyo' as const, copies: 1, scope: 'self' as const, householdHead: false, honseki: false }, unitFeeYen: 300 },
  { choice: { type: 'inkan' as const, copies: 2, scope: 'self' as const, householdHead: false, honseki: false }, unitFeeYen: 300 },
];

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
  moreVouchers: [],
  voucherPrinted: false,
  takeCard: false,
  ...over,
});

const testId = (id: string) => `[data-testid="${id}"]`;

/** The details' 「戻る」: the next scene starts from the list of types again. */
const backToTypes = (page: Page) => page.getByTestId('choose-back').click();
/**
 * The details list what the back end offers (a household, a 戸籍, the 年度: no fixed length), so
 * they may scroll, under the fixed bar that holds 戻る, the copies and 次へ, with the cue.
 */
const DETAILS = { long: true, leave: backToTypes } as const;

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
    // Back from the fee screen: the details open as they were left (first, while the choose screen is new).
    cert(
      'choose-options-back',
      { ...CHOOSE, chosen: { ...CHOICE, scope: 'partial', memberIds: ['res-001', 'ward-102'] } },
      `${testId('cert-choose-details')} ${testId('members')}`,
      DETAILS,
    ),
    cert('choose', CHOOSE, testId('type-juminhyo')),
    cert('choose-refused', { ...CHOOSE, offers: OFFERS_WITH_REFUSAL, errorKey: 'certificate.error.notOffered' }, testId('cert-choose-error')),
    cert('choose-options', CHOOSE, testId('cert-choose-details'), { act: (page) => page.getByTestId('type-juminhyo').click(), ...DETAILS }),
    // 世帯の一部 with every member listed and none ticked (the reminder to pick shows too).
    cert('choose-options-members', CHOOSE, testId('members'), {
      act: async (page) => {
        await page.getByTestId('type-juminhyo').click();
        await page.getByTestId('scope-partial').click();
        await page.getByTestId('member-0').click();
      },
      ...DETAILS,
    }),
    cert('choose-options-person', CHOOSE, testId('person-3'), { act: (page) => page.getByTestId('type-koseki-kojin').click(), ...DETAILS }),
    cert('choose-options-year', CHOOSE, testId('year-2022'), { act: (page) => page.getByTestId('type-kazei').click(), ...DETAILS }),
    // The basket (several certificates, one sale) at its fullest, with an item the back end refused.
    cert(
      'choose-basket',
      {
        ...CHOOSE,
        errorKey: 'certificate.basket.dropped',
        basket: BASKET,
        removed: [{ type: 'koseki-zenbu', reasonKey: 'certificate.refusal.honseki-outside-city-unregistered' }],
      },
      testId('basket-checkout'),
      { long: true },
    ),
    cert('preparing', { step: 'preparing' }, testId('cert-progress-preparing')),
    cert(
      'pay-method-basket',
      {
        step: 'pay',
        choice: CHOICE,
        items: BASKET.map(({ choice, unitFeeYen }) => ({ type: choice.type, copies: choice.copies, feeYen: unitFeeYen * choice.copies })),
        dueYen: 2550,
        insertedYen: 0,
        method: null,
        refusedYen: [],
        receipt: false,
      },
      testId('pay-items'),
    ),
    cert(
      'pay-method',
      { step: 'pay', choice: CHOICE, items: [], dueYen: 600, insertedYen: 0, method: null, refusedYen: [], receipt: true },
      testId('cert-pay-method'),
    ),
    cert(
      'pay-cash',
      {
        step: 'pay',
        choice: CHOICE,
        items: [],
        dueYen: 600,
        insertedYen: 100,
        method: 'cash',
        refusedYen: [5000, 10000],
        receipt: false,
        errorKey: 'certificate.error.cashNotReturned',
      },
      testId('cert-pay-cash'),
    ),
    cert(
      'pay-cashless',
      {
        step: 'pay',
        choice: CHOICE,
        items: [],
        dueYen: 600,
        insertedYen: 0,
        method: 'cashless',
        refusedYen: [],
        receipt: false,
        errorKey: 'certificate.error.declined',
      },
      testId('cert-pay-cashless'),
    ),
    cert('take-card', { step: 'take-card', changeYen: 400, owedYen: 0, voucher: null, receipt: false }, testId('cert-take-card')),
    cert(
      'take-card-owed',
      { step: 'take-card', changeYen: 0, owedYen: 400, voucher: 'RV-gallery-01-20261207-0001', receipt: true },
      testId('cert-change-owed'),
    ),
    cert(
      'take-card-cancel',
      { step: 'take-card', changeYen: 0, owedYen: 400, voucher: 'RV-gallery-01-20261207-0001', receipt: true },
      testId('cancel-paid-dialog'),
      {
        act: (page) => page.getByTestId('start-over').click(),
        leave: (page) => page.getByTestId('cancel-paid-no').click(),
      },
    ),
    cert('printing', { step: 'printing', pagesDone: 1 }, testId('cert-printing')),
    cert(
      'take-certificate',
      { step: 'take-certificate', owedYen: 0, voucher: null, voucherPrinted: false, remainingMs: 14_500, receipt: 'printed' },
      testId('cert-take-certificate'),
    ),
    cert(
      'take-certificate-voucher',
      { step: 'take-certificate', owedYen: 400, voucher: 'RV-gallery-01-20261207-0001', voucherPrinted: true, remainingMs: 14_500, receipt: 'failed' },
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
