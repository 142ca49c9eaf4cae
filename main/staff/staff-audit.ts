/**
 * The staff console's audit hooks: wraps the `staff.*` handlers so every sign-in (and refusal),
 * sign-out and action (void, reprint, voucher payout, "send the outbox now") leaves an audit entry
 * with its outcome, whatever the console's own code does. Reads are not audited. Only ids, codes
 * and amounts are recorded: never the passcode, a voucher's 照合コード or a typed reason's text.
 */
import { KioskError } from '../../contract/errors';
import type { AuditEvent, AuditKind } from '../audit/audit-entry';
import type { StaffAlert } from './staff-alert';
import type { StaffHandlers } from './staff-handlers';

export type AuditRecord = (event: AuditEvent) => void;

/** Who is signed in, as an audit actor (`staff` for the shared passcode; `staff:<id>` with accounts). */
export type StaffActor = () => string;

/** Records `kind` with the action's outcome: ok, refused (a KioskError the console chose) or failed. */
async function audited<T>(
  record: AuditRecord,
  base: Omit<AuditEvent, 'outcome'> & { kind: AuditKind },
  run: () => Promise<T>,
  subjectOf?: (result: T) => string | undefined,
): Promise<T> {
  try {
    const result = await run();
    const subject = subjectOf?.(result) ?? base.subject;
    record({ ...base, ...(subject !== undefined ? { subject } : {}), outcome: 'ok' });
    return result;
  } catch (err) {
    const refused = err instanceof KioskError;
    record({ ...base, outcome: refused ? 'refused' : 'failed', detail: { ...base.detail, code: refused ? err.code : 'error' } });
    throw err;
  }
}

export function auditStaffHandlers(handlers: StaffHandlers, record: AuditRecord, actor: StaffActor = () => 'staff'): StaffHandlers {
  return {
    ...handlers,
    'staff.login': async (input) => {
      const result = await handlers['staff.login'](input);
      if (result.outcome === 'ok') record({ kind: 'staff.sign-in', actor: actor(), outcome: 'ok' });
      else record({ kind: 'staff.sign-in-refused', actor: 'staff', outcome: 'refused', detail: { reason: result.outcome } });
      return result;
    },
    'staff.logout': async (input) => {
      const who = actor();
      const state = await handlers['staff.logout'](input);
      record({ kind: 'staff.sign-out', actor: who, outcome: 'ok' });
      return state;
    },
    'staff.void': async (input) =>
      audited(record, { kind: 'certificate.void', actor: actor(), subject: input.txId, detail: { reason: input.reason } }, () => handlers['staff.void'](input)),
    'staff.reprint': async (input) =>
      audited(record, { kind: 'certificate.reprint', actor: actor(), subject: input.txId, detail: { reason: input.reason } }, () =>
        handlers['staff.reprint'](input),
      ),
    'staff.settleVoucher': async (input) =>
      audited(
        record,
        { kind: 'voucher.settle', actor: actor(), subject: input.voucher, detail: { amountYen: input.amountYen, slipCode: input.checkCode !== undefined } },
        () => handlers['staff.settleVoucher'](input),
      ),
    'staff.retryOutbox': async (input) => audited(record, { kind: 'outbox.retry', actor: actor() }, () => handlers['staff.retryOutbox'](input)),
  };
}

/** The lockout alerts of the staff session, as audit entries (the alert itself still goes to staff). */
export function auditLockout(record: AuditRecord): (alert: StaffAlert) => void {
  return (alert) => {
    if (alert.code === 'staff-passcode-locked' || alert.code === 'staff-passcode-locked-again') {
      record({ kind: 'staff.lockout', actor: 'staff', outcome: 'refused', detail: { alert: alert.code } });
    }
  };
}
