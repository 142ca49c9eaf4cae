/**
 * Staff alerts backed by the journal (migration 5): they survive a reopen with their
 * acknowledgement, ids are never reused, acknowledged history is pruned (age and count) while an
 * unacknowledged alert is always kept, and an alert the store cannot take is still shown, then
 * written under its own id once the store works again.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StaffAlertStore } from '../../../main/journal/staff-alert-store';
import { StaffAlerts } from '../../../main/staff/staff-alerts';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { tempJournalDir } from '../journal/journal-test-helpers';

const fresh = cleanedAfterFile(tempJournalDir);
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-04-01T09:00:00+09:00');

function clock(start = T0) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

describe('staff alerts in the journal', () => {
  test('alerts and their acknowledgement survive a reopen; ids go on from the last one', () => {
    const tmp = fresh();
    const c = clock();
    let journal = tmp.open();
    let alerts = new StaffAlerts({ store: journal.alerts, now: c.now });
    const a = alerts.raise({ code: 'backend-void-failed', severity: 'warning', reference: '40106-2026-0000001' });
    const b = alerts.raise({ code: 'refund-voucher', severity: 'error', reference: 'RV-KK01-20260401-0001' });
    c.advance(60_000);
    assert.equal(alerts.ack(a.id), true);
    journal.close();

    journal = tmp.open();
    alerts = new StaffAlerts({ store: journal.alerts, now: c.now });
    assert.deepEqual(
      alerts.list().map((x) => [x.id, x.code, x.reference, x.at, x.ackedAt]),
      [
        [a.id, 'backend-void-failed', '40106-2026-0000001', new Date(T0).toISOString(), new Date(T0 + 60_000).toISOString()],
        [b.id, 'refund-voucher', 'RV-KK01-20260401-0001', new Date(T0).toISOString(), undefined],
      ],
    );
    assert.deepEqual(
      alerts.unacknowledged().map((x) => x.id),
      [b.id],
    );
    const next = alerts.raise({ code: 'recovery-failed', severity: 'error' });
    assert.ok(next.id > b.id, 'a new alert gets a new id');
    assert.equal(alerts.ack(9999), false);
    journal.close();
  });

  test('pruning: acknowledged ones go after 30 days or beyond the newest N; unacknowledged ones always stay', () => {
    const tmp = fresh();
    const c = clock();
    const journal = tmp.open();
    const alerts = new StaffAlerts({ store: journal.alerts, now: c.now, pruning: { maxAckedAgeMs: 30 * DAY, maxAcked: 3 } });
    const oldUnacked = alerts.raise({ code: 'refund-voucher', severity: 'error', reference: 'RV-1' });
    const oldAcked = alerts.raise({ code: 'paper-low', severity: 'info' });
    alerts.ack(oldAcked.id);
    c.advance(31 * DAY);
    const trigger = alerts.raise({ code: 'paper-low', severity: 'info' });
    assert.deepEqual(
      alerts.list().map((x) => x.id),
      [oldUnacked.id, trigger.id],
      'the month-old acknowledged alert is gone, the unacknowledged one stays',
    );

    const acked = [trigger.id];
    alerts.ack(trigger.id);
    for (let i = 0; i < 4; i++) {
      const x = alerts.raise({ code: 'paper-low', severity: 'info', reference: `N-${i}` });
      alerts.ack(x.id);
      acked.push(x.id);
    }
    alerts.raise({ code: 'paper-low', severity: 'info', reference: 'last' }); // pruning runs on raise
    const kept = alerts.list().map((x) => x.id);
    assert.deepEqual(
      kept.filter((id) => acked.includes(id)),
      acked.slice(-3),
      'only the newest 3 acknowledged alerts are kept',
    );
    assert.ok(kept.includes(oldUnacked.id));
    assert.deepEqual(
      journal.alerts.list().map((x) => x.id),
      kept,
      'memory and journal agree',
    );
    // Pruned ids are never given again.
    const after = alerts.raise({ code: 'paper-low', severity: 'info' });
    assert.ok(after.id > Math.max(...acked) + 1);
    // The journal itself refuses to delete an unacknowledged alert.
    assert.throws(() => journal.db.prepare('DELETE FROM staff_alerts WHERE id = ?').run(oldUnacked.id), /never deleted/);
    journal.close();
  });

  test('an alert the store cannot take is still shown, never thrown, and written later under its own id', () => {
    const tmp = fresh();
    const journal = tmp.open();
    let failing = false;
    const real = journal.alerts;
    const store: Pick<StaffAlertStore, 'list' | 'insert' | 'ack' | 'prune' | 'lastId'> = {
      list: () => real.list(),
      lastId: () => real.lastId(),
      prune: (now, p) => real.prune(now, p),
      ack: (id, at) => real.ack(id, at),
      insert: (a, at) => {
        if (failing) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
        return real.insert(a, at);
      },
    };
    const alerts = new StaffAlerts({ store });
    alerts.raise({ code: 'refund-voucher', severity: 'error', reference: 'RV-1' });
    failing = true;
    const lost = alerts.raise({ code: 'backend-void-failed', severity: 'warning', reference: 'SER-0001' });
    assert.ok(
      alerts.list().some((a) => a.id === lost.id),
      'shown from memory',
    );
    assert.equal(alerts.unsavedCount(), 1);
    assert.equal(alerts.ack(lost.id), true);
    assert.equal(real.list().length, 1);
    failing = false;
    alerts.raise({ code: 'paper-low', severity: 'info' });
    assert.equal(alerts.unsavedCount(), 0);
    const stored = real.list().find((a) => a.id === lost.id);
    assert.ok(stored && stored.reference === 'SER-0001' && stored.ackedAt !== undefined, 'written with its id and acknowledgement');
    journal.close();
  });

  test('a closed journal (shutdown) still lets raise and list work', () => {
    const tmp = fresh();
    const journal = tmp.open();
    const alerts = new StaffAlerts({ store: journal.alerts });
    journal.close();
    const a = alerts.raise({ code: 'journal-write-failed', severity: 'error', reference: 'TX-1' });
    assert.equal(alerts.list().at(-1)?.id, a.id);
    assert.equal(alerts.ack(a.id), true);
  });

  test('memory mode keeps the newest 200, dropping acknowledged ones first', () => {
    const alerts = new StaffAlerts();
    const first = alerts.raise({ code: 'refund-voucher', severity: 'error', reference: 'RV-1' });
    const second = alerts.raise({ code: 'paper-low', severity: 'info' });
    alerts.ack(second.id);
    for (let i = 0; i < 199; i++) alerts.raise({ code: 'paper-low', severity: 'info' });
    assert.equal(alerts.list().length, 200);
    assert.ok(
      alerts.list().some((a) => a.id === first.id),
      'the unacknowledged one stays',
    );
    assert.ok(!alerts.list().some((a) => a.id === second.id));
  });
});
