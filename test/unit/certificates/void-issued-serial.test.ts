/** One void of an unprinted serial for the journey and crash recovery, with one staff alert code. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RECOVERY_ALERTS } from '../../../main/certificates/recover-certificate-sales';
import { VOID_FAILED_ALERT, voidIssuedSerial } from '../../../main/certificates/money-return';
import type { StaffAlert } from '../../../main/staff/staff-alert';

/** The journal's pending voids (their own behaviour is tested in pending-void-retrier.test.ts). */
const journal = { pendingVoids: { record: () => undefined, resolve: () => false } };

describe('voidIssuedSerial', () => {
  test('confirmed: true, no alert, idempotent on the serial', async () => {
    const calls: unknown[][] = [];
    const alerts: StaffAlert[] = [];
    const ward = {
      voidIssued: async (...args: unknown[]) => {
        calls.push(args);
        return {} as never;
      },
    };
    assert.equal(await voidIssuedSerial({ ward, alertStaff: (a) => alerts.push(a), journal }, 'kokurakita', 'KK-1', 'power-loss'), true);
    assert.deepEqual(calls, [['kokurakita', 'KK-1', { reason: 'power-loss' }, 'void-KK-1']]);
    assert.deepEqual(alerts, []);
  });

  test('not confirmed: false and the one void-failed alert naming the serial (recovery uses the same code)', async () => {
    const alerts: StaffAlert[] = [];
    const ward = {
      voidIssued: async () => {
        throw Object.assign(new Error('down'), { code: 'backend-unreachable' });
      },
    };
    assert.equal(await voidIssuedSerial({ ward, alertStaff: (a) => alerts.push(a), journal }, 'kokurakita', 'KK-2', 'print-failed'), false);
    assert.deepEqual(alerts, [{ code: VOID_FAILED_ALERT, severity: 'warning', reference: 'KK-2' }]);
    assert.equal(RECOVERY_ALERTS.voidFailed, VOID_FAILED_ALERT);
  });
});
