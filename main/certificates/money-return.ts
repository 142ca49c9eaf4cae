/**
 * Giving the citizen's money back when a certificate sale ends without a certificate: everything
 * the payment device kept is refunded (cash from the unit, or the card charge cancelled), the
 * serial is voided, and whatever the machine could not give back becomes a refund voucher —
 * journaled first, told to staff, its slip printed while the citizen is still there.
 *
 * When the journal cannot even give a voucher number (the disk is gone), no number is made up:
 * a number outside the ledger could never be settled. Staff are alerted with the serial and the
 * amount instead (`refund-voucher-unrecorded`), and the screen tells the citizen to call staff.
 */
import type { VoidRequest, WardId } from '../../contract/ward-api';
import type { PaymentMethod, PaymentService } from '../../devices/payment/payment-service';
import { createLogger, errorCode } from '../../platform/log';
import type { VoucherCause } from '../documents/voucher';
import type { PendingVoidLedger } from '../journal/pending-voids';
import type { WardClient } from '../ward/ward-client';
import type { JournaledSale } from './journaled-sale';
import type { JourneyDeps } from './journey-deps';
import type { StaffAlert } from '../staff/staff-alert';
import { printSlip, type VoucherSlipPrinter } from './voucher-slip-printer';
import { splitMoneyBack } from './basket';

const log = createLogger('certificate-journey');

/** What went back, and how: the failed view's money fields. */
export interface MoneyReturned {
  /** Yen the payment device gave back. */
  refundedYen: number;
  /** How `refundedYen` went back: the coin tray, or the card charge cancelled. */
  refundedTo: 'cash' | 'cashless';
  /** Yen the machine could not give back (a voucher, or staff when none could be journaled). */
  owedYen: number;
  /** The journaled voucher for `owedYen`; null when nothing is owed or the journal failed. */
  voucher: string | null;
  /** The voucher slip came out. */
  voucherPrinted: boolean;
}

export interface MoneyReturnInput {
  payment: Pick<PaymentService, 'refundAll' | 'get'>;
  /** The payment device's transaction, if any payment was started. */
  txId: string | null;
  /**
   * The journaled sales the payment was for, each with its share of it: one for a certificate, one
   * per item for a basket. Each serial is voided unless printed, each sale journaled with its own part.
   */
  sales: readonly SaleShare[];
  /** The sales' serials are still unprinted and not yet voided (false once the journey let go of them). */
  voidSaleSerial: boolean;
  /** Change already owed under its own voucher (not counted twice). */
  changeOwedYen: number;
  /** Where the serial is voided (voidIssuedSerial). */
  ward: Pick<WardClient, 'voidIssued'>;
  journal: { pendingVoids: Pick<PendingVoidLedger, 'record' | 'resolve'> };
  voidReason: 'print-failed' | 'cancelled';
  cause: VoucherCause;
  /** The printer itself failed: no slip is tried on it. */
  printerAtFault: boolean;
  /** False once the session was wiped: no slip for a citizen who has gone. */
  citizenStillHere: () => boolean;
  alertStaff: (alert: StaffAlert) => void;
  printVoucherSlip: VoucherSlipPrinter | undefined;
}

/** One sale of a payment and the yen of the payment that were its fee. */
export interface SaleShare {
  sale: JournaledSale;
  shareYen: number;
}

export async function returnMoney(input: MoneyReturnInput): Promise<MoneyReturned & { moreVouchers: string[] }> {
  const { txId } = input;
  let refundedYen = 0;
  let owedYen = 0;
  let method: PaymentMethod | null = null;
  if (txId) {
    let refused = false;
    const record = await input.payment.refundAll(txId).catch(() => {
      refused = true;
      return input.payment.get(txId);
    });
    refundedYen = record?.refunded ?? 0;
    // Cash stuck in a jam is the citizen's too: it gets the voucher (staff find the coins when clearing it).
    owedYen = Math.max(0, (record?.owed ?? 0) + (record?.unverified ?? 0) - input.changeOwedYen); // change has its own voucher
    method = record?.method ?? null;
    // A cash refund the unit refused outright (busy, disconnected) gave nothing more back: the fee it
    // kept is owed by voucher, never shown as settled. (A card charge is handled just below.)
    if (refused && method === 'cash') owedYen = Math.max(owedYen, (record?.kept ?? 0) - refundedYen);
    // A card charge the terminal would not cancel (offline, rejected) is still the citizen's money:
    // it is paid at the counter by voucher, and staff are told not to refund the card as well.
    const notCancelled = method === 'cashless' ? Math.max(0, (record?.kept ?? 0) - refundedYen) : 0;
    if (notCancelled > 0) input.alertStaff({ code: 'cashless-refund-failed', severity: 'error', reference: txId });
    owedYen += notCancelled;
  }
  const vouchers: string[] = [];
  for (const part of sharesOf(input, refundedYen, owedYen)) {
    const voucher = await settleSale(input, part, method);
    if (voucher) vouchers.push(voucher);
  }
  // Journaled first (the slip is honoured against the journal), and only for a citizen still here.
  let voucherPrinted = vouchers.length > 0;
  for (const voucher of vouchers) {
    const printed = input.citizenStillHere() && !input.printerAtFault && (await printSlip(input.printVoucherSlip, voucher, input.cause));
    voucherPrinted &&= printed;
  }
  const [voucher = null, ...moreVouchers] = vouchers;
  return { refundedYen, refundedTo: method === 'cashless' ? 'cashless' : 'cash', owedYen, voucher, moreVouchers, voucherPrinted };
}

/** One sale's part of what went back: given back by the device, and owed. */
interface SalePart {
  sale: JournaledSale | null;
  refundedYen: number;
  owedYen: number;
  /** Void the serial, journal nothing (amounts that do not add up are never guessed). */
  voidOnly?: boolean;
}

/**
 * What each sale is journaled with. One sale (or none) carries it all. Before payment (no sale
 * `paid` yet) the first sale carries it all and the others are only cancelled. After payment
 * each sale gets exactly its own share (splitMoneyBack: the journal refuses any other amount);
 * amounts that do not add up are not guessed into the journal: staff get the payment to check,
 * the sales stay paid for start-up recovery, and what is owed still goes to staff below.
 */
function sharesOf(input: MoneyReturnInput, refundedYen: number, owedYen: number): SalePart[] {
  const { sales } = input;
  if (sales.length <= 1) return [{ sale: sales[0]?.sale ?? null, refundedYen, owedYen }];
  const afterPayment = sales.some(({ sale }) => AFTER_PAYMENT.has(sale.state));
  if (!afterPayment) return sales.map(({ sale }, i) => (i === 0 ? { sale, refundedYen, owedYen } : { sale, refundedYen: 0, owedYen: 0 }));
  const split = splitMoneyBack(
    sales.map((s) => s.shareYen),
    refundedYen,
    owedYen,
  );
  if (split) return sales.map(({ sale }, i) => ({ sale, ...split[i]! }));
  input.alertStaff({ code: 'basket-money-mismatch', severity: 'error', reference: sales[0]!.sale.id });
  // Every serial is still voided (the money went back: no certificate may print later); what is
  // owed goes to staff with the payment's id.
  return [...sales.map(({ sale }) => ({ sale, refundedYen: 0, owedYen: 0, voidOnly: true })), { sale: null, refundedYen, owedYen }];
}

const AFTER_PAYMENT = new Set(['paid', 'printing', 'printed']);

/** Voids one sale's serial and journals its part; returns the voucher it is owed by, once journaled. */
async function settleSale(input: MoneyReturnInput, part: SalePart, method: PaymentMethod | null): Promise<string | null> {
  const { sale, refundedYen, owedYen } = part;
  const serial = input.voidSaleSerial ? (sale?.serial ?? null) : null;
  const voidConfirmed = sale && serial ? await voidIssuedSerial(input, sale.issuer, serial, input.voidReason) : false;
  if (part.voidOnly) return null;
  const numbered = owedYen > 0 ? (sale?.voucherNumber() ?? null) : null;
  const recorded =
    sale?.refunded({
      refundedYen,
      owedYen,
      voucher: numbered,
      method,
      reason: input.cause === 'payment-failed' ? input.cause : input.voidReason,
      voidConfirmed,
    }) ?? false;
  // A number is shown only once it is in the ledger (a slip or a number outside it could never be settled).
  const voucher = numbered !== null && recorded ? numbered : null;
  if (voucher) input.alertStaff({ code: 'refund-voucher', severity: 'error', reference: voucher });
  else if (owedYen > 0) {
    // Honest failure: the amount and the sale's serial go to staff, who pay it out by hand.
    input.alertStaff({ code: 'refund-voucher-unrecorded', severity: 'error', reference: `${serial ?? input.txId ?? 'unknown'}/${owedYen}yen`.slice(0, 64) });
  }
  return voucher;
}

/**
 * The session wipe: a payment under way stops (cash comes back), a refund already under way
 * (`inFlight`) finishes first — one owner of the money, never two refunds — and a fee still kept
 * is refunded unless the certificate was printed.
 *
 * `unattended` (the idle timeout: nobody answered 「まだ使いますか？」): a cash fee is NOT paid out
 * into a coin tray nobody is watching, where the next person would find it. The machine keeps it and
 * the yen returned here (`heldYen`) go on a refund voucher (JournaledSale.atSessionEnd), which staff
 * pay out at the counter. A card charge is still cancelled: it goes back to the citizen's card only.
 */
export async function giveBackAtWipe(
  payment: Pick<PaymentService, 'cancel' | 'get' | 'refundAll'>,
  txId: string | null,
  printed: boolean,
  inFlight: (Promise<unknown> | null)[],
  unattended = false,
): Promise<{ heldYen: number }> {
  if (txId) await payment.cancel(txId).catch(() => null);
  await Promise.allSettled(inFlight);
  if (!txId) return { heldYen: 0 };
  const record = payment.get(txId);
  if (!record || record.kept <= record.refunded || printed) return { heldYen: 0 };
  if (unattended && record.method === 'cash') return { heldYen: record.kept - record.refunded };
  await payment.refundAll(txId).catch(() => null);
  return { heldYen: 0 };
}

/**
 * The one staff alert (warning) for a void the back end did not confirm, from the journey and from
 * crash recovery alike; reference = the serial (staff void it by hand at the console).
 */
export const VOID_FAILED_ALERT = 'backend-void-failed';

/**
 * Voids an unprinted serial at the back end (idempotent: the key is the serial); true when the back
 * end confirmed it, else staff get `VOID_FAILED_ALERT` and the serial is recorded void-pending
 * (main/journal/pending-voids.ts) for the background retrier (pending-void-retrier.ts)
 * and the staff console. Shared by the journey and crash recovery. Never throws.
 */
export async function voidIssuedSerial(
  deps: {
    ward: Pick<WardClient, 'voidIssued'>;
    alertStaff: JourneyDeps['alertStaff'];
    journal: { pendingVoids: Pick<PendingVoidLedger, 'record' | 'resolve'> };
  },
  ward: WardId,
  serial: string,
  reason: VoidRequest['reason'],
): Promise<boolean> {
  return deps.ward.voidIssued(ward, serial, { reason }, `void-${serial}`).then(
    () => {
      try {
        // A void an earlier failure left pending (e.g. recovery voiding it again) is done now.
        deps.journal.pendingVoids.resolve(serial, 'voided');
      } catch (err) {
        log.error({ err: errorCode(err), serial }, 'could not clear a pending void (the retrier will find it voided)');
      }
      return true;
    },
    (err: unknown) => {
      // The back end keeps the serial as issued-unprinted: a fact for the retrier first, then staff.
      try {
        deps.journal.pendingVoids.record({ serial, issuer: ward, reason });
      } catch (recordErr) {
        // The alert below still names the serial; staff void it by hand.
        log.error({ err: errorCode(recordErr), serial }, 'could not record a pending void');
      }
      deps.alertStaff({ code: VOID_FAILED_ALERT, severity: 'warning', reference: serial });
      log.warn({ err: errorCode(err), serial }, 'could not void an unprinted serial');
      return false;
    },
  );
}
