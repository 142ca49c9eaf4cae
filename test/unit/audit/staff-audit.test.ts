/**
 * The staff console's audit hooks: sign-ins (and refusals), lockouts and actions are recorded with
 * their outcome and ids only (never the passcode, a voucher's 照合コード or a reason's text).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { KioskError } from '../../../contract/errors';
import type { AuditEvent } from '../../../main/audit/audit-entry';
import { auditLockout, auditStaffHandlers } from '../../../main/staff/staff-audit';
import type { StaffHandlers } from '../../../main/staff/staff-handlers';

function fakeHandlers(overrides: Partial<StaffHandlers>): StaffHandlers {
  return overrides as StaffHandlers;
}

describe('staff audit hooks', () => {
  it('records sign-in outcomes without the passcode', async () => {
    const events: AuditEvent[] = [];
    const results = [
      { outcome: 'wrong-passcode', triesLeft: 2 } as const,
      { outcome: 'ok', state: { phase: 'open', staffId: '0042', expiresAt: 1, idleTimeoutSec: 180 } } as const,
    ];
    let signedIn: string | null = null;
    const handlers = auditStaffHandlers(
      fakeHandlers({
        'staff.login': async (input) => {
          const result = results.shift()!;
          if (result.outcome === 'ok') signedIn = input.staffId ?? null;
          return result;
        },
      }),
      (e) => events.push(e),
      () => (signedIn ? `staff:${signedIn}` : 'staff'),
    );
    await handlers['staff.login']({ staffId: '0042', passcode: '11112222' });
    await handlers['staff.login']({ staffId: '0042', passcode: '24681357' });
    assert.deepEqual(
      events.map((e) => [e.kind, e.actor, e.outcome, e.detail?.reason]),
      [
        ['staff.sign-in-refused', 'staff:0042', 'refused', 'wrong-passcode'],
        ['staff.sign-in', 'staff:0042', 'ok', undefined],
      ],
    );
    assert.ok(!JSON.stringify(events).includes('24681357'));
  });

  it('records an action as ok, refused (the console said no) or failed', async () => {
    const events: AuditEvent[] = [];
    let answer: () => Promise<never> = async () => ({ txId: 'TX-1' }) as never;
    const handlers = auditStaffHandlers(fakeHandlers({ 'staff.void': async () => answer() }), (e) => events.push(e));
    await handlers['staff.void']({ txId: 'TX-1', reason: 'spoiled' });
    answer = async () => {
      throw new KioskError('staff.not-allowed');
    };
    await assert.rejects(handlers['staff.void']({ txId: 'TX-1', reason: 'spoiled' }));
    answer = async () => {
      throw new Error('disk');
    };
    await assert.rejects(handlers['staff.void']({ txId: 'TX-1', reason: 'spoiled' }));
    assert.deepEqual(
      events.map((e) => [e.kind, e.subject, e.outcome, e.detail?.code]),
      [
        ['certificate.void', 'TX-1', 'ok', undefined],
        ['certificate.void', 'TX-1', 'refused', 'staff.not-allowed'],
        ['certificate.void', 'TX-1', 'failed', 'error'],
      ],
    );
  });

  it('records a voucher payout with its number and amount, not its check code', async () => {
    const events: AuditEvent[] = [];
    const handlers = auditStaffHandlers(fakeHandlers({ 'staff.settleVoucher': async () => ({}) as never }), (e) => events.push(e));
    await handlers['staff.settleVoucher']({ voucher: 'RV-KOKURA01-20260401-0001', amountYen: 300, checkCode: '8472 1937', reason: 'cash-at-counter' });
    assert.deepEqual(events, [
      { kind: 'voucher.settle', actor: 'staff', subject: 'RV-KOKURA01-20260401-0001', outcome: 'ok', detail: { amountYen: 300, slipCode: true } },
    ]);
  });

  it("records lockouts with the account's id (the shared passcode's as staff)", () => {
    const events: AuditEvent[] = [];
    const hook = auditLockout((e) => events.push(e));
    hook('0042', false);
    hook(null, true);
    assert.deepEqual(
      events.map((e) => [e.kind, e.actor, e.detail?.alert]),
      [
        ['staff.lockout', 'staff:0042', 'staff-passcode-locked'],
        ['staff.lockout', 'staff', 'staff-passcode-locked-again'],
      ],
    );
  });
});
