/**
 * One certificate sale as the journey journals it (main/journal): each method is one durable
 * commit that has returned before the journey takes the next irreversible step. A write that
 * fails is logged and told to staff (`journal-write-failed`), and the method says so (false /
 * null): the journey then stops before money is kept, or gives it back.
 *
 * Only serials, types, fees, amounts, states and ids are written; never personal data.
 */
import type { WardId } from '../../contract/ward-api';
import type { PaymentMethod } from '../../devices/payment/payment-service';
import { createLogger, errorCode } from '../../platform/log';
import { JournalError } from '../journal/journal-errors';
import type { TransactionState } from '../journal/journal-states';
import type { JourneyJournal } from './journey-deps';
import type { StaffAlert } from '../staff/staff-alert';
import { certificateJobName } from './print-job-evidence';

const log = createLogger('certificate-journey');

/** How the money went back, as the payment device reports it. */
export interface RefundFacts {
  refundedYen: number;
  owedYen: number;
  /** Voucher number for `owedYen`, if any. */
  voucher: string | null;
  method: PaymentMethod | null;
  /** Why the sale ended (short code: `print-failed`, `cancelled`...). */
  reason: string;
  /** The back end confirmed the void of the serial. */
  voidConfirmed: boolean;
}

export class JournaledSale {
  private constructor(
    private readonly journal: JourneyJournal,
    private readonly alertStaff: (alert: StaffAlert) => void,
    /** The journal's transaction id (also the payment device's). */
    readonly id: string,
    /** The certificate serial the back end issued for this sale, as journaled (`authenticated`). */
    readonly serial: string,
    /** The back end (the resident's ward) that issued `serial`: the one to mark it printed or void it at. */
    readonly issuer: WardId,
    /** Last state journaled. */
    public state: TransactionState,
  ) {}

  /** Print attempts journaled (`printing` and each resend count one); 0 before the first. */
  private attempts = 0;

  /**
   * Journals the prepared sale: `selected` and `authenticated` with the serial the back end issued
   * (the journey issues before payment), so a crash after payment knows which certificate was paid for.
   * Null when the journal cannot record it; `serial-reused` when the serial was issued before (the
   * back end lost its state): the sale is refused before any money and staff get `backend-serial-reused`.
   */
  static open(
    journal: JourneyJournal,
    alertStaff: (alert: StaffAlert) => void,
    input: { certificateType: string; copies: number; amountYen: number; residentRef: string; serial: string; issuer: WardId },
  ): JournaledSale | 'serial-reused' | null {
    let reused = false;
    const id = write(alertStaff, 'selected', undefined, () => {
      const t = journal.begin({ certificateType: input.certificateType, copies: input.copies, amountYen: input.amountYen });
      try {
        journal.markAuthenticated(t.id, { residentRef: input.residentRef, serial: input.serial, issuer: input.issuer });
      } catch (err) {
        if (!(err instanceof JournalError && err.code === 'serial-reused')) throw err;
        reused = true;
        journal.cancel(t.id, 'serial-reused');
      }
      return t.id;
    });
    if (reused) {
      log.error({ serial: input.serial, issuer: input.issuer }, 'the back end issued a serial already used: sale refused before payment');
      alertStaff({ code: 'backend-serial-reused', severity: 'error', reference: input.serial });
      return 'serial-reused';
    }
    return id === null ? null : new JournaledSale(journal, alertStaff, id, input.serial, input.issuer, 'authenticated');
  }

  /** authenticated → paid. */
  paid(input: { method: PaymentMethod; reference: string; amountYen: number }): boolean {
    return this.step('paid', () =>
      this.journal.markPaid(this.id, { method: input.method === 'cash' ? 'cash' : 'ic-card', reference: input.reference, amountYen: input.amountYen }),
    );
  }

  /** paid → printing (of this sale's serial), before the job goes to the printer. */
  printing(): boolean {
    return this.step('printing', () => {
      this.attempts = this.journal.markPrinting(this.id, { serial: this.serial }).printAttempts;
    });
  }

  /**
   * The job-name of the attempt journaled last (`certificate-<serial>-<attempt>`): derived from
   * journaled facts only, so recovery can find the job by name even if its id never got journaled.
   */
  jobName(): string {
    return certificateJobName(this.serial, this.attempts);
  }

  /** The printer accepted the job (its id lets recovery ask the printer about it). */
  printJob(jobId: number): void {
    this.write('print-job', () => this.journal.recordPrintJob(this.id, jobId));
  }

  /** The same serial goes to the printer again (the earlier job did not print). */
  resend(reason: string): boolean {
    return (
      this.write('resend', () => {
        this.attempts = this.journal.markResend(this.id, { reason }).printAttempts;
        return true;
      }) !== null
    );
  }

  /** printing → printed → card_returned (the card was taken before printing began). */
  printed(): void {
    if (this.step('printed', () => this.journal.markPrinted(this.id))) this.step('card_returned', () => this.journal.markCardReturned(this.id));
  }

  /** A voucher number for money the machine could not give back. */
  voucherNumber(): string | null {
    return this.write('voucher', () => this.journal.nextVoucherNumber());
  }

  /**
   * Paid, but the unit could not pay out all the change: a voucher for it (journaled, staff told).
   * Returns its number, or null when the journal could not record it (staff are told either way).
   */
  changeVoucher(owedYen: number): string | null {
    const voucher = this.voucherNumber();
    const issued =
      voucher !== null &&
      this.write('voucher-issue', () => this.journal.vouchers.issue({ number: voucher, txId: this.id, amountYen: owedYen, reason: 'change-shortfall' })) !==
        null;
    if (issued) this.alertStaff({ code: 'refund-voucher', severity: 'error', reference: voucher });
    else this.unrecorded(owedYen);
    return issued ? voucher : null;
  }

  /** No voucher could be journaled for money owed: staff get the sale and the amount to pay by hand. */
  unrecorded(owedYen: number): void {
    this.alertStaff({ code: 'refund-voucher-unrecorded', severity: 'error', reference: `${this.id}/${owedYen}yen`.slice(0, 64) });
  }

  /** selected|authenticated → cancelled (no money kept). */
  cancel(reason: string): void {
    if (this.state === 'selected' || this.state === 'authenticated') this.step('cancelled', () => this.journal.cancel(this.id, reason));
  }

  /**
   * The sale ends without a certificate: cancelled before payment, else (voided →) refunded. Before
   * payment a voucher covers cash the unit took but could not give back; it is journaled before the
   * cancel, so a crash in between still leaves the voucher (recovery then cancels the sale).
   * Returns false when `r.voucher` could not be journaled (it is then in no ledger: never show it).
   */
  refunded(r: RefundFacts): boolean {
    if (this.state === 'selected' || this.state === 'authenticated') {
      const recorded = r.voucher && r.owedYen > 0 ? this.issueVoucher(r.voucher, r.owedYen, 'payment-failed') : true;
      this.cancel(r.reason === 'cancelled' ? 'payment-failed' : r.reason);
      return recorded;
    }
    if (this.state === 'printing' || this.state === 'printed') {
      if (!this.step('voided', () => this.journal.markVoided(this.id, { reason: r.reason, backendConfirmed: r.voidConfirmed }))) return r.voucher === null;
    }
    if (this.state !== 'paid' && this.state !== 'voided') return r.voucher === null;
    const amountYen = r.refundedYen + r.owedYen;
    return (
      this.step('refunded', () =>
        this.journal.markRefunded(
          this.id,
          r.voucher
            ? { method: 'voucher', amountYen, reason: r.reason, voucherNumber: r.voucher, ...(r.refundedYen > 0 ? { cashReturnedYen: r.refundedYen } : {}) }
            : { method: r.method === 'cashless' ? 'original-method' : 'cash', amountYen, reason: r.reason },
        ),
      ) || r.voucher === null
    );
  }

  /**
   * The session ends: done after a certificate, cancelled before payment, refunded otherwise.
   * `heldYen`: a fee the wipe kept in the machine because nobody was there to take it (see
   * giveBackAtWipe): it is owed by voucher like any money the machine could not give back, also
   * when the payment completed in the same moment the session ended and the journal never saw it
   * paid. `changeVoucheredYen`: change already owed on a voucher at payment (changeVoucher), which
   * `record.owed` still counts and must not be owed twice.
   */
  atSessionEnd(record: { refunded: number; owed: number; method: PaymentMethod } | undefined, heldYen = 0, changeVoucheredYen = 0): void {
    if (this.state === 'printed') this.step('card_returned', () => this.journal.markCardReturned(this.id));
    if (this.state === 'card_returned') {
      this.step('done', () => this.journal.markDone(this.id));
      return;
    }
    if (this.state === 'selected' || this.state === 'authenticated') {
      // The session ended mid-payment: what the unit could not give back, and a fee it kept.
      const owedYen = (record?.owed ?? 0) + heldYen;
      if (owedYen > 0) {
        const voucher = this.voucherNumber();
        if (voucher) this.alertStaff({ code: 'refund-voucher', severity: 'error', reference: voucher });
        if (voucher) this.issueVoucher(voucher, owedYen, 'session-ended');
        else this.unrecorded(owedYen);
      }
      return this.cancel('session-ended');
    }
    if (this.state === 'paid' || this.state === 'printing') {
      const owedYen = Math.max(0, (record?.owed ?? 0) - changeVoucheredYen) + heldYen;
      const voucher = owedYen > 0 ? this.voucherNumber() : null;
      if (voucher) this.alertStaff({ code: 'refund-voucher', severity: 'error', reference: voucher });
      else if (owedYen > 0) this.unrecorded(owedYen);
      this.refunded({
        refundedYen: record?.refunded ?? 0,
        owedYen,
        voucher,
        method: record?.method ?? null,
        reason: heldYen > 0 ? 'session-ended' : 'cancelled',
        voidConfirmed: false,
      });
    }
  }

  /** Nobody is at the machine (session wiped mid-print) and the job did not print: voided, full fee by voucher. */
  refundUnattended(paidYen: number, voidConfirmed: boolean): string | null {
    if (!this.step('voided', () => this.journal.markVoided(this.id, { reason: 'print-failed', backendConfirmed: voidConfirmed }))) return null;
    const voucher = this.voucherNumber();
    if (voucher === null) return null;
    return this.step('refunded', () =>
      this.journal.markRefunded(this.id, { method: 'voucher', amountYen: paidYen, reason: 'session-ended', voucherNumber: voucher }),
    )
      ? voucher
      : null;
  }

  /** printed → card_returned → done in one go (the session already ended). */
  printedUnattended(): void {
    this.printed();
    if (this.state === 'card_returned') this.step('done', () => this.journal.markDone(this.id));
  }

  /** A voucher outside a refund transition (journal: vouchers.issue). */
  private issueVoucher(number: string, amountYen: number, reason: string): boolean {
    return this.write('voucher-issue', () => this.journal.vouchers.issue({ number, txId: this.id, amountYen, reason })) !== null;
  }

  private step(to: TransactionState, fn: () => unknown): boolean {
    if (this.write(to, fn) === null) return false;
    this.state = to;
    return true;
  }

  private write<T>(step: string, fn: () => T): T | null {
    return write(this.alertStaff, step, this.id, fn);
  }
}

function write<T>(alertStaff: (alert: StaffAlert) => void, step: string, txId: string | undefined, fn: () => T): T | null {
  try {
    return fn();
  } catch (err) {
    log.error({ step, txId, err: errorCode(err) }, 'journal write failed');
    alertStaff({ code: 'journal-write-failed', severity: 'error', ...(txId ? { reference: txId } : {}) });
    return null;
  }
}
