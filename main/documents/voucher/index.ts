/** Refund voucher slips (返金引換券): see voucher-slip.ts. */
export { renderVoucherSlip, planVoucherSlip, voucherQrText, VoucherSlipError, VOUCHER_INFO_KEY, type VoucherSlipInput } from './voucher-slip';
export { causeOfReason, CAUSE_TEXT, VOUCHER_CAUSES, type VoucherCause } from './voucher-texts';
