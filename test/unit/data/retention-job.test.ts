/**
 * The retention job runs at start and once a day on an injected clock, with the configured cut-off,
 * over the real journal and outbox receipts; a failing run alerts staff and the next day's runs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StaffAlert } from '../../../main/staff/staff-alert';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { ConfigError, mergeConfig, parseConfig } from '../../../main/config/load-config';
import { DAY_MS, startRetentionJob } from '../../../main/data/retention-job';
import type { Clock } from '../../../platform/clock';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { driveTo, tempJournalDir } from '../journal/journal-test-helpers';

const T0 = Date.UTC(2026, 2, 1, 0, 0, 0);
const fresh = cleanedAfterFile(tempJournalDir);

function fakeClock(start: number) {
  let now = start;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at > now) continue;
      timers.delete(id);
      t.fn();
    }
  };
  return { clock, advance, pending: () => timers.size, setNow: (t: number) => void (now = t) };
}

describe('retention job', () => {
  test('runs at start and daily, deleting finished sales and receipts older than retentionDays', () => {
    const time = fakeClock(T0);
    const journal = fresh().open({ now: time.clock.now });
    const old = driveTo(journal, 'done');
    time.setNow(T0 + 5 * DAY_MS);
    const younger = driveTo(journal, 'done');
    const cutoffs: number[] = [];
    const outbox = {
      pruneReceipts: (before: number) => {
        cutoffs.push(before);
        return 1;
      },
    };

    time.setNow(T0 + 31 * DAY_MS);
    const job = startRetentionJob({ retentionDays: 30, journal, outbox, alertStaff: () => undefined, clock: time.clock });
    assert.deepEqual(cutoffs, [T0 + DAY_MS], 'ran at start with now - 30 days');
    assert.equal(journal.get(old.id), undefined);
    assert.equal(journal.get(younger.id)?.state, 'done');

    time.advance(DAY_MS - 1);
    assert.equal(cutoffs.length, 1, 'not before a day has passed');
    time.advance(5 * DAY_MS);
    assert.equal(cutoffs.length, 2, 'the daily run');
    assert.equal(journal.get(younger.id), undefined, 'past 30 days by then');
    time.advance(DAY_MS);
    assert.equal(cutoffs.length, 3, 're-armed every day');

    job.stop();
    assert.equal(time.pending(), 0);
    time.advance(2 * DAY_MS);
    assert.equal(cutoffs.length, 3, 'nothing after stop');
    journal.close();
  });

  test('a failing run alerts staff and is tried again the next day', () => {
    const time = fakeClock(T0);
    const journal = fresh().open({ now: time.clock.now });
    const alerts: StaffAlert[] = [];
    let fail = true;
    const outbox = {
      pruneReceipts: () => {
        if (fail) throw Object.assign(new Error('disk'), { code: 'SQLITE_BUSY' });
        return 0;
      },
    };
    const job = startRetentionJob({ retentionDays: 90, journal, outbox, alertStaff: (a) => alerts.push(a), clock: time.clock });
    assert.deepEqual(alerts, [{ code: 'retention-failed', severity: 'warning' }]);
    fail = false;
    time.advance(DAY_MS);
    assert.equal(alerts.length, 1);
    assert.deepEqual(job.runNow(), { receipts: 0, transactions: 0, pendingVoids: 0 });
    job.stop();
    journal.close();
  });

  test('retentionDays: 90 by default, at least 7', () => {
    const { retentionDays: _omitted, ...withoutRetention } = DEFAULT_CONFIG;
    assert.equal(parseConfig(withoutRetention, 'test').retentionDays, 90);
    assert.throws(() => parseConfig(mergeConfig(DEFAULT_CONFIG, { retentionDays: 3 }), 'test'), ConfigError);
  });
});
