/**
 * The one contract suite every `Printer` binding must pass. Run against the IPP client + our
 * simulator in printer-contract.test.ts, and against a real printer when TEST_PRINTER is set.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PrinterError, type Printer, type PrintProgress } from '../../../devices/printer/printer';
import { makeTestPdf } from './test-pdf';

/** What the suite needs from a target. */
export interface PrinterContractTarget {
  /** The printer under test. */
  printer: Printer;
  /** Documents the printer has received, if the target can tell (the simulator can). */
  receivedCount?: () => number;
  /** True if jobs take long enough that a cancel lands before completion. */
  slowJobs?: () => Promise<Printer>;
  teardown(): Promise<void>;
}

export function printerContract(name: string, setup: () => Promise<PrinterContractTarget>): void {
  describe(`Printer contract: ${name}`, () => {
    let t: PrinterContractTarget;
    let pdf: Buffer;
    before(async () => {
      t = await setup();
      pdf = await makeTestPdf(2);
    });
    after(async () => t.teardown());

    test('health is ready before printing', async () => {
      const h = await t.printer.health();
      assert.equal(h.ready, true, JSON.stringify(h));
    });

    test('print follows the job to completed and reports progress in order', async () => {
      const seen: PrintProgress[] = [];
      const r = await t.printer.print(pdf, { jobName: 'contract-test', onProgress: (p) => seen.push(p) });
      assert.equal(r.outcome, 'completed');
      assert.ok(r.jobId > 0);
      assert.ok(seen.length > 0);
      assert.ok(seen.every((p) => p.jobId === r.jobId));
      assert.equal(seen.at(-1)?.state, 'completed');
      const pages = seen.map((p) => p.pagesCompleted ?? 0);
      assert.deepEqual(
        pages,
        [...pages].sort((a, b) => a - b),
        'page counts never go back',
      );
      if (r.pagesCompleted !== null) assert.ok(r.pagesCompleted >= 2);
    });

    test('copies are printed', async () => {
      const r = await t.printer.print(pdf, { jobName: 'contract-copies', copies: 2 });
      assert.equal(r.outcome, 'completed');
      if (r.pagesCompleted !== null) assert.ok(r.pagesCompleted >= 4);
    });

    test('a document that is not a PDF is refused before anything is sent', async () => {
      const before = t.receivedCount?.();
      await assert.rejects(
        t.printer.print(Buffer.from('hello, not a pdf'), { jobName: 'x' }),
        (e) => e instanceof PrinterError && e.code === 'printer.bad-document',
      );
      assert.equal(t.receivedCount?.(), before);
    });

    test('bad options are refused', async () => {
      await assert.rejects(t.printer.print(pdf, { jobName: 'x', copies: 0 }), (e) => e instanceof PrinterError && e.code === 'printer.bad-options');
      await assert.rejects(t.printer.print(pdf, { jobName: '\u0007' }), (e) => e instanceof PrinterError && e.code === 'printer.bad-options');
    });

    test('an already aborted signal creates no job', async () => {
      const before = t.receivedCount?.();
      await assert.rejects(
        t.printer.print(pdf, { jobName: 'x', signal: AbortSignal.abort() }),
        (e) => e instanceof PrinterError && e.code === 'printer.canceled',
      );
      assert.equal(t.receivedCount?.(), before);
    });

    test('aborting while printing cancels the job at the printer', async () => {
      const printer = t.slowJobs ? await t.slowJobs() : t.printer;
      const ac = new AbortController();
      const r = await printer.print(pdf, {
        jobName: 'contract-cancel',
        signal: ac.signal,
        onProgress: (p) => {
          if (p.state === 'processing' || p.state === 'pending') ac.abort();
        },
      });
      assert.ok(r.outcome === 'canceled' || r.outcome === 'completed', r.outcome);
      if (t.slowJobs) assert.deepEqual([r.outcome, r.outcome === 'canceled' ? r.reason : ''], ['canceled', 'canceled-by-kiosk']);
    });
  });
}
