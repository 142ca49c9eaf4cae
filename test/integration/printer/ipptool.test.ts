/**
 * CUPS's own conformance tool against our simulator: `ipptool` (Debian cups-ipp-utils) runs the
 * stock test files from /usr/share/cups/ipptool. get-job-attributes.test targets `$uri` as a
 * job-uri, so it is run against the job URI the simulator handed out, as the file intends.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { makeTestPdf } from './test-pdf';

const SUITE = '/usr/share/cups/ipptool';

function ipptool(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('ipptool', args, { cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

function assertPassed(r: { code: number; out: string }): void {
  assert.equal(r.code, 0, r.out);
  assert.doesNotMatch(r.out, /\[FAIL\]|cannot be read/, r.out);
  assert.match(r.out, /\[PASS\]/);
}

describe('ipptool conformance against the simulator', () => {
  let sim: PrinterSimulator;
  let dir: string;
  let pdfPath: string;
  before(async () => {
    sim = await startPrinterSimulator({ msPerPage: 5, spoolDir: null });
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-ipptool-'));
    pdfPath = join(dir, 'test.pdf');
    writeFileSync(pdfPath, await makeTestPdf(2));
  });
  after(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('get-printer-attributes, print-job, validate-job, get-jobs pass', async () => {
    const files = ['get-printer-attributes.test', 'print-job.test', 'validate-job.test', 'get-jobs.test'].map((f) => join(SUITE, f));
    const r = await ipptool(['-t', '-f', pdfPath, sim.uri, ...files], dir);
    assertPassed(r);
    assert.ok(sim.printed.length >= 1, 'print-job.test really printed');
  });

  test('get-job-attributes passes against the job URI', async () => {
    const before = sim.printed.length;
    assertPassed(await ipptool(['-t', '-f', pdfPath, sim.uri, join(SUITE, 'print-job.test')], dir));
    const jobId = sim.printed[before]?.jobId;
    assert.ok(jobId);
    assertPassed(await ipptool(['-t', `${sim.uri}/${jobId}`, join(SUITE, 'get-job-attributes.test')], dir));
  });

  test('the IPP/2.0 suite (with IPP/1.1 included) passes, optional features skipped', async () => {
    // The suite prints named sample documents that Debian does not ship; give it ours.
    for (const f of ['ipp-1.1.test', 'ipp-2.0.test']) copyFileSync(join(SUITE, f), join(dir, f));
    for (const f of ['document-a4.pdf', 'document-letter.pdf']) copyFileSync(pdfPath, join(dir, f));
    // PostScript and JPEG tests are skipped (not in document-format-supported) but the files must exist.
    for (const f of ['document-a4.ps', 'document-letter.ps']) writeFileSync(join(dir, f), '%!PS\nshowpage\n');
    for (const f of ['color.jpg', 'gray.jpg']) writeFileSync(join(dir, f), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const r = await ipptool(['-t', '-f', pdfPath, sim.uri, 'ipp-2.0.test'], dir);
    assertPassed(r);
    assert.match(r.out, /PWG 5100\.12 section 6\.2 - Required Printer Description Attributes\s+\[PASS\]/);
  });
});
