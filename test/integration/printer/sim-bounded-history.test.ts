/**
 * A simulator left running for days (a demo kiosk, the soak benchmark) keeps a bounded history:
 * the last KEPT_DOCUMENTS printed PDFs (memory and spool file) and the last KEPT_ENDED_JOBS ended
 * jobs, while its count of accepted jobs keeps going up.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createIppPrinter } from '../../../devices/printer/ipp/ipp-printer';
import { KEPT_DOCUMENTS, startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { KEPT_ENDED_JOBS } from '../../../devices/printer/sim/sim-printer-model';
import { makeTestPdf } from './test-pdf';

let sim: PrinterSimulator;
before(async () => {
  sim = await startPrinterSimulator({ msPerPage: 0 });
});
after(() => sim.stop());

test('after more jobs than it keeps, the oldest documents, spool files and ended jobs are forgotten; the count goes on', async () => {
  const printer = createIppPrinter(sim.uri, { pollIntervalMs: 2, requestTimeoutMs: 5_000 });
  const pdf = await makeTestPdf(1);
  const total = Math.max(KEPT_DOCUMENTS, KEPT_ENDED_JOBS) + 5;
  for (let i = 0; i < total; i++) await printer.print(pdf, { jobName: `soak-${i}`, copies: 1 });
  const firstPath = `job-1.pdf`;
  assert.equal(sim.printed.length, KEPT_DOCUMENTS);
  assert.equal(sim.printed[0]?.jobName, `soak-${total - KEPT_DOCUMENTS}`, 'the oldest kept is the right one');
  assert.equal(sim.printed.at(-1)?.jobName, `soak-${total - 1}`);
  assert.ok(
    sim.printed.every((d) => d.path !== null && existsSync(d.path)),
    'kept documents are still spooled',
  );
  assert.ok(!existsSync(join(dirname(sim.printed[0]!.path!), firstPath)), 'the oldest spool file is removed');
  assert.equal(sim.snapshot().printed, total, 'the count of accepted jobs is not bounded');
  assert.ok(sim.snapshot().jobs.length <= KEPT_ENDED_JOBS, `jobs remembered: ${sim.snapshot().jobs.length}`);
});
