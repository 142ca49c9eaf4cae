/**
 * What the certificate journey needs from the rest of the kiosk, as narrow interfaces so
 * the journey is tested with the real simulators and any piece can be swapped.
 */
import type { CertificateView } from '../../contract/certificate-journey';
import type { WardId } from '../../contract/ward-api';
import type { Clock } from '../../platform/clock';
import type { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import type { PaymentService } from '../../devices/payment/payment-service';
import type { Printer } from '../../devices/printer/printer';
import type { TransactionJournal } from '../journal/transaction-journal';
import type { WardClient } from '../ward/ward-client';
import type { LeftCardGuard } from '../card-slot/left-card-guard';
import type { ReceiptPrinter } from './receipt-printer';
import type { VoucherSlipPrinter } from './voucher-slip-printer';
import type { StaffAlert } from '../staff/staff-alert';

/** Renders a verified certificate; throws MissingGlyphError and never returns a partial PDF. */
export type CertificateRenderer = (certificate: Record<string, unknown>, qrPayload: string) => Promise<Buffer>;

/**
 * The part of the transaction journal the journey writes: each call is one durable SQLite commit
 * (state + event) that has returned before the journey takes the next irreversible step.
 */
export type JourneyJournal = Pick<
  TransactionJournal,
  | 'begin'
  | 'markAuthenticated'
  | 'markPaid'
  | 'markPrinting'
  | 'recordPrintJob'
  | 'markResend'
  | 'markPrinted'
  | 'markCardReturned'
  | 'markDone'
  | 'markVoided'
  | 'markRefunded'
  | 'cancel'
  | 'nextVoucherNumber'
  | 'vouchers'
  | 'pendingVoids'
>;

export interface JourneyDeps {
  card: MyNumberCardClient;
  ward: WardClient;
  wardId: WardId;
  printer: Printer;
  payment: PaymentService;
  render: CertificateRenderer;
  /** Money and paper state, durable before each irreversible step; serials, fees and states only. */
  journal: JourneyJournal;
  /** Receives every new view (the event hub's `certificate.changed`). */
  onView: (view: CertificateView) => void;
  alertStaff: (alert: StaffAlert) => void;
  /** Ends the citizen session (the one wipe), e.g. after the certificate is taken. */
  endSession: (reason: 'complete' | 'card-removed') => void;
  /**
   * Prints the refund voucher slip (返金引換券) of a journaled voucher; true when it came out.
   * Without it no slip is printed and the screen tells the citizen to call staff.
   */
  printVoucherSlip?: VoucherSlipPrinter;
  /** Prints the receipt (領収書) a citizen asked for, after the certificates; true when it came out. */
  printReceipt?: ReceiptPrinter;
  /**
   * Remembers a card left in the reader at a wipe so the next session never reads it; the kiosk
   * shares one between its journeys. Default: the journey's own, on `card`.
   */
  leftCard?: LeftCardGuard;
  /** How long the "take your certificate" screen stays before the session completes (its countdown). */
  takeCertificateMs?: number;
  /** The kiosk's clock: the take-certificate countdown runs on it. Default the host's. */
  clock?: Clock;
}
