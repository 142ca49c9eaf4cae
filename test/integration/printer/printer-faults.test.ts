/**
 * Faults injected into the simulator, seen through the kiosk's IPP client: health before money,
 * jams mid-job, stalled jobs, offline printers (no hang), lost contact while printing.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createIppPrinter, type IppPrinterOptions } from '../../../devices/printer/ipp/ipp-printer';
import { PrinterError, type PrintProgress } from '../../../devices/printer/printer';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { loadPrinterSimConfig } from '../../../devices/printer/sim/sim-config';
import { makeTestPdf } from './test-pdf';

const fast: IppPrinterOptions = { pollIntervalMs: 5, requestTimeoutMs: 1_000, stalledTimeoutMs: 150, lostContactMs: 150 };

describe('printer faults (IPP client + simulator)', () => {
  let sim: PrinterSimulator;
  let pdf: Buffer;
  before(async () => {
    sim = await startPrinterSimulator({ msPerPage: 10 });
    pdf = await makeTestPdf(3);
  });
  afterEach(() => sim.clearFaults());
  after(() => sim.stop());

  const printer = (o: IppPrinterOptions = {}) => createIppPrinter(sim.uri, { ...fast, ...o });

  test('paper out before printing: health not ready with media-empty and the citizen key', async () => {
    sim.injectFault('media-empty');
    const h = await printer().health();
    assert.equal(h.ready, false);
    if (h.ready) return;
    assert.equal(h.state, 'stopped');
    assert.deepEqual(h.reasons, ['media-empty']);
    assert.equal(h.citizenMessageKey, 'printer.mediaEmpty');
    assert.deepEqual(h.staffAlerts, [{ severity: 'critical', code: 'PRINTER_MEDIA_EMPTY' }]);
    assert.ok(h.conditions.some((c) => c.keyword === 'media-empty-error'));
  });

  for (const [fault, reason, key] of [
    ['door-open', 'door-open', 'printer.doorOpen'],
    ['toner-empty', 'toner-empty', 'printer.tonerEmpty'],
    ['media-jam', 'media-jam', 'printer.mediaJam'],
  ] as const) {
    test(`${fault}: health not ready with ${reason}`, async () => {
      sim.injectFault(fault);
      const h = await printer().health();
      assert.deepEqual(h.ready ? null : [h.reasons[0], h.citizenMessageKey], [reason, key]);
    });
  }

  test('toner low: still ready, staff warned', async () => {
    sim.injectFault('toner-low');
    const h = await printer().health();
    assert.equal(h.ready, true);
    assert.deepEqual(h.staffAlerts, [{ severity: 'warning', code: 'PRINTER_TONER_LOW' }]);
  });

  test('jam mid-job: print resolves aborted with media-jam after the pages already out', async () => {
    sim.injectFault('media-jam', { atPage: 2 });
    const r = await printer().print(pdf, { jobName: 'jam-test' });
    assert.deepEqual(r, { outcome: 'aborted', jobId: r.jobId, reason: 'media-jam', by: 'printer', pagesCompleted: 1 });
    assert.equal((await printer().health()).ready, false);
  });

  test('paper runs out while waiting: the kiosk gives up after stalledTimeoutMs and cancels', async () => {
    sim.injectFault('media-empty');
    const seen: PrintProgress[] = [];
    const r = await printer().print(pdf, { jobName: 'stall-test', onProgress: (p) => seen.push(p) });
    assert.equal(r.outcome, 'aborted');
    assert.deepEqual(r.outcome === 'aborted' ? [r.reason, r.by] : [], ['media-empty', 'stalled']);
    assert.ok(seen.some((p) => p.printerReasons.includes('media-empty')));
    assert.equal(sim.snapshot().jobs.find((j) => j.id === r.jobId)?.state, 'canceled');
  });

  test('door opened mid-job then closed: the job resumes and completes', async () => {
    const s = await startPrinterSimulator({ msPerPage: 40 });
    try {
      let opened = false;
      const r = await createIppPrinter(s.uri, { ...fast, stalledTimeoutMs: 10_000 }).print(pdf, {
        jobName: 'door-test',
        onProgress: (pr) => {
          if (!opened && pr.state === 'processing') {
            opened = true;
            s.injectFault('door-open');
          }
          if (pr.state === 'processing-stopped') setTimeout(() => s.clearFaults('door-open'), 20);
        },
      });
      assert.ok(opened);
      assert.deepEqual([r.outcome, r.pagesCompleted], ['completed', 3]);
    } finally {
      await s.stop();
    }
  });

  test('offline (connections dropped): health says offline, print rejects typed, nothing queued', async () => {
    sim.injectFault('offline');
    const h = await printer().health();
    assert.deepEqual(h.ready ? null : [h.state, h.reasons, h.citizenMessageKey], ['unreachable', ['offline'], 'printer.offline']);
    const before = sim.printed.length;
    await assert.rejects(printer().print(pdf, { jobName: 'offline' }), (e) => e instanceof PrinterError && e.code === 'printer.offline');
    assert.equal(sim.printed.length, before);
  });

  test('offline (silent): the request times out instead of hanging', async () => {
    sim.injectFault('offline', { mode: 'silent' });
    const t0 = Date.now();
    const h = await printer({ requestTimeoutMs: 100 }).health();
    assert.equal(h.ready ? null : h.reasons[0], 'offline');
    assert.ok(Date.now() - t0 < 5_000);
  });

  test('printer goes away mid-job: print rejects with printer.lost-job and the job id', async () => {
    const slow = await startPrinterSimulator({ msPerPage: 1_000 });
    try {
      const p = createIppPrinter(slow.uri, fast);
      const run = p.print(pdf, {
        jobName: 'lost',
        onProgress: (pr) => {
          if (pr.state === 'processing') slow.injectFault('offline');
        },
      });
      await assert.rejects(run, (e) => e instanceof PrinterError && e.code === 'printer.lost-job' && e.details.jobId === 1);
    } finally {
      await slow.stop();
    }
  });

  test('a stopped simulator (connection refused) is offline', async () => {
    const gone = await startPrinterSimulator({ msPerPage: 1 });
    await gone.stop();
    const p = createIppPrinter(gone.uri, fast);
    assert.equal((await p.health()).ready, false);
    await assert.rejects(p.print(pdf, { jobName: 'x' }), (e) => e instanceof PrinterError && e.code === 'printer.offline');
  });

  test('a fixture can start with faults (out-of-paper.json)', async () => {
    const s = await startPrinterSimulator({ config: 'out-of-paper', msPerPage: 1 });
    try {
      assert.equal(loadPrinterSimConfig('out-of-paper').faults.includes('media-empty'), true);
      const h = await createIppPrinter(s.uri, fast).health();
      assert.deepEqual(h.ready ? null : [h.reasons, h.staffAlerts.map((a) => a.code)], [['media-empty'], ['PRINTER_MEDIA_EMPTY', 'PRINTER_TONER_LOW']]);
    } finally {
      await s.stop();
    }
  });

  test('jamBehavior stop: a jam stops the job, clearing it lets the job finish', async () => {
    const s = await startPrinterSimulator({ config: 'slow-jam-stops', msPerPage: 10 });
    try {
      s.injectFault('media-jam', { atPage: 2 });
      const r = await createIppPrinter(s.uri, { ...fast, stalledTimeoutMs: 10_000 }).print(pdf, {
        jobName: 'jam-stop',
        onProgress: (pr) => {
          if (pr.state === 'processing-stopped') setTimeout(() => s.clearFaults('media-jam'), 20);
        },
      });
      assert.deepEqual([r.outcome, r.pagesCompleted], ['completed', 3]);
    } finally {
      await s.stop();
    }
  });

  test('printed PDFs are kept in memory and in the spool folder', async () => {
    const r = await printer().print(pdf, { jobName: 'spool-test' });
    const doc = sim.printed.find((d) => d.jobId === r.jobId);
    assert.ok(doc?.path && existsSync(doc.path));
    assert.deepEqual(readFileSync(doc.path), pdf);
    assert.deepEqual([doc.jobName, doc.pages, doc.pdf.equals(pdf)], ['spool-test', 3, true]);
  });
});
