/**
 * The staff console's audit hooks: wraps the `staff.*` handlers so every sign-in (and refusal),
 * sign-out and action (void, reprint, voucher payout, "send the outbox now") leaves an audit entry
 * with its outcome, whatever the console's own code does. Reads are not audited. Only ids, codes
 * and amounts are recorded: never the passcode, a voucher's 照合コード or a typed reason's text.
 */
import { KioskError } from '../../contract/errors';
import type { AuditEvent, AuditKind } from '../audit/audit-entry';
import type { StaffHandlers } from './staff-handlers';

export type AuditRecord = (event: AuditEvent) => void;

/** Who is signed in, as an audit actor (`staff` for the shared passcode; `staff:<id>` with accounts). */
export type StaffActor = () => string;

/** The audit actor of a staff id (null or undefined: the shared passcode). */
export function staffActor(staffId: string | null | undefined): string {
  return staffId ? `staff:${staffId}` : 'staff';
}

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
      // The id the try claimed (known or not): repeated refusals for one id are a guesser's trace.
      else record({ kind: 'staff.sign-in-refused', actor: staffActor(input.staffId), outcome: 'refused', detail: { reason: result.outcome } });
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

/** The staff session's lockouts (of an account, or of the shared passcode), as audit entries; the alert itself goes to staff. */
export function auditLockout(record: AuditRecord): (staffId: string | null, again: boolean) => void {
  return (staffId, again) =>
    record({
      kind: 'staff.lockout',
      actor: staffActor(staffId),
      outcome: 'refused',
      detail: { alert: again ? 'staff-passcode-locked-again' : 'staff-passcode-locked' },
    });
}
