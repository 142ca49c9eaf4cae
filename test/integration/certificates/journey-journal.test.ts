/**
 * The certificate journey writes the transaction journal at the right moments: through the real
 * runtime (simulated card, cash unit and IPP printer, embedded back end), each runtime on its own
 * temporary data folder. The journal holds serials, types, fees, amounts, states and ids only.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { certificateJournalPath } from '../../../main/certificates/certificate-journal';
import { call, insertCash, startTestRuntime, waitForStep, type TestRuntime } from '../../support/journey-driver';

let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startTestRuntime();
});
afterEach(async () => {
  await runtime.stop();
});

async function toPay(cardId: string, pin: string): Promise<string> {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId });
  await waitForStep(runtime, 'pin');
  await call(runtime, 'certificate.submitPin', { pin, confirmedLastTry: false });
  await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
  const [tx] = runtime.journal.list(['authenticated']);
  assert.ok(tx, 'the prepared sale is journaled before any money is asked for');
  return tx.id;
}

async function payCash(yen: number): Promise<void> {
  const paying = call(runtime, 'certificate.pay', { method: 'cash' });
  await insertCash(runtime, yen);
  await paying;
}

const states = (txId: string): string[] => runtime.journal.events(txId).map((e) => (e.from === e.to ? `(${e.to})` : e.to));

describe('certificate journey journal', () => {
  test('a whole sale: selected → authenticated (serial) → paid before the card screen → printing before the job → printed → card returned → done', async () => {
    const txId = await toPay('card-001', '1234');
    const serial = runtime.journal.get(txId)?.serial;
    const issued = runtime.backend!.db.prepare('SELECT status FROM issuances WHERE serial = ?').get(serial) as { status: string } | undefined;
    assert.equal(issued?.status, 'issued', 'the journaled serial is the one the back end issued');
    await payCash(500);
    await waitForStep(runtime, 'take-card');
    assert.equal(runtime.journal.get(txId)?.state, 'paid', 'paid is durable while the citizen takes the card');
    assert.equal(runtime.devices.sim.printer!.printed.length, 0);
    assert.deepEqual(runtime.journal.get(txId)?.payment && { ...runtime.journal.get(txId)!.payment, at: 0 }, {
      method: 'cash',
      reference: txId,
      amountYen: 300,
      at: 0,
    });
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 20_000);
    const printedJob = runtime.devices.sim.printer!.printed[0];
    assert.equal(runtime.journal.get(txId)?.printJobId, printedJob?.jobId, 'the printer job id is journaled');
    await waitForStep(runtime, 'idle', 5000);
    assert.deepEqual(states(txId), ['selected', 'authenticated', 'paid', 'printing', '(printing)', 'printed', 'card_returned', 'done']);
    assert.equal(runtime.journal.reconcile(runtime.journal.day(runtime.journal.get(txId)!.payment!.at)).netYen, 300, 'the paid day');
  });

  test('戻る on the fee screen cancels the journaled sale (nothing paid); a new choice starts a new one', async () => {
    const first = await toPay('card-001', '1234');
    await call(runtime, 'certificate.back', {});
    assert.equal(runtime.journal.get(first)?.state, 'cancelled');
    await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
    const [second] = runtime.journal.list(['authenticated']);
    assert.ok(second && second.id !== first);
    await runtime.session.end('cancel');
    assert.equal(runtime.journal.get(second.id)?.state, 'cancelled', 'the wipe closes a sale nobody paid for');
  });

  test('jam after payment with no second chance: printing → voided → refunded in cash, full fee', async () => {
    const txId = await toPay('card-004', '4321');
    await payCash(300);
    await waitForStep(runtime, 'take-card');
    runtime.devices.sim.printer!.injectFault('media-jam', { atPage: 1 });
    await call(runtime, 'simulator.removeCard', {});
    const failed = await waitForStep(runtime, 'failed', 30_000);
    const tx = runtime.journal.get(txId);
    assert.equal(tx?.state, 'refunded');
    assert.equal(tx?.refund?.amountYen, 300);
    assert.equal(tx?.refund?.method, failed.owedYen > 0 ? 'voucher' : 'cash');
    assert.deepEqual(
      states(txId).filter((s) => !s.startsWith('(')),
      ['selected', 'authenticated', 'paid', 'printing', 'voided', 'refunded'],
    );
  });

  test('session wiped while the printer has the job: no refund; the job completing is journaled and staff told', async () => {
    const txId = await toPay('card-001', '1234');
    await payCash(300);
    await waitForStep(runtime, 'take-card');
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'printing');
    for (let i = 0; i < 200 && runtime.journal.get(txId)?.printJobId === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    await runtime.session.end('cancel');
    assert.equal(runtime.journey.current().step, 'idle');
    for (let i = 0; i < 500 && runtime.journal.get(txId)?.state === 'printing'; i++) await new Promise((r) => setTimeout(r, 20));
    const tx = runtime.journal.get(txId);
    assert.equal(tx?.state, 'done', 'printed: never both paper and money back');
    assert.equal(tx?.refund, undefined);
    assert.equal(runtime.devices.payment.get(txId)?.refunded, 0);
    assert.equal(runtime.devices.sim.printer!.printed.length, 1);
    assert.ok(runtime.staffAlerts.list().some((a) => a.code === 'certificate-left-in-tray'));
  });

  test('session wiped while the printer has the job: the tray alert is raised with the printed state, not after the back end answers', async () => {
    const txId = await toPay('card-001', '1234');
    await payCash(300);
    await waitForStep(runtime, 'take-card');
    // The back end is slow to record the printed serial: it answers only when the test lets it.
    const client = runtime.ward.client;
    const markPrinted = client.markPrinted.bind(client);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    client.markPrinted = async (...args: Parameters<typeof markPrinted>) => {
      await released;
      return markPrinted(...args);
    };
    try {
      await call(runtime, 'simulator.removeCard', {});
      await waitForStep(runtime, 'printing');
      for (let i = 0; i < 200 && runtime.journal.get(txId)?.printJobId === undefined; i++) await new Promise((r) => setTimeout(r, 10));
      await runtime.session.end('cancel');
      for (let i = 0; i < 500 && runtime.journal.get(txId)?.state === 'printing'; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(runtime.journal.get(txId)?.state, 'done');
      assert.ok(
        runtime.staffAlerts.list().some((a) => a.code === 'certificate-left-in-tray'),
        'told as soon as the journal says printed',
      );
    } finally {
      release();
      client.markPrinted = markPrinted;
    }
  });

  test('the journal cannot record the payment: the money goes back at once, nothing is printed, staff are told', async () => {
    const txId = await toPay('card-001', '1234');
    const journal = runtime.journal;
    const markPaid = journal.markPaid.bind(journal);
    journal.markPaid = () => {
      throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
    };
    try {
      await payCash(300);
    } finally {
      journal.markPaid = markPaid;
    }
    const failed = await waitForStep(runtime, 'failed');
    assert.equal(failed.messageKey, 'certificate.error.paymentFailed');
    assert.equal(failed.refundedYen + failed.owedYen, 300, 'every yen back');
    assert.equal(runtime.journal.get(txId)?.state, 'cancelled', 'never paid in the journal, so never printed');
    assert.ok(runtime.staffAlerts.list().some((a) => a.code === 'journal-write-failed' && a.reference === txId));
    await call(runtime, 'simulator.removeCard', {});
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(runtime.devices.sim.printer!.printed.length, 0);
  });

  test('no personal data in the journal file: no name, no My Number', async () => {
    await toPay('card-001', '1234');
    await payCash(300);
    await waitForStep(runtime, 'take-card');
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 20_000);
    const file = certificateJournalPath(runtime.config);
    const raw = [file, `${file}-wal`].map((f) => (existsSync(f) ? readFileSync(f).toString('utf8') : '')).join('');
    assert.ok(raw.includes('juminhyo'), 'the file is readable as text (the check below means something)');
    // card-001's resident: name and 個人番号 as the certificate PDF shows them.
    for (const personal of ['髙橋', '382719460526']) assert.ok(!raw.includes(personal), 'personal data must not be journaled');
  });
});
