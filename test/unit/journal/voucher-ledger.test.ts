import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JournalError } from '../../../main/journal/journal-errors';
import { JOURNAL_MIGRATIONS } from '../../../main/journal/journal-schema';
import { openDatabase } from '../../../platform/sqlite/open-database';
import { driveTo, tempJournalDir } from './journal-test-helpers';
import { cleanedAfterFile } from '../../support/cleaned-after';

const fresh = cleanedAfterFile(tempJournalDir);

const code = (e: unknown): string | undefined => (e instanceof JournalError ? e.code : undefined);

describe('refund voucher ledger', () => {
  test('a voucher refund creates its voucher in the same commit: the part the machine did not return, with an 8-hex 照合コード', () => {
    const j = fresh().open();
    const tx = driveTo(j, 'voided');
    const number = j.nextVoucherNumber();
    j.markRefunded(tx.id, { method: 'voucher', amountYen: 300, reason: 'print-failed', voucherNumber: number, cashReturnedYen: 100 });
    const v = j.vouchers.get(number);
    assert.equal(v?.txId, tx.id);
    assert.equal(v?.amountYen, 200, 'the 100 yen the machine did give back is not owed');
    assert.equal(v?.reason, 'print-failed');
    assert.match(v?.checkCode ?? '', /^[0-9A-F]{8}$/);
    assert.equal(v?.slipPrintedAt, undefined);
    j.close();
  });

  test('crash recovery vouchers (written by the journal, not by markRefunded) are in the ledger too', () => {
    const j = fresh().open();
    const tx = driveTo(j, 'printing');
    const r = j.recoverAfterCrash({ printerReady: false });
    const refund = r.actions.find((a) => a.kind === 'refund');
    assert.ok(refund?.kind === 'refund');
    assert.deepEqual(
      { ...j.vouchers.get(refund.voucherNumber), checkCode: 'x', issuedAt: 0 },
      {
        number: refund.voucherNumber,
        txId: tx.id,
        amountYen: 300,
        reason: 'print-outcome-unknown',
        checkCode: 'x',
        issuedAt: 0,
      },
    );
    j.close();
  });

  test('issue() records cash a failed payment could not give back, on a sale that is then cancelled', () => {
    const j = fresh().open();
    const tx = driveTo(j, 'authenticated');
    const number = j.nextVoucherNumber();
    j.vouchers.issue({ number, txId: tx.id, amountYen: 200, reason: 'payment-failed' });
    j.cancel(tx.id, 'payment-failed');
    assert.equal(j.vouchers.get(number)?.amountYen, 200);
    assert.deepEqual(
      j
        .events(tx.id)
        .map((e) => [e.from, e.to])
        .slice(-2),
      [
        ['authenticated', 'authenticated'],
        ['authenticated', 'cancelled'],
      ],
    );
    assert.throws(() => j.vouchers.issue({ number, txId: tx.id, amountYen: 200, reason: 'payment-failed' }), 'one number, one voucher');
    assert.throws(
      () => j.vouchers.issue({ number: 'RV-X-1', txId: tx.id, amountYen: 0, reason: 'payment-failed' }),
      (e) => code(e) === 'invalid-input',
    );
    j.close();
  });

  test('settle: amount must match; with a printed slip the 照合コード is required and checked; paid out once', () => {
    const j = fresh().open({ now: () => Date.UTC(2026, 10, 28, 3, 0, 0) });
    const tx = driveTo(j, 'paid');
    const number = j.nextVoucherNumber();
    j.markRefunded(tx.id, { method: 'voucher', amountYen: 300, reason: 'payment-failed', voucherNumber: number });
    j.vouchers.markSlipPrinted(number);
    const { checkCode } = j.vouchers.get(number)!;
    const wrong = checkCode === '00000000' ? '11111111' : '00000000';
    assert.throws(
      () => j.vouchers.settle({ number, amountYen: 3000, checkCode, reason: 'counter' }),
      (e) => code(e) === 'voucher-mismatch',
    );
    assert.throws(
      () => j.vouchers.settle({ number, amountYen: 300, reason: 'counter' }),
      (e) => code(e) === 'voucher-mismatch',
      'the slip was printed: its code is needed',
    );
    assert.throws(
      () => j.vouchers.settle({ number, amountYen: 300, checkCode: wrong, reason: 'counter' }),
      (e) => code(e) === 'voucher-mismatch',
    );
    assert.throws(
      () => j.vouchers.settle({ number: 'RV-KK01-20261128-9999', amountYen: 300, reason: 'counter' }),
      (e) => code(e) === 'not-found',
    );
    assert.equal(j.vouchers.get(number)?.settledAt, undefined, 'refusals change nothing');
    const settled = j.vouchers.settle({ number, amountYen: 300, checkCode: checkCode.toLowerCase(), reason: 'counter' });
    assert.equal(settled.settledAt, Date.UTC(2026, 10, 28, 3, 0, 0));
    assert.throws(
      () => j.vouchers.settle({ number, amountYen: 300, checkCode, reason: 'counter' }),
      (e) => code(e) === 'voucher-settled',
      'a copied slip pays nothing',
    );
    assert.deepEqual(j.events(tx.id).at(-1)?.detail, { voucherSettled: number, amountYen: 300, reason: 'counter' });
    assert.equal(j.get(tx.id)?.state, 'refunded');
    j.close();
  });

  test('a voucher whose slip was never printed settles on number and amount alone', () => {
    const j = fresh().open();
    const tx = driveTo(j, 'paid');
    const number = j.nextVoucherNumber();
    j.markRefunded(tx.id, { method: 'voucher', amountYen: 300, reason: 'print-failed', voucherNumber: number });
    assert.ok(j.vouchers.settle({ number, amountYen: 300, reason: 'counter' }).settledAt);
    j.close();
  });

  test('the database itself refuses deleting a voucher, changing its amount or settling it twice', () => {
    const j = fresh().open();
    const tx = driveTo(j, 'paid');
    const number = j.nextVoucherNumber();
    j.markRefunded(tx.id, { method: 'voucher', amountYen: 300, reason: 'print-failed', voucherNumber: number });
    assert.throws(() => j.db.prepare('DELETE FROM vouchers').run(), /never deleted/);
    assert.throws(() => j.db.prepare('UPDATE vouchers SET amount_yen = 1').run(), /never change/);
    j.vouchers.settle({ number, amountYen: 300, reason: 'counter' });
    assert.throws(() => j.db.prepare('UPDATE vouchers SET settled_at = 1').run(), /settled once/);
    j.close();
  });

  test('reconciliation: issued and settled that day, and what is still outstanding', () => {
    const at = Date.UTC(2026, 10, 28, 3, 0, 0);
    const j = fresh().open({ now: () => at });
    const numbers = [0, 1, 2].map(() => {
      const tx = driveTo(j, 'paid');
      const number = j.nextVoucherNumber();
      j.markRefunded(tx.id, { method: 'voucher', amountYen: 300, reason: 'print-failed', voucherNumber: number, cashReturnedYen: 50 });
      return number;
    });
    j.vouchers.settle({ number: numbers[1]!, amountYen: 250, reason: 'counter' });
    assert.deepEqual(j.reconcile('20261128').vouchers, {
      issued: { count: 3, yen: 750 },
      settled: { count: 1, yen: 250 },
      outstandingOfDay: { count: 2, yen: 500 },
      outstanding: { count: 2, yen: 500 },
    });
    assert.deepEqual(j.reconcile('20261129').vouchers.issued, { count: 0, yen: 0 });
    j.close();
  });

  test('migration 3 carries over the voucher refunds of an older journal', () => {
    const t = fresh();
    const old = openDatabase({ path: t.path, migrations: JOURNAL_MIGRATIONS.slice(0, 2) });
    old
      .prepare(
        "INSERT INTO transactions (id, kiosk_id, certificate_type, copies, amount_yen, state, seq, created_at, updated_at) VALUES ('TX-OLD-1', 'KK01', 'juminhyo', 1, 300, 'refunded', 2, 1, 2)",
      )
      .run();
    old
      .prepare("INSERT INTO events (tx_id, seq, from_state, to_state, at, detail) VALUES ('TX-OLD-1', 2, 'paid', 'refunded', 2, ?)")
      .run(JSON.stringify({ method: 'voucher', amountYen: 300, cashReturnedYen: 120, reason: 'print-failed', voucherNumber: 'RV-KK01-20261101-0001' }));
    old.close();
    const j = t.open();
    assert.equal(j.vouchers.get('RV-KK01-20261101-0001')?.amountYen, 180);
    assert.equal(j.vouchers.get('RV-KK01-20261101-0001')?.txId, 'TX-OLD-1');
    j.close();
  });
});
