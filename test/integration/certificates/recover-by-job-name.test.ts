/**
 * Crash recovery of a sale journaled `printing` without a job id, against the real journal and the
 * IPP printer simulator (back end faked): the job is looked up by its name, including the name an
 * older kiosk gave it (`certificate-<serial>`), and a printer that does not answer proves nothing.
 * A basket sale (several certificates, one payment, each item its own transaction: basket.ts) is
 * settled item by item: the voucher covers exactly the items not printed.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IppClient } from '../../../devices/printer/ipp/ipp-client';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import type { StaffAlert } from '../../../main/staff/staff-alert';
import { recoverCertificateSales, type CertificateRecoveryDeps } from '../../../main/certificates/recover-certificate-sales';
import { refundDue } from '../../../main/certificates/basket';
import { recoveryWithFakeBackend } from './recovery-fakes';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import { driveTo, nextSerial, tempJournalDir } from '../../unit/journal/journal-test-helpers';
import { makeTestPdf } from '../printer/test-pdf';

describe('recovery finds a job by name when no id was journaled', () => {
  let sim: PrinterSimulator;
  let pdf: Buffer;
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    sim = await startPrinterSimulator({ msPerPage: 5, spoolDir: null });
    pdf = await makeTestPdf(1);
  });
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.();
  });
  after(() => sim.stop());

  function setup(printerUri: string): { journal: TransactionJournal; deps: CertificateRecoveryDeps; alerts: StaffAlert[]; voided: string[] } {
    const tmp = tempJournalDir();
    const journal = tmp.open();
    cleanups.push(
      () => tmp.cleanup(),
      () => journal.close(),
    );
    return { journal, ...recoveryWithFakeBackend(journal, printerUri) };
  }

  const kioskClient = () => new IppClient(sim.uri, { requestTimeoutMs: 2_000, submitTimeoutMs: 2_000, userName: 'madoguchi-kiosk' });
  async function completed(jobId: number): Promise<void> {
    while ((await kioskClient().getJob(jobId)).state !== 'completed') await new Promise((r) => setTimeout(r, 5));
  }

  test('a job an older kiosk named certificate-<serial> completed: confirmed printed, no voucher', async () => {
    const { journal, deps, voided } = setup(sim.uri);
    const tx = driveTo(journal, 'printing');
    await completed(await kioskClient().printJob(pdf, `certificate-${tx.serial}`, 1));
    const outcomes = await recoverCertificateSales(deps);
    assert.deepEqual(outcomes, [{ txId: tx.id, outcome: 'confirmed-printed', serial: tx.serial }]);
    assert.equal(journal.get(tx.id)?.state, 'done');
    assert.deepEqual(voided, []);
  });

  test("a job under the attempt's own name (attempt 1) completed: confirmed printed", async () => {
    const { journal, deps } = setup(sim.uri);
    const tx = driveTo(journal, 'printing');
    await completed(await kioskClient().printJob(pdf, `certificate-${tx.serial}-1`, 1));
    assert.deepEqual(await recoverCertificateSales(deps), [{ txId: tx.id, outcome: 'confirmed-printed', serial: tx.serial }]);
  });

  test("another user's completed job of the same name is not ours: not confirmed; content gone → voucher, serial voided", async () => {
    const { journal, deps, voided, alerts } = setup(sim.uri);
    const tx = driveTo(journal, 'printing');
    const other = new IppClient(sim.uri, { requestTimeoutMs: 2_000, submitTimeoutMs: 2_000, userName: 'someone-else' });
    const theirs = await other.printJob(pdf, `certificate-${tx.serial}-1`, 1);
    while ((await other.getJob(theirs)).state !== 'completed') await new Promise((r) => setTimeout(r, 5));
    const [outcome] = await recoverCertificateSales(deps);
    assert.ok(outcome?.outcome === 'refunded', JSON.stringify(outcome));
    assert.equal(outcome.serial, tx.serial);
    assert.deepEqual(voided, [tx.serial]);
    assert.ok(alerts.some((a) => a.code === 'recovery-refund-voucher'));
  });

  test('the printer does not answer: unknown → voucher and void, nothing printed', async () => {
    const dead = await startPrinterSimulator({ msPerPage: 5, spoolDir: null });
    const uri = dead.uri;
    await dead.stop();
    const { journal, deps, voided } = setup(uri);
    const tx = driveTo(journal, 'printing');
    const [outcome] = await recoverCertificateSales(deps);
    assert.ok(outcome?.outcome === 'refunded' && outcome.reason === 'print-outcome-unknown', JSON.stringify(outcome));
    assert.deepEqual(voided, [tx.serial]);
  });

  /** One basket item: its own transaction and serial, paid by the basket's one payment. */
  function paidItem(journal: TransactionJournal, certificateType: string, amountYen: number): { id: string; serial: string; amountYen: number } {
    const tx = journal.begin({ certificateType, copies: 1, amountYen });
    const serial = nextSerial();
    journal.markAuthenticated(tx.id, { residentRef: 'RES-0001', serial, issuer: 'kokurakita' });
    journal.markPaid(tx.id, { method: 'cash', reference: 'PAY-BASKET-01', amountYen });
    return { id: tx.id, serial, amountYen };
  }

  test('crash mid-run: the printed item stays sold, the one the printer finished is confirmed, only the unprinted one is refunded', async () => {
    const { journal, deps, voided } = setup(sim.uri);
    const printed = paidItem(journal, 'juminhyo', 600);
    journal.markPrinting(printed.id, { serial: printed.serial });
    journal.markPrinted(printed.id);
    const atPrinter = paidItem(journal, 'kazei', 300);
    journal.markPrinting(atPrinter.id, { serial: atPrinter.serial });
    const notStarted = paidItem(journal, 'koseki-zenbu', 450);
    // The printer finished the second item's job before the crash (its id never got journaled).
    await completed(await kioskClient().printJob(pdf, `certificate-${atPrinter.serial}-1`, 1));

    // The third item's content is not recoverable (the fake back end has none): it is refunded.
    const outcomes = await recoverCertificateSales(deps);

    const byTx = new Map(outcomes.map((o) => [o.txId, o]));
    assert.equal(byTx.has(printed.id), false, 'the item printed before the crash is not touched');
    assert.equal(byTx.get(atPrinter.id)?.outcome, 'confirmed-printed');
    const refund = byTx.get(notStarted.id);
    assert.ok(refund?.outcome === 'refunded', JSON.stringify(refund));
    assert.deepEqual(voided, [notStarted.serial], 'only the unprinted serial is voided');
    // Exactly the fees of the items not printed: what the journey's own refund rule gives.
    const due = refundDue([
      { serial: printed.serial, paidYen: 600, printed: true },
      { serial: atPrinter.serial, paidYen: 300, printed: true },
      { serial: notStarted.serial, paidYen: 450, printed: false },
    ]);
    assert.equal(refund.amountYen, due.amountYen);
    assert.equal(
      outcomes.reduce((sum, o) => sum + (o.outcome === 'refunded' ? o.amountYen : 0), 0),
      450,
      'no voucher for a printed item',
    );
    assert.equal(journal.get(printed.id)?.state, 'printed');
    assert.equal(journal.get(atPrinter.id)?.state, 'done');
    assert.equal(journal.get(notStarted.id)?.state, 'refunded');
  });
  test('a sale authenticated (serial issued) but never paid is cancelled and its serial voided; one still selected has no serial to void', async () => {
    const { journal, deps, voided } = setup(sim.uri);
    const unpaid = driveTo(journal, 'authenticated');
    const chosen = driveTo(journal, 'selected');
    const outcomes = await recoverCertificateSales(deps);
    assert.deepEqual(
      outcomes.filter((o) => o.outcome === 'cancelled'),
      [
        { txId: unpaid.id, outcome: 'cancelled', serial: unpaid.serial, voidConfirmed: true },
        { txId: chosen.id, outcome: 'cancelled' },
      ],
    );
    assert.deepEqual(voided, [unpaid.serial], 'the issued, unpaid serial does not stay issued at the back end');
    assert.equal(journal.get(unpaid.id)?.state, 'cancelled');
  });
});
