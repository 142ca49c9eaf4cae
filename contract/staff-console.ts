/**
 * The ward staff console at the kiosk (係員メニュー): the `staff.*` requests and the
 * `staff.changed` event, merged into the one contract by `kiosk-api.ts`.
 *
 * Every staff request except `staff.login` and `staff.getState` is refused with the typed
 * error `staff.no-session` unless a staff session is active. Nothing here carries personal
 * data: transactions are shown by serial, type, fee, state and time only. The passcode
 * travels only inside `staff.login`; it is never logged or kept.
 */
import { z } from 'zod';
import { selfTestRequests } from './self-test';

/** Staff error codes (`KioskError.code`); each has a text under `staff:errors.<code>`. */
export const staffErrorCodes = [
  'staff.no-session', // no staff session (never logged in, logged out, or timed out)
  'staff.not-found', // no such transaction or alert
  'staff.not-allowed', // the transaction's state does not allow that action
  'staff.backend-refused', // the ward back end refused (e.g. already printed)
  'staff.backend-unreachable', // the ward back end did not answer
  'staff.unavailable', // the kiosk has no such service wired (e.g. no journal yet)
  'staff.voucher-mismatch', // the voucher's amount or 照合コード is not the journal's (or the code is missing)
  'staff.voucher-settled', // the voucher was already paid out
] as const;
export type StaffErrorCode = (typeof staffErrorCodes)[number];

/** Why a staff session ended. */
export const staffEndReasonSchema = z.enum(['logout', 'timeout']);

/** A staff member's id in the staff directory (職員番号): 4-8 digits, so the console's keypad types it. */
export const STAFF_ID_PATTERN = /^[0-9]{4,8}$/;

export const staffStateSchema = z.discriminatedUnion('phase', [
  z.object({
    phase: z.literal('closed'),
    endedReason: staffEndReasonSchema.optional(),
    /** True when the kiosk has staff accounts: the keypad asks for the staff id before the passcode. */
    accounts: z.boolean().optional(),
  }),
  z.object({
    phase: z.literal('open'),
    /** Who is signed in: a staff id, or null for the kiosk's shared passcode (no accounts yet). */
    staffId: z.string().regex(STAFF_ID_PATTERN).nullable(),
    /** When the session ends without activity (epoch ms, main side's clock). */
    expiresAt: z.number().int(),
    /** Idle timeout of the session, seconds. */
    idleTimeoutSec: z.number().int().positive(),
  }),
]);
export type StaffState = z.infer<typeof staffStateSchema>;

/** Answer of `staff.login`: refusals are outcomes (the keypad shows them), not errors. */
export const staffLoginResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), state: staffStateSchema }),
  /** Wrong passcode; `triesLeft` before the lockout. */
  z.object({ outcome: z.literal('wrong-passcode'), triesLeft: z.number().int().nonnegative() }),
  /** Too many wrong passcodes: no try is checked until `retryAfterSec` have passed. */
  z.object({ outcome: z.literal('locked'), retryAfterSec: z.number().int().positive() }),
  /** A citizen is paying or being printed for: the staff session waits until they are done. */
  z.object({ outcome: z.literal('citizen-busy') }),
]);
export type StaffLoginResult = z.infer<typeof staffLoginResultSchema>;

export const staffAlertSchema = z.object({
  /** Kiosk-unique alert id (to acknowledge it). */
  id: z.number().int().positive(),
  /** Stable code, e.g. `printer-media-empty`, `refund-voucher`, `outbox-dead-letter`. */
  code: z.string().min(1).max(64),
  severity: z.enum(['info', 'warning', 'error']),
  /** A serial, voucher or receipt number staff can look up; never personal data. */
  reference: z.string().max(64).optional(),
  /** Raised at (ISO 8601). */
  at: z.string(),
  /** Acknowledged by staff at (ISO 8601), if so. */
  ackedAt: z.string().optional(),
});
export type StaffAlertView = z.infer<typeof staffAlertSchema>;

export const printerTileSchema = z.object({
  /** `ready`, or why not (`stopped`, `unreachable`). */
  state: z.enum(['idle', 'processing', 'stopped', 'unreachable']),
  ready: z.boolean(),
  /** IPP printer-state-reasons keywords as the printer sent them (e.g. `media-empty-error`). */
  stateReasons: z.array(z.string().max(96)),
  /** Grouped reasons the kiosk acts on (e.g. `media-empty`). */
  reasons: z.array(z.string().max(32)),
  queuedJobs: z.number().int().nonnegative().nullable(),
});

export const cashTileSchema = z.object({
  /** `ok`, `fault`, `busy` (taking money now), `disconnected` or `unknown` (did not answer). */
  state: z.enum(['ok', 'fault', 'busy', 'disconnected', 'unknown']),
  /** Device state as the unit reports it (`idle`, `accepting`, `fault`, …). */
  deviceState: z.string().max(32).nullable(),
  faults: z.array(z.string().max(32)),
  /** Change the recycler holds, per denomination (when the unit reports it). */
  levels: z.array(z.object({ denomination: z.number().int().positive(), count: z.number().int().nonnegative() })).nullable(),
});

export const outboxTileSchema = z.object({
  queued: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  byWard: z.array(
    z.object({
      destination: z.string().max(64),
      queued: z.number().int().nonnegative(),
      deadLetters: z.number().int().nonnegative(),
      delivered: z.number().int().nonnegative(),
      /** Consecutive transient failures of that ward's queue (0 = last attempt reached it). */
      failures: z.number().int().nonnegative().nullable(),
      oldestQueuedAt: z.number().int().nullable(),
    }),
  ),
  /** Dead letters awaiting staff (receipt numbers and refusal codes only; no payloads). */
  deadLetterList: z.array(
    z.object({ receiptNumber: z.string().max(64), destination: z.string().max(64), code: z.string().max(64), httpStatus: z.number().int() }),
  ),
});

export const staffOverviewSchema = z.object({
  kioskId: z.string(),
  /** Newest first; acknowledged ones stay listed (greyed) until they age out. */
  alerts: z.array(staffAlertSchema),
  card: z.object({ readerPresent: z.boolean(), cardPresent: z.boolean(), readers: z.number().int().nonnegative() }),
  printer: printerTileSchema,
  cash: cashTileSchema,
  backend: z.object({
    reachable: z.boolean(),
    checkedAt: z.string(),
    /** Serials whose void the back end has not confirmed yet (the kiosk retries them); null without a journal. */
    pendingVoids: z.number().int().nonnegative().nullable(),
  }),
  /** Null when the kiosk has no outbox wired. */
  outbox: outboxTileSchema.nullable(),
});
export type StaffOverview = z.infer<typeof staffOverviewSchema>;

export const transactionStateSchema = z.enum([
  'selected',
  'authenticated',
  'paid',
  'printing',
  'printed',
  'card_returned',
  'done',
  'voided',
  'refunded',
  'cancelled',
]);

/** One certificate transaction as staff see it: no resident reference, no names. */
export const staffTransactionSchema = z.object({
  txId: z.string().max(64),
  serial: z.string().max(64).nullable(),
  certificateType: z.string().max(32),
  copies: z.number().int().positive(),
  feeYen: z.number().int().nonnegative(),
  state: transactionStateSchema,
  paymentMethod: z.string().max(32).nullable(),
  refundVoucher: z.string().max(64).nullable(),
  /** Last change (epoch ms). */
  updatedAt: z.number().int(),
  createdAt: z.number().int(),
  /** Which staff actions the state allows. */
  canReprint: z.boolean(),
  canVoid: z.boolean(),
});
export type StaffTransaction = z.infer<typeof staffTransactionSchema>;

/** Reasons staff give (coded, for the journal and the back end). */
export const staffReasonSchema = z.enum(['spoiled', 'not-taken', 'print-failed', 'paper-jam', 'voucher-redeemed', 'other']);
export type StaffReason = z.infer<typeof staffReasonSchema>;

/** What became of a paid sale (main/journal/reconciliation.ts): printed, still open, voided, refunded. */
export const saleOutcomeSchema = z.enum(['sold', 'open', 'voided', 'refunded']);

export const reconciliationSchema = z.object({
  day: z.string().regex(/^\d{8}$/),
  /** Transactions created that day by final or current state, with their fees. */
  byOutcome: z.array(z.object({ state: transactionStateSchema, count: z.number().int().nonnegative(), yen: z.number().int().nonnegative() })),
  /** Payments taken that day by type, method and outcome: a refunded or voided sale is not counted as sold. */
  sales: z.array(
    z.object({ certificateType: z.string(), method: z.string(), outcome: saleOutcomeSchema, count: z.number().int().nonnegative(), yen: z.number().int() }),
  ),
  refunds: z.array(z.object({ method: z.string(), count: z.number().int().nonnegative(), yen: z.number().int() })),
  cashInYen: z.number().int(),
  cashOutYen: z.number().int(),
  /** Refund vouchers issued that day and not paid out yet. */
  vouchersOutstanding: z.object({ count: z.number().int().nonnegative(), yen: z.number().int().nonnegative() }),
  /** Refund vouchers issued that day (paid out or not). */
  vouchersIssued: z.object({ count: z.number().int().nonnegative(), yen: z.number().int().nonnegative() }),
  /** Refund vouchers paid out at the counter that day (whenever issued). */
  vouchersSettled: z.object({ count: z.number().int().nonnegative(), yen: z.number().int().nonnegative() }),
  /** Refund vouchers not paid out yet, whatever day they were issued (as of now). */
  vouchersOpen: z.object({ count: z.number().int().nonnegative(), yen: z.number().int().nonnegative() }),
  printed: z.number().int().nonnegative(),
  voids: z.number().int().nonnegative(),
  unconfirmedVoids: z.number().int().nonnegative(),
  netYen: z.number().int(),
  openPaidNotPrinted: z.number().int().nonnegative(),
});
export type StaffReconciliation = z.infer<typeof reconciliationSchema>;

/** A refund voucher (返金引換券) as staff see it: ids, amounts, times; never the 照合コード. */
export const staffVoucherSchema = z.object({
  /** `RV-<kiosk>-<YYYYMMDD>-<NNNN>`. */
  number: z.string().max(64),
  txId: z.string().max(64),
  amountYen: z.number().int().nonnegative(),
  /** Why it was issued (journal reason code, e.g. `print-failed`, `payment-failed`). */
  reason: z.string().max(40),
  /** Issued at (epoch ms). */
  issuedAt: z.number().int(),
  /** The kiosk printed its slip: settling then needs the 照合コード from the slip. */
  slipPrinted: z.boolean(),
  /** Paid out at the counter at (epoch ms), or null while outstanding. */
  settledAt: z.number().int().nullable(),
});
export type StaffVoucher = z.infer<typeof staffVoucherSchema>;

/**
 * The staff passcode's length in digits. At least 8: with the lockout and a peppered, costly hash,
 * 10^8 candidates keep both online and offline guessing out of reach.
 */
export const STAFF_PASSCODE_DIGITS = { min: 8, max: 12 } as const;
/** A well-formed staff passcode (digits only; the keypad has nothing else). */
export const STAFF_PASSCODE_PATTERN = new RegExp(`^[0-9]{${STAFF_PASSCODE_DIGITS.min},${STAFF_PASSCODE_DIGITS.max}}$`);

/** How staff paid a voucher out. */
export const voucherSettleReasonSchema = z.enum(['cash-at-counter', 'other']);

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/** The `staff.*` request channels. */
export const staffRequests = {
  /** Staff session state (also pushed as `staff.changed`). Never refused. */
  'staff.getState': { input: empty, output: staffStateSchema },
  /**
   * Checks the 8-12 digit staff passcode: of the account `staffId` when the kiosk has staff accounts,
   * else the shared one. Wrong tries count towards a lockout (per account; unknown ids share one).
   */
  'staff.login': {
    input: z.object({ staffId: z.string().regex(STAFF_ID_PATTERN).optional(), passcode: z.string().regex(STAFF_PASSCODE_PATTERN) }).strict(),
    output: staffLoginResultSchema,
  },
  /** Ends the staff session. Harmless without one. */
  'staff.logout': { input: empty, output: staffStateSchema },
  /** Staff touched the console: restarts the staff idle timer (the renderer throttles it). */
  'staff.activity': { input: empty, output: staffStateSchema },
  /** Alerts, device tiles, back end and outbox. Reads only: does not restart the idle timer. */
  'staff.getOverview': { input: empty, output: staffOverviewSchema },
  /** Acknowledges one alert (it stays listed, marked). */
  'staff.ackAlert': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.array(staffAlertSchema) },
  /** Today's certificate transactions (kiosk calendar), newest first. */
  'staff.listTransactions': { input: empty, output: z.array(staffTransactionSchema) },
  /** Prints a transaction's certificate again (staff decision, with a reason). */
  'staff.reprint': { input: z.object({ txId: z.string().min(1).max(64), reason: staffReasonSchema }).strict(), output: staffTransactionSchema },
  /** Voids a transaction's serial at the ward back end and in the journal. */
  'staff.void': { input: z.object({ txId: z.string().min(1).max(64), reason: staffReasonSchema }).strict(), output: staffTransactionSchema },
  /** Tries every queued submission now (all wards). */
  'staff.retryOutbox': { input: empty, output: ok },
  /** The journal's totals for one day (default today, kiosk calendar). */
  'staff.reconciliation': {
    input: z
      .object({
        day: z
          .string()
          .regex(/^\d{8}$/)
          .optional(),
      })
      .strict(),
    output: reconciliationSchema,
  },
  /** Vouchers still to pay out (any day) and those issued or paid out today, oldest first. */
  'staff.listVouchers': { input: empty, output: z.array(staffVoucherSchema) },
  /**
   * Records that a voucher was paid out at the counter, once. Staff type the number and amount from
   * the slip (or scan its QR) and the 照合コード when a slip was printed (`XXXX XXXX`, hex); a wrong
   * amount or code is `staff.voucher-mismatch`, a second payout `staff.voucher-settled`.
   */
  'staff.settleVoucher': {
    input: z
      .object({
        voucher: z.string().regex(/^RV-[A-Za-z0-9-]{4,60}$/),
        amountYen: z.number().int().positive(),
        checkCode: z
          .string()
          .regex(/^[0-9A-Fa-f]{4} ?[0-9A-Fa-f]{4}$/)
          .optional(),
        reason: voucherSettleReasonSchema.default('cash-at-counter'),
      })
      .strict(),
    output: staffVoucherSchema,
  },
  ...selfTestRequests,
} as const;

/** The `staff.*` event channels. */
export const staffEvents = {
  'staff.changed': staffStateSchema,
} as const;
