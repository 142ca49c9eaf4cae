/**
 * Crash recovery of a sale journaled `printing` without a job id, against the real journal and the
 * IPP printer simulator (back end faked): the job is looked up by its name, including the name an
 * older kiosk gave it (`certificate-<serial>`), and a printer that does not answer proves nothing.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IppClient } from '../../../devices/printer/ipp/ipp-client';
import { createIppPrinter } from '../../../devices/printer/ipp/ipp-printer';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import type { StaffAlert } from '../../../main/staff/staff-alert';
import { recoverCertificateSales, type CertificateRecoveryDeps } from '../../../main/certificates/recover-certificate-sales';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import { driveTo, tempJournalDir } from '../../unit/journal/journal-test-helpers';
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
    const alerts: StaffAlert[] = [];
    const voided: string[] = [];
    const deps: CertificateRecoveryDeps = {
      journal,
      printer: createIppPrinter(printerUri, { userName: 'madoguchi-kiosk', requestTimeoutMs: 500, pollIntervalMs: 5 }),
      ward: {
        issuedContent: async () => {
          throw Object.assign(new Error('gone'), { code: 'already-printed' });
        },
        markPrinted: async () => ({}) as never,
        voidIssued: async (_w: unknown, serial: string) => {
          voided.push(serial);
          return {} as never;
        },
      },
      defaultWard: 'kokurakita',
      render: async () => {
        throw new Error('nothing is rendered here');
      },
      alertStaff: (a) => alerts.push(a),
      jobSettleMs: 2_000,
      pollMs: 10,
    };
    return { journal, deps, alerts, voided };
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
});
