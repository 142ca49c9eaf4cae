import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { IllegalTransitionError, JournalError } from '../../../main/journal/journal-errors';
import { canTransition, TRANSACTION_STATES, TRANSITIONS, type TransactionState } from '../../../main/journal/journal-states';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import { driveTo, nextSerial, tempJournalDir } from './journal-test-helpers';
import { cleanedAfterFile } from '../../support/cleaned-after';

const fresh = cleanedAfterFile(tempJournalDir);

/** One attempt per target state, with valid arguments, so only legality decides. */
const ATTEMPTS: Record<Exclude<TransactionState, 'selected'>, (j: TransactionJournal, id: string) => unknown> = {
  authenticated: (j, id) => j.markAuthenticated(id, { residentRef: 'RES-0002' }),
  paid: (j, id) => j.markPaid(id, { method: 'ic-card', reference: 'PAY-0002', amountYen: 300 }),
  printing: (j, id) => j.markPrinting(id, { serial: nextSerial() }),
  printed: (j, id) => j.markPrinted(id),
  voided: (j, id) => j.markVoided(id, { reason: 'staff-void', backendConfirmed: true }),
  refunded: (j, id) => j.markRefunded(id, { method: 'cash', amountYen: 300, reason: 'staff-refund' }),
  card_returned: (j, id) => j.markCardReturned(id),
  done: (j, id) => j.markDone(id),
  cancelled: (j, id) => j.cancel(id, 'citizen-cancelled'),
};

describe('transaction journal state machine', () => {
  test('every (from, to) pair: legal ones succeed, all others throw IllegalTransitionError and change nothing', () => {
    const t = fresh();
    const j = t.open();
    let legal = 0;
    let illegal = 0;
    for (const from of TRANSACTION_STATES) {
      for (const [to, attempt] of Object.entries(ATTEMPTS) as Array<[TransactionState, (j: TransactionJournal, id: string) => unknown]>) {
        const tx = driveTo(j, from);
        if (canTransition(from, to)) {
          attempt(j, tx.id);
          assert.equal(j.get(tx.id)?.state, to);
          legal++;
        } else {
          assert.throws(
            () => attempt(j, tx.id),
            (e: unknown) => e instanceof IllegalTransitionError && e.from === from && e.to === to,
            `${from} → ${to}`,
          );
          assert.equal(j.get(tx.id)?.state, from);
          assert.equal(j.get(tx.id)?.seq, tx.seq);
          illegal++;
        }
      }
    }
    assert.equal(legal, 13);
    assert.equal(illegal, 10 * 9 - 13);
    j.close();
  });

  test('the database mirrors the transition table and refuses illegal or destructive edits itself', () => {
    const t = fresh();
    const j = t.open();
    const tx = driveTo(j, 'paid');
    j.close();
    const raw = new Database(t.path);
    const dbPairs = (raw.prepare('SELECT from_state, to_state FROM allowed_transitions').all() as Array<{ from_state: string; to_state: string }>)
      .map((r) => `${r.from_state}>${r.to_state}`)
      .sort();
    const tsPairs = Object.entries(TRANSITIONS)
      .flatMap(([f, tos]) => tos.map((to) => `${f}>${to}`))
      .sort();
    assert.deepEqual(dbPairs, tsPairs);
    assert.throws(() => raw.prepare("UPDATE transactions SET state = 'done' WHERE id = ?").run(tx.id), /illegal transition/);
    assert.throws(() => raw.prepare('DELETE FROM transactions').run(), /never deleted/);
    assert.throws(() => raw.prepare("UPDATE events SET detail = '{}'").run(), /append-only/);
    assert.throws(() => raw.prepare('DELETE FROM events').run(), /append-only/);
    raw.close();
  });

  test('a full sale is journaled step by step with amounts, method, reference and serial, and survives reopen', () => {
    const t = fresh();
    let now = Date.UTC(2026, 10, 28, 1, 0, 0);
    const j = t.open({ now: () => (now += 1000) });
    const tx = j.begin({ certificateType: 'juminhyo', copies: 2, amountYen: 600 });
    assert.match(tx.id, /^TX-KK01-20261128-[0-9a-f]{8}$/);
    j.markAuthenticated(tx.id, { residentRef: 'RES-7f3a9c' });
    j.markPaid(tx.id, { method: 'qr', reference: 'QR-TRX-0042', amountYen: 600 });
    j.markPrinting(tx.id, { serial: 'SER-A-000001' });
    j.markPrinted(tx.id);
    j.markCardReturned(tx.id);
    j.markDone(tx.id);
    j.close();
    const again = t.open();
    const rec = again.get(tx.id);
    assert.equal(rec?.state, 'done');
    assert.deepEqual(rec?.payment, { method: 'qr', reference: 'QR-TRX-0042', amountYen: 600, at: Date.UTC(2026, 10, 28, 1, 0, 3) });
    assert.equal(rec?.serial, 'SER-A-000001');
    assert.equal(rec?.residentRef, 'RES-7f3a9c');
    const events = again.events(tx.id);
    assert.deepEqual(
      events.map((e) => e.to),
      ['selected', 'authenticated', 'paid', 'printing', 'printed', 'card_returned', 'done'],
    );
    assert.deepEqual(
      events.map((e) => e.seq),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.ok(events.every((e, i) => i === 0 || e.at > (events[i - 1]?.at ?? 0)));
    assert.deepEqual(events[2]?.detail, { method: 'qr', reference: 'QR-TRX-0042', amountYen: 600 });
    assert.deepEqual(again.list(), []);
    again.close();
  });

  test('money and identity rules: exact amount, refund equals payment, serial used once, no personal data', () => {
    const t = fresh();
    const j = t.open();
    const a = driveTo(j, 'authenticated');
    assert.throws(
      () => j.markPaid(a.id, { method: 'cash', reference: 'PAY-9', amountYen: 200 }),
      (e: unknown) => e instanceof JournalError && e.code === 'amount-mismatch',
    );
    assert.throws(() => j.markPaid(a.id, { method: 'gold' as 'cash', reference: 'PAY-9', amountYen: 300 }), JournalError);
    const b = driveTo(j, 'paid');
    assert.throws(
      () => j.markRefunded(b.id, { method: 'cash', amountYen: 100, reason: 'x-1' }),
      (e: unknown) => e instanceof JournalError && e.code === 'amount-mismatch',
    );
    assert.throws(() => j.markRefunded(b.id, { method: 'voucher', amountYen: 300, reason: 'x-1' }), JournalError);
    j.markPrinting(b.id, { serial: 'SER-UNIQUE-1' });
    j.markVoided(b.id, { reason: 'print-failed', backendConfirmed: false });
    assert.throws(
      () => j.markPrinting(b.id, { serial: 'SER-UNIQUE-1' }),
      (e: unknown) => e instanceof JournalError && e.code === 'serial-reused',
    );
    const c = driveTo(j, 'paid');
    assert.throws(
      () => j.markPrinting(c.id, { serial: 'SER-UNIQUE-1' }),
      (e: unknown) => e instanceof JournalError && e.code === 'serial-reused',
    );
    j.markPrinting(b.id, { serial: 'SER-UNIQUE-2' });
    assert.equal(j.get(b.id)?.printAttempts, 2);
    const d = j.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    for (const bad of ['山田 花子', 'Yamada Hanako', 'x', 'a/b@c']) {
      assert.throws(() => j.markAuthenticated(d.id, { residentRef: bad }), JournalError, bad);
    }
    assert.throws(() => j.begin({ certificateType: 'Juminhyo!', copies: 1, amountYen: 300 }), JournalError);
    assert.throws(() => j.begin({ certificateType: 'juminhyo', copies: 0, amountYen: 300 }), JournalError);
    assert.throws(
      () => j.markPrinted('TX-none'),
      (e: unknown) => e instanceof JournalError && e.code === 'not-found',
    );
    j.close();
  });

  test('daily reconciliation: takings by type and method, refunds, voids, net', () => {
    const t = fresh();
    const now = Date.UTC(2026, 10, 28, 2, 0, 0);
    const j = t.open({ now: () => now });
    driveTo(j, 'done');
    driveTo(j, 'done');
    const v = driveTo(j, 'voided');
    j.markRefunded(v.id, { method: 'voucher', amountYen: 300, reason: 'print-failed', voucherNumber: 'RV-TEST-1' });
    driveTo(j, 'refunded');
    const p = driveTo(j, 'authenticated');
    j.markPaid(p.id, { method: 'ic-card', reference: 'IC-1', amountYen: 300 });
    const r = j.reconcile('20261128');
    assert.deepEqual(r.sales, [
      { certificateType: 'juminhyo', method: 'cash', outcome: 'sold', count: 2, yen: 600 },
      { certificateType: 'juminhyo', method: 'cash', outcome: 'refunded', count: 2, yen: 600 },
      { certificateType: 'juminhyo', method: 'ic-card', outcome: 'open', count: 1, yen: 300 },
    ]);
    assert.deepEqual(r.refunds, [
      { method: 'cash', count: 1, yen: 300 },
      { method: 'voucher', count: 1, yen: 300 },
    ]);
    assert.equal(r.voids, 1);
    assert.equal(r.unconfirmedVoids, 0);
    assert.equal(r.printed, 2);
    assert.equal(r.netYen, 900);
    assert.equal(r.openPaidNotPrinted, 1);
    assert.deepEqual(j.reconcile('20261127').sales, []);
    j.close();
  });
});
