/**
 * Prints the refund voucher slip (返金引換券) for money the kiosk could not give back, so the
 * citizen leaves with paper to take to the counter rather than a number to remember.
 *
 * Called only after the voucher is durable in the journal (the slip is honoured against it), only
 * while the citizen is at the machine, and never when the printer itself caused the failure (a
 * jammed or empty printer would only fail again; the screen then says to call staff). It checks
 * printer health first and gives up quietly (false + a staff alert) on any trouble: the voucher
 * exists either way, the slip is a convenience, never a condition of the refund.
 */
import type { WardId } from '../../contract/ward-api';
import type { Printer } from '../../devices/printer/printer';
import { createLogger, errorCode } from '../../platform/log';
import { renderVoucherSlip, type VoucherCause, type VoucherSlipInput } from '../documents/voucher';
import { WARDS } from '../config/wards';
import type { VoucherLedger } from '../journal/voucher-ledger';
import type { StaffAlert } from '../staff/staff-alert';
import { printerNotReadyCode } from '../staff/printer-alert';

const log = createLogger('voucher-slip');

/** Prints the slip of a journaled voucher; true when the printer confirmed it came out. */
export type VoucherSlipPrinter = (voucherNumber: string, cause: VoucherCause) => Promise<boolean>;

export interface VoucherSlipDeps {
  printer: Pick<Printer, 'health' | 'print'>;
  /** The journal's voucher ledger: the slip shows its amount and 照合コード, and is marked printed there. */
  vouchers: Pick<VoucherLedger, 'get' | 'markSlipPrinted'>;
  /** The kiosk's configured id, printed on the slip. */
  kioskId: string;
  /** Where the citizen takes the slip. */
  office: { name: string; counter: string };
  alertStaff: (alert: StaffAlert) => void;
  /** Longest wait for the slip job before it is canceled (default 60 s). */
  timeoutMs?: number;
  /** Renderer (tests may pass their own); default renderVoucherSlip. */
  render?: (input: VoucherSlipInput) => Promise<Buffer>;
  now?: () => number;
}

export function createVoucherSlipPrinter(deps: VoucherSlipDeps): VoucherSlipPrinter {
  const render = deps.render ?? renderVoucherSlip;
  return async (voucherNumber, cause) => {
    const voucher = deps.vouchers.get(voucherNumber); // throws if the journal is unusable: printSlip catches it
    // A slip the counter cannot find in the journal would be worthless: none is printed.
    if (!voucher || voucher.settledAt !== undefined) {
      log.warn({ voucher: voucherNumber }, 'voucher not in the journal: no slip');
      return false;
    }
    const notPrinted = (why: string): false => {
      log.warn({ voucher: voucherNumber, why }, 'voucher slip not printed');
      deps.alertStaff({ code: 'voucher-slip-not-printed', severity: 'warning', reference: voucherNumber });
      return false;
    };
    const health = await deps.printer.health().catch(() => null);
    if (!health?.ready) return notPrinted(printerNotReadyCode(health));
    let pdf: Buffer;
    try {
      pdf = await render({
        voucherNumber,
        amountYen: voucher.amountYen,
        checkCode: voucher.checkCode,
        issuedAt: new Date(voucher.issuedAt),
        kioskId: deps.kioskId,
        office: deps.office,
        cause,
      });
    } catch (err) {
      return notPrinted(err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : 'render-failed');
    }
    const result = await deps.printer
      .print(pdf, { jobName: `voucher-${voucherNumber}`, copies: 1, signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000) })
      .catch((err: unknown) => (err instanceof Error && 'code' in err ? String(err.code) : 'print-error'));
    if (typeof result === 'string') return notPrinted(result);
    if (result.outcome !== 'completed') return notPrinted(`job-${result.outcome}`);
    try {
      deps.vouchers.markSlipPrinted(voucherNumber);
    } catch {
      // The slip is out; settling still works (the code is checked whenever given).
      log.error({ voucher: voucherNumber }, 'could not journal the printed slip');
    }
    log.info({ voucher: voucherNumber, cause }, 'voucher slip printed');
    return true;
  };
}

/** Runs the slip printer if the kiosk has one; any failure is a slip not printed, never a thrown error. */
export async function printSlip(printer: VoucherSlipPrinter | undefined, voucherNumber: string, cause: VoucherCause): Promise<boolean> {
  if (!printer) return false;
  return printer(voucherNumber, cause).catch((err: unknown) => {
    log.error({ voucher: voucherNumber, err: errorCode(err) }, 'voucher slip printer failed');
    return false;
  });
}

/** Where a kiosk's vouchers are paid out: its ward office's 市民課 counter (where certificates are issued). */
export function voucherOffice(ward: WardId): { name: string; counter: string } {
  return { name: `${WARDS[ward].nameJa}役所`, counter: '市民課 証明書発行窓口' };
}
