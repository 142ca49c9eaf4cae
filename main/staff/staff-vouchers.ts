/**
 * Refund vouchers at the staff console: the list to pay out, and "paid out at the counter".
 * The journal decides (voucher-ledger.ts): number, amount and, for a printed slip, the 照合コード
 * must match, and a voucher is paid out once; its refusals become the console's typed errors.
 */
import { KioskError } from '../../contract/errors';
import type { StaffVoucher } from '../../contract/staff-console';
import { createLogger } from '../../platform/log';
import { JournalError, type VoucherRecord } from '../journal';
import type { StaffVoucherLedger } from './staff-ports';

const log = createLogger('staff-console');

/** A voucher as staff see it (never its 照合コード: that must come from the slip). */
export function voucherView(v: VoucherRecord): StaffVoucher {
  return {
    number: v.number,
    txId: v.txId,
    amountYen: v.amountYen,
    reason: v.reason.slice(0, 40),
    issuedAt: v.issuedAt,
    slipPrinted: v.slipPrintedAt !== undefined,
    settledAt: v.settledAt ?? null,
  };
}

const ERRORS: Partial<Record<JournalError['code'], string>> = {
  'not-found': 'staff.not-found',
  'voucher-mismatch': 'staff.voucher-mismatch',
  'voucher-settled': 'staff.voucher-settled',
  'invalid-input': 'staff.voucher-mismatch',
};

/** Records the payout; throws KioskError `staff.not-found` / `staff.voucher-mismatch` / `staff.voucher-settled`. */
export function settleVoucher(ledger: StaffVoucherLedger, input: { voucher: string; amountYen: number; checkCode?: string; reason: string }): StaffVoucher {
  try {
    const settled = ledger.settle({
      number: input.voucher,
      amountYen: input.amountYen,
      ...(input.checkCode !== undefined ? { checkCode: input.checkCode.replace(' ', '') } : {}),
      reason: input.reason,
    });
    log.info({ voucher: settled.number, amountYen: settled.amountYen }, 'staff paid out a voucher');
    return voucherView(settled);
  } catch (err) {
    const code = err instanceof JournalError ? ERRORS[err.code] : undefined;
    if (!code) throw err;
    log.warn({ voucher: input.voucher, code }, 'voucher payout refused');
    throw new KioskError(code, `staff:errors.${code}`);
  }
}
