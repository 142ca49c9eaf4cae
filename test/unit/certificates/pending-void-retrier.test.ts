/**
 * The pending-void retrier against a real journal and a scripted back end (injected clock and
 * random, no timer): a failed void is recorded void-pending; with the back end down it backs off
 * (capped, jittered); back up, the void is made once and the fact cleared; `already-voided` ends
 * it quietly; `already-printed` ends it with a staff alert; a store error is logged, never thrown.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WardId } from '../../../contract/ward-api';
import type { StaffAlert } from '../../../main/staff/staff-alert';
import { voidIssuedSerial } from '../../../main/certificates/money-return';
import { REFUNDED_SERIAL_PRINTED_ALERT, retryDelayMs, startPendingVoidRetrier } from '../../../main/certificates/pending-void-retrier';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import { WardApiError } from '../../../main/ward/ward-client';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { tempJournalDir } from '../journal/journal-test-helpers';

const fresh = cleanedAfterFile(tempJournalDir);
const T0 = Date.parse('2026-04-01T09:00:00+09:00');

/** A back end that is down (health and void unreachable) or answers voids with `answer`. */
function scriptedWard() {
  const w = {
    down: true,
    answer: null as null | 'already-voided' | 'already-printed',
    voids: [] as string[],
    health: async (_ward: WardId) => {
      if (w.down) throw new WardApiError('unreachable', null);
      return { status: 'ok' };
    },
    voidIssued: async (_ward: WardId, serial: string) => {
      if (w.down) throw new WardApiError('unreachable', null);
      if (w.answer) throw new WardApiError(w.answer, 409);
      w.voids.push(serial);
      return {} as never;
    },
  };
  return w;
}

function setup(journal: TransactionJournal, ward: ReturnType<typeof scriptedWard>, clock: { now: number }) {
  const alerts: StaffAlert[] = [];
  const confirmed: string[] = [];
  const retrier = startPendingVoidRetrier({
    pendingVoids: journal.pendingVoids,
    confirmVoid: (s) => confirmed.push(s),
    ward: ward as never,
    alertStaff: (a) => alerts.push(a),
    now: () => clock.now,
    random: () => 0.5,
    baseDelayMs: 1_000,
    maxDelayMs: 8_000,
    intervalMs: 0,
  });
  return { retrier, alerts, confirmed };
}

describe('pending void retrier', () => {
  test('backoff doubles from the base, is capped, and jitters within [half, whole]', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 10].map((n) => retryDelayMs(n, 0, 1000, 8000)),
      [500, 1000, 2000, 4000, 4000],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 10].map((n) => retryDelayMs(n, 0.999999, 1000, 8000)),
      [1000, 2000, 4000, 8000, 8000],
    );
  });

  test('a failed void is recorded pending; back end down then up: voided once, the fact cleared', async () => {
    const clock = { now: T0 };
    const journal = fresh().open({ now: () => clock.now });
    const ward = scriptedWard();
    const alerts: StaffAlert[] = [];
    assert.equal(await voidIssuedSerial({ ward, alertStaff: (a) => alerts.push(a), journal }, 'kokurakita', '40106-2026-0000001', 'cancelled'), false);
    assert.equal(journal.pendingVoids.isPending('40106-2026-0000001'), true);
    assert.deepEqual(
      alerts.map((a) => a.code),
      ['backend-void-failed'],
    );

    const r = setup(journal, ward, clock);
    assert.equal(await r.retrier.tick(), 0);
    const [p] = journal.pendingVoids.list();
    assert.equal(p?.attempts, 1);
    assert.equal(p?.lastError, 'unreachable');
    assert.equal(p?.nextTryAt, T0 + 750, 'first retry after base·jitter');
    clock.now += 100;
    assert.equal(await r.retrier.tick(), 0, 'not due, and the back end still down');
    assert.equal(journal.pendingVoids.list()[0]?.attempts, 1, 'no void tried before it is due');

    ward.down = false;
    assert.equal(await r.retrier.tick(), 1, 'back end reachable again: tried at once, before its due time');
    assert.deepEqual(ward.voids, ['40106-2026-0000001']);
    assert.deepEqual(r.confirmed, ['40106-2026-0000001']);
    assert.equal(journal.pendingVoids.isPending('40106-2026-0000001'), false);
    assert.equal(journal.pendingVoids.outcome('40106-2026-0000001'), 'voided');
    clock.now += 60_000;
    assert.equal(await r.retrier.tick(), 0);
    assert.deepEqual(ward.voids, ['40106-2026-0000001'], 'voided once');
    await r.retrier.stop();
    journal.close();
  });

  test('a later void that succeeds (crash recovery, the journey) clears the pending fact', async () => {
    const journal = fresh().open();
    journal.pendingVoids.record({ serial: '40106-2026-0000009', issuer: 'kokurakita', reason: 'cancelled' });
    const ward = scriptedWard();
    ward.down = false;
    assert.equal(await voidIssuedSerial({ ward, alertStaff: () => assert.fail('no alert'), journal }, 'kokurakita', '40106-2026-0000009', 'power-loss'), true);
    assert.equal(journal.pendingVoids.outcome('40106-2026-0000009'), 'voided');
    journal.close();
  });

  test('the back end says already voided: the retry ends without an alert', async () => {
    const clock = { now: T0 };
    const journal = fresh().open({ now: () => clock.now });
    journal.pendingVoids.record({ serial: '40106-2026-0000002', issuer: 'kokurakita', reason: 'print-failed' });
    const ward = scriptedWard();
    ward.down = false;
    ward.answer = 'already-voided';
    const r = setup(journal, ward, clock);
    assert.equal(await r.retrier.tick(), 1);
    assert.equal(journal.pendingVoids.outcome('40106-2026-0000002'), 'already-voided');
    assert.deepEqual(r.alerts, []);
    assert.deepEqual(r.confirmed, ['40106-2026-0000002']);
    await r.retrier.stop();
    journal.close();
  });

  test('the back end says printed: the retry ends and staff are told the refunded certificate was printed', async () => {
    const clock = { now: T0 };
    const journal = fresh().open({ now: () => clock.now });
    journal.pendingVoids.record({ serial: '40106-2026-0000003', issuer: 'kokurakita', reason: 'cancelled' });
    const ward = scriptedWard();
    ward.down = false;
    ward.answer = 'already-printed';
    const r = setup(journal, ward, clock);
    assert.equal(await r.retrier.tick(), 1);
    assert.equal(journal.pendingVoids.outcome('40106-2026-0000003'), 'printed');
    assert.deepEqual(r.alerts, [{ code: REFUNDED_SERIAL_PRINTED_ALERT, severity: 'error', reference: '40106-2026-0000003' }]);
    assert.deepEqual(r.confirmed, [], 'not a void');
    assert.equal(await r.retrier.tick(), 0);
    await r.retrier.stop();
    journal.close();
  });

  test('a pending void survives a reopen; backoff is capped; a store error is logged, not thrown', async () => {
    const clock = { now: T0 };
    const tmp = fresh();
    let journal = tmp.open({ now: () => clock.now });
    journal.pendingVoids.record({ serial: '40106-2026-0000004', issuer: 'kokurakita', reason: 'cancelled' });
    journal.close();
    journal = tmp.open({ now: () => clock.now });
    const ward = scriptedWard();
    const r = setup(journal, ward, clock);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      await r.retrier.tick();
      const next = journal.pendingVoids.list()[0]!.nextTryAt;
      delays.push(next - clock.now);
      clock.now = next;
    }
    assert.equal(journal.pendingVoids.list()[0]!.attempts, 6);
    assert.deepEqual(delays, [750, 1500, 3000, 6000, 6000, 6000], 'doubling, capped at 8 s (jitter 0.5 → ¾)');
    journal.close();
    assert.equal(await r.retrier.tick(), 0, 'closed journal: logged, resolves');
    await r.retrier.stop();
    assert.equal(await r.retrier.tick(), 0, 'stopped: nothing runs');
  });
});
