/**
 * The screens outside the two journeys for the gallery: the home screen and its language chooser,
 * and the staff console (係員メニュー): its passcode keypad and every tab, with a day's worth of
 * alerts, transactions and vouchers (staff read tables: these screens may scroll).
 */
import type { z } from 'zod';
import type { Availability, Language, SessionEnding } from '../../contract/kiosk-api';
import { certificateTypes } from '../../contract/ward-api';
import type { staffAlertSchema, StaffOverview, StaffReconciliation, StaffTransaction, StaffVoucher } from '../../contract/staff-console';
import { HOLD_MS } from '../../renderer/screens/staff/HoldCorner';
import { activeSession, pageScene, type Scene } from './scene';

/** The staff console is shown in the kiosk's default language (Japanese), English by choice; other locales fall back to Japanese. */
export const STAFF_LANGUAGES: readonly Language[] = ['ja', 'en'];

const testId = (id: string) => `[data-testid="${id}"]`;
const AT = Date.parse('2026-12-07T10:00:00+09:00');
const iso = (minutes: number) => new Date(AT + minutes * 60_000).toISOString();

const ALERT_CODES = [
  'printer-media-jam',
  'card-left-in-reader',
  'card-left-in-reader',
  'refund-voucher',
  'backend-void-failed',
  'application-not-printed',
  'cashless-refund-failed',
];
const alerts: z.infer<typeof staffAlertSchema>[] = ALERT_CODES.map((code, i) => ({
  id: i + 1,
  code,
  severity: i % 3 === 0 ? 'error' : 'warning',
  ...(code === 'refund-voucher' ? { reference: 'RV-gallery-01-20261207-0001' } : {}),
  at: iso(-i * 7),
  ...(i === 5 ? { ackedAt: iso(-2) } : {}),
}));

const OVERVIEW: StaffOverview = {
  kioskId: 'gallery-01',
  alerts,
  card: { readerPresent: true, cardPresent: true, readers: 1 },
  printer: { state: 'stopped', ready: false, stateReasons: ['media-jam-error', 'door-open-warning'], reasons: ['media-jam'], queuedJobs: 1 },
  cash: {
    state: 'fault',
    deviceState: 'fault',
    faults: ['coin-jam'],
    levels: [10, 50, 100, 500, 1000].map((denomination) => ({ denomination, count: denomination === 1000 ? 0 : 12 })),
  },
  backend: { reachable: false, checkedAt: iso(-1), pendingVoids: 2 },
  outbox: {
    queued: 3,
    deadLetters: 1,
    delivered: 12,
    byWard: ['kokurakita', 'yahatahigashi'].map((destination, i) => ({
      destination,
      queued: 2 - i,
      deadLetters: i,
      delivered: 6,
      failures: 4 * i,
      oldestQueuedAt: AT - 3_600_000,
    })),
    deadLetterList: [{ receiptNumber: 'K-20261207-0007', destination: 'yahatahigashi', code: 'refused', httpStatus: 422 }],
  },
};

const STATES = ['done', 'printed', 'paid', 'voided', 'refunded', 'cancelled', 'printing', 'card_returned'] as const;
const TRANSACTIONS: StaffTransaction[] = Array.from({ length: 16 }, (_, i) => ({
  txId: `tx-${String(i + 1).padStart(4, '0')}`,
  serial: `KK-20261207-${String(i + 1).padStart(5, '0')}`,
  certificateType: certificateTypes[i % certificateTypes.length]!,
  copies: 1 + (i % 3),
  feeYen: 300 * (1 + (i % 3)),
  state: STATES[i % STATES.length]!,
  paymentMethod: i % 2 ? 'cashless' : 'cash',
  refundVoucher: i % 5 === 4 ? `RV-gallery-01-20261207-000${i}` : null,
  updatedAt: AT - i * 600_000,
  createdAt: AT - i * 600_000 - 120_000,
  canReprint: i % 4 === 1,
  canVoid: i % 4 === 2,
}));

const RECONCILIATION: StaffReconciliation = {
  day: '20261207',
  byOutcome: STATES.map((state, i) => ({ state, count: i + 1, yen: (i + 1) * 300 })),
  sales: certificateTypes.flatMap((certificateType) =>
    (['cash', 'cashless'] as const).map((method) => ({ certificateType, method, outcome: 'sold' as const, count: 3, yen: 900 })),
  ),
  refunds: [
    { method: 'cash', count: 2, yen: 600 },
    { method: 'cashless', count: 1, yen: 300 },
  ],
  cashInYen: 12_300,
  cashOutYen: 2_100,
  vouchersOutstanding: { count: 2, yen: 700 },
  vouchersIssued: { count: 3, yen: 1_000 },
  vouchersSettled: { count: 1, yen: 300 },
  vouchersOpen: { count: 4, yen: 1_300 },
  printed: 24,
  voids: 2,
  unconfirmedVoids: 1,
  netYen: 10_200,
  openPaidNotPrinted: 1,
};

const VOUCHERS: StaffVoucher[] = Array.from({ length: 4 }, (_, i) => ({
  number: `RV-gallery-01-20261207-000${i + 1}`,
  txId: `tx-000${i + 1}`,
  amountYen: 300 + 100 * i,
  reason: i % 2 ? 'payment-failed' : 'print-failed',
  issuedAt: AT - i * 3_600_000,
  slipPrinted: i !== 2,
  settledAt: i === 3 ? AT - 600_000 : null,
}));

const STAFF_ANSWERS = {
  'staff.getOverview': OVERVIEW,
  'staff.listTransactions': TRANSACTIONS,
  'staff.reconciliation': RECONCILIATION,
  'staff.listVouchers': VOUCHERS,
};

/** The console's tabs (the `staff-view-<tab>` buttons) and what shows once each is open. */
export const STAFF_TABS: Readonly<Record<string, string>> = {
  overview: testId('staff-outbox'),
  transactions: testId('staff-tx-tx-0001'),
  reconciliation: `${testId('staff-reconciliation')} ${testId('staff-vouchers')}`,
};

function staffTab(tab: string, ready: string): Scene {
  return {
    id: `staff/${tab}`,
    page: pageScene({
      session: activeSession(null),
      staff: { phase: 'open', staffId: null, expiresAt: AT + 600_000, idleTimeoutSec: 600 },
      answers: STAFF_ANSWERS,
    }),
    ready,
    act: (page) => page.getByTestId(`staff-view-${tab}`).click(),
    long: true,
    languages: STAFF_LANGUAGES,
  };
}

/** After hours with the printer and cashless down: the closed notice, the next opening and two ×. */
const CLOSED: Availability = {
  hours: { state: 'after-closing', today: { opens: '08:30', closes: '17:15' }, next: { date: '2026-12-08', opens: '08:30' } },
  devices: { printer: false, cash: true, cashless: false },
  journeys: { certificate: false, application: false },
  hoursOverridden: false,
};

/** How a session ended, said on the first screen (the card still in: the take-card line instead of the button). */
const ENDINGS: { id: string; ending: SessionEnding }[] = [
  { id: 'ending-card-removed', ending: { reason: 'card-removed', takeCard: false, remainingMs: 8_000 } },
  { id: 'ending-cancel-take-card', ending: { reason: 'cancel', takeCard: true, remainingMs: 8_000 } },
  { id: 'ending-timeout-take-card', ending: { reason: 'timeout', takeCard: true, remainingMs: 8_000 } },
  { id: 'ending-complete', ending: { reason: 'complete', takeCard: false, remainingMs: 8_000 } },
];

export function homeScenes(): Scene[] {
  const home = pageScene({ session: activeSession(null) });
  return [
    { id: 'home/home', page: home, ready: testId('journey-certificate') },
    { id: 'home/closed', page: pageScene({ session: activeSession(null), availability: CLOSED }), ready: testId('home-closed') },
    ...ENDINGS.map(({ id, ending }) => ({
      id: `home/${id}`,
      page: pageScene({ session: { phase: 'idle', endedReason: ending.reason, ending } }),
      ready: `${testId('ending')}[data-reason="${ending.reason}"]${ending.takeCard ? ` ${testId('ending-take-card')}` : ''}`,
    })),
    {
      id: 'home/language-chooser',
      page: home,
      ready: testId('language-chooser'),
      act: (page) => page.getByTestId('language').click(),
      leave: (page) => page.getByTestId('language-close').click(),
    },
  ];
}

export function staffScenes(): Scene[] {
  return [
    {
      id: 'staff/login',
      // A session stays open under the staff layer: going idle would reset the language being drawn.
      page: pageScene({ session: activeSession(null) }),
      ready: testId('staff-login'),
      // Held as staff do: the corner opens the keypad after HOLD_MS.
      act: async (page) => {
        await page.getByTestId('staff-corner').dispatchEvent('pointerdown');
        await page.getByTestId('staff-login').waitFor({ timeout: HOLD_MS + 5000 });
      },
      leave: (page) => page.getByTestId('staff-login-cancel').click(),
      languages: STAFF_LANGUAGES,
    },
    ...Object.entries(STAFF_TABS).map(([tab, ready]) => staffTab(tab, ready)),
  ];
}
