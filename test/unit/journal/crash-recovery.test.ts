import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RecoveryAction } from '../../../main/journal/crash-recovery';
import { driveTo, nextSerial, tempJournalDir } from './journal-test-helpers';

const temps: Array<ReturnType<typeof tempJournalDir>> = [];
function fresh(): ReturnType<typeof tempJournalDir> {
  const t = tempJournalDir();
  temps.push(t);
  return t;
}
after(() => temps.forEach((t) => t.cleanup()));

const healthy = { printerReady: true, backendReachable: true };
const strip = (a: RecoveryAction): Omit<RecoveryAction, 'isNew'> => {
  const { isNew: _isNew, ...rest } = a;
  return rest;
};

describe('journal crash recovery', () => {
  test('healthy kiosk: paid → print, printing → void and re-issue; a second run decides nothing new', () => {
    const t = fresh();
    const j = t.open();
    const paid = driveTo(j, 'paid');
    const printing = driveTo(j, 'printing');
    driveTo(j, 'done');
    const before = driveTo(j, 'authenticated');
    const first = j.recoverAfterCrash(healthy);
    assert.deepEqual(first.cancelled, [before.id]);
    assert.deepEqual(
      first.actions.map((a) => [a.kind, a.txId, a.isNew]),
      [
        ['print', paid.id, true],
        ['void-and-reissue', printing.id, true],
      ],
    );
    const reissue = first.actions[1];
    assert.ok(reissue?.kind === 'void-and-reissue');
    assert.equal(reissue.voidSerial, printing.serial);
    assert.equal(j.get(paid.id)?.state, 'paid', 'no state change until the lead acts');

    const second = j.recoverAfterCrash(healthy);
    assert.deepEqual(second.cancelled, []);
    assert.deepEqual(second.actions.map(strip), first.actions.map(strip));
    assert.ok(second.actions.every((a) => !a.isNew));

    // The lead carries the actions out through the normal transitions.
    j.markPrinting(paid.id, { serial: nextSerial() });
    j.markPrinted(paid.id);
    j.markVoided(printing.id, { reason: 'crash-recovery', backendConfirmed: true });
    const newSerial = nextSerial();
    j.markPrinting(printing.id, { serial: newSerial });
    j.markPrinted(printing.id);
    assert.equal(j.get(printing.id)?.serial, newSerial);
    assert.equal(j.get(printing.id)?.printAttempts, 2);
    assert.deepEqual(j.recoverAfterCrash(healthy), { actions: [], cancelled: [] });
    j.close();
  });

  test('printer not ready: refund vouchers are journaled at once, serials voided, staff alerted; idempotent until completed', () => {
    const t = fresh();
    const j = t.open({ now: () => Date.UTC(2026, 10, 28, 3, 0, 0) });
    const paid = driveTo(j, 'paid');
    const printing = driveTo(j, 'printing');
    const first = j.recoverAfterCrash({ printerReady: false, backendReachable: true });
    assert.equal(first.actions.length, 2);
    const [a, b] = first.actions;
    assert.ok(a?.kind === 'refund' && b?.kind === 'refund');
    assert.deepEqual([a.voucherNumber, b.voucherNumber], ['RV-KK01-20261128-0001', 'RV-KK01-20261128-0002']);
    assert.equal(a.voidSerial, undefined);
    assert.equal(b.voidSerial, printing.serial);
    assert.deepEqual(b.staffAlert, { code: 'refund-voucher-issued', txId: printing.id, voucherNumber: b.voucherNumber, amountYen: 300, reason: 'printer-not-ready', voidSerial: printing.serial });
    assert.equal(j.get(paid.id)?.state, 'refunded');
    assert.deepEqual(j.get(printing.id)?.refund, { method: 'voucher', amountYen: 300, voucherNumber: 'RV-KK01-20261128-0002', at: Date.UTC(2026, 10, 28, 3, 0, 0) });
    assert.deepEqual(j.events(printing.id).map((e) => e.to).slice(-2), ['voided', 'refunded']);
    const rec = j.reconcile('20261128');
    assert.equal(rec.unconfirmedVoids, 1);
    assert.equal(rec.netYen, 0);
    assert.equal(rec.openPaidNotPrinted, 0);

    const again = j.recoverAfterCrash({ printerReady: true, backendReachable: true });
    assert.deepEqual(again.actions.map(strip), first.actions.map(strip), 'same vouchers, not re-decided');
    assert.ok(again.actions.every((x) => !x.isNew));

    j.confirmVoid(printing.serial ?? '');
    assert.equal(j.reconcile('20261128').unconfirmedVoids, 0);
    for (const x of first.actions) j.completeRecovery(x.decisionId);
    assert.deepEqual(j.recoverAfterCrash(healthy), { actions: [], cancelled: [] });
    j.close();
  });

  test('back end unreachable, or print attempts exhausted → refund instead of printing', () => {
    const t = fresh();
    const j = t.open();
    const paid = driveTo(j, 'paid');
    const r1 = j.recoverAfterCrash({ printerReady: true, backendReachable: false });
    assert.ok(r1.actions[0]?.kind === 'refund' && r1.actions[0].staffAlert.reason === 'backend-unreachable');
    assert.equal(j.get(paid.id)?.state, 'refunded');

    const twice = driveTo(j, 'voided');
    j.markPrinting(twice.id, { serial: nextSerial() }); // second serial: attempts = 2
    const r2 = j.recoverAfterCrash({ ...healthy, maxPrintAttempts: 2 });
    const act = r2.actions.find((x) => x.txId === twice.id);
    assert.ok(act?.kind === 'refund' && act.staffAlert.reason === 'print-attempts-exhausted');
    j.close();
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
    const r = j.recoverAfterCrash(healthy);
    assert.deepEqual(r.actions.map((a) => [a.kind, a.txId]).sort(), [['print', ids.PAID], ['void-and-reissue', ids.PRINTING]].sort());
    j.close();
  });
});
