import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RecoveryAction } from '../../../main/journal/crash-recovery';
import { driveTo, tempJournalDir } from './journal-test-helpers';
import { cleanedAfterFile } from '../../support/cleaned-after';

const fresh = cleanedAfterFile(tempJournalDir);

const strip = (a: RecoveryAction): Omit<RecoveryAction, 'isNew'> => {
  const { isNew: _isNew, ...rest } = a;
  return rest;
};

describe('journal crash recovery', () => {
  test('healthy kiosk: paid → reprint the same serial; printing → the printer decides (completed, not printed, unknown)', () => {
    const t = fresh();
    const j = t.open({ now: () => Date.UTC(2026, 10, 28, 3, 0, 0) });
    const paid = driveTo(j, 'paid');
    const completed = driveTo(j, 'printing');
    const aborted = driveTo(j, 'printing');
    const unknown = driveTo(j, 'printing');
    driveTo(j, 'done');
    const before = driveTo(j, 'authenticated');
    const recoverable = new Set([paid.id, completed.id, aborted.id, unknown.id]);
    const r = j.recoverAfterCrash({
      printerReady: true,
      contentRecoverable: recoverable,
      printJobs: { [completed.id]: 'completed', [aborted.id]: 'not-printed' },
    });
    assert.deepEqual(r.cancelled, [before.id]);
    const byTx = new Map(r.actions.map((a) => [a.txId, a]));
    assert.deepEqual(byTx.get(paid.id), { kind: 'reprint', txId: paid.id, serial: paid.serial, state: 'paid', copies: 1, isNew: true });
    assert.deepEqual(byTx.get(completed.id), { kind: 'confirm-printed', txId: completed.id, serial: completed.serial, isNew: true });
    assert.equal(byTx.get(aborted.id)?.kind, 'reprint');
    const refund = byTx.get(unknown.id);
    assert.ok(refund?.kind === 'refund');
    assert.equal(refund.staffAlert.reason, 'print-outcome-unknown');
    assert.equal(refund.voidSerial, unknown.serial, 'a paper that may exist is voided at the back end');
    assert.equal(refund.voucherNumber, 'RV-KK01-20261128-0001');
    assert.deepEqual(
      j
        .events(unknown.id)
        .map((e) => e.to)
        .slice(-2),
      ['voided', 'refunded'],
    );
    assert.equal(j.get(paid.id)?.state, 'paid', 'no state change until the caller acts');
  });

  test('a second run decides nothing new: same voucher; carried-out actions vanish; completed refunds close', () => {
    const t = fresh();
    const j = t.open();
    const paid = driveTo(j, 'paid');
    const printing = driveTo(j, 'printing');
    const policy = { printerReady: true, contentRecoverable: new Set([paid.id]) };
    const first = j.recoverAfterCrash(policy);
    const second = j.recoverAfterCrash(policy);
    assert.deepEqual(second.actions.map(strip), first.actions.map(strip));
    const refund = second.actions.find((a) => a.kind === 'refund');
    assert.ok(refund?.kind === 'refund' && !refund.isNew && refund.txId === printing.id);
    assert.equal(j.get(printing.id)?.refund?.voucherNumber, refund.voucherNumber, 'one voucher, not two');

    // The caller carries the reprint out through the normal transitions and completes the refund.
    j.markPrinting(paid.id, { serial: paid.serial ?? '' });
    j.recordPrintJob(paid.id, 7);
    j.markPrinted(paid.id);
    j.completeRecovery(refund.decisionId);
    assert.deepEqual(j.recoverAfterCrash(policy), { actions: [], cancelled: [] });
    const rec = j.reconcile(j.day(j.now()));
    assert.equal(rec.openPaidNotPrinted, 0);
    assert.equal(rec.netYen, 300, 'one sale kept, one refunded');
  });

  test('printer not ready, content lost, or attempts used up → voucher refund of the full fee', () => {
    const t = fresh();
    const j = t.open();
    const a = driveTo(j, 'paid');
    const b = driveTo(j, 'paid');
    const c = driveTo(j, 'printing');
    j.markResend(c.id, { reason: 'printer-jam' });
    j.markResend(c.id, { reason: 'printer-jam' });
    assert.equal(j.get(c.id)?.printAttempts, 3);
    const r = j.recoverAfterCrash({ printerReady: false, contentRecoverable: new Set([a.id, c.id]), printJobs: { [c.id]: 'not-printed' } });
    const reasons = Object.fromEntries(r.actions.map((x) => [x.txId, x.kind === 'refund' ? [x.staffAlert.reason, x.amountYen] : x.kind]));
    assert.deepEqual(reasons, { [a.id]: ['printer-not-ready', 300], [b.id]: ['content-unrecoverable', 300], [c.id]: ['printer-not-ready', 300] });
    const r2 = j.recoverAfterCrash({ printerReady: true, contentRecoverable: new Set([a.id, b.id, c.id]) });
    assert.ok(
      r2.actions.every((x) => x.kind === 'refund' && !x.isNew),
      'a refunded sale is never reprinted later',
    );
    const d = driveTo(j, 'printing');
    j.markResend(d.id, { reason: 'printer-jam' });
    j.markResend(d.id, { reason: 'printer-jam' });
    const r3 = j.recoverAfterCrash({ printerReady: true, contentRecoverable: new Set([d.id]), printJobs: { [d.id]: 'not-printed' } });
    const act = r3.actions.find((x) => x.txId === d.id);
    assert.ok(act?.kind === 'refund' && act.staffAlert.reason === 'print-attempts-exhausted');
  });

  test('the print job id is journaled in printing and cleared by a re-send', () => {
    const t = fresh();
    const j = t.open();
    const tx = driveTo(j, 'printing');
    assert.equal(j.recordPrintJob(tx.id, 42).printJobId, 42);
    const resent = j.markResend(tx.id, { reason: 'printer-jam' });
    assert.equal(resent.printJobId, undefined);
    assert.equal(resent.state, 'printing');
    assert.deepEqual(
      j
        .events(tx.id)
        .slice(-2)
        .map((e) => [e.from, e.to, e.detail]),
      [
        ['printing', 'printing', { printJobId: 42 }],
        ['printing', 'printing', { resend: true, reason: 'printer-jam' }],
      ],
    );
    const paid = driveTo(j, 'paid');
    assert.throws(() => j.recordPrintJob(paid.id, 1), /paid → printing is not allowed/);
  });

  test('a kiosk process SIGKILLed between paid and printed: recovery finds both open transactions', async () => {
    const t = fresh();
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'journal-crash-child.ts'), t.path], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, MADOGUCHI_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ids: Record<string, string> = {};
    await new Promise<void>((resolveReady, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        for (const m of buf.matchAll(/^(PAID|PRINTING) (\S+)$/gm)) if (m[1] && m[2]) ids[m[1]] = m[2];
        if (ids.PAID && ids.PRINTING) resolveReady();
      });
      child.on('exit', () => reject(new Error('child exited early')));
    });
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    const j = t.open();
    assert.equal(j.get(ids.PAID ?? '')?.state, 'paid');
    assert.equal(j.get(ids.PRINTING ?? '')?.state, 'printing');
    const r = j.recoverAfterCrash({ printerReady: true, contentRecoverable: new Set([ids.PAID ?? '']), printJobs: { [ids.PRINTING ?? '']: 'completed' } });
    assert.deepEqual(
      r.actions.map((a) => [a.kind, a.txId]).sort(),
      [
        ['reprint', ids.PAID],
        ['confirm-printed', ids.PRINTING],
      ].sort(),
    );
    j.close();
  });
});
