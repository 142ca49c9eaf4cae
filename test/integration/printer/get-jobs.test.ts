/**
 * Finding a job by its name after a kiosk restart (Printer.findJobs → IPP Get-Jobs) against the
 * simulator, which answers Get-Jobs as CUPS does: which-jobs, my-jobs with requesting-user-name,
 * job-name private to the job's owner. The name match is made by the client.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IppClient } from '../../../devices/printer/ipp/ipp-client';
import { Operation } from '../../../devices/printer/ipp/ipp-constants';
import { charsetAttr, encodeIppMessage, keywordAttr, languageAttr, nameAttr, uriAttr } from '../../../devices/printer/ipp/ipp-encode';
import { parseJobList } from '../../../devices/printer/ipp/ipp-job-list';
import { parsePrinterUri, postIpp } from '../../../devices/printer/ipp/ipp-transport';
import { GroupTag } from '../../../devices/printer/ipp/ipp-types';
import { createIppPrinter } from '../../../devices/printer/ipp/ipp-printer';
import { PrinterError } from '../../../devices/printer/printer';
import { WHICH_JOBS } from '../../../devices/printer/sim/sim-ipp-handlers';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { makeTestPdf } from './test-pdf';

describe('find print jobs by name (Get-Jobs)', () => {
  let sim: PrinterSimulator;
  let pdf: Buffer;
  before(async () => {
    sim = await startPrinterSimulator({ msPerPage: 5, spoolDir: null });
    pdf = await makeTestPdf(1);
  });
  afterEach(() => sim.clearFaults());
  after(() => sim.stop());

  const kiosk = () => createIppPrinter(sim.uri, { userName: 'kiosk-a', pollIntervalMs: 5, requestTimeoutMs: 2_000 });
  const client = (userName: string) => new IppClient(sim.uri, { requestTimeoutMs: 2_000, submitTimeoutMs: 2_000, userName });

  test("a completed job is found by its exact name only; other users' jobs of the same name are not ours", async () => {
    const done = await kiosk().print(pdf, { jobName: 'certificate-S1-1' });
    await kiosk().print(pdf, { jobName: 'certificate-S1-10' });
    await client('someone-else').printJob(pdf, 'certificate-S1-1', 1);
    const found = await kiosk().findJobs('certificate-S1-1');
    assert.deepEqual(found.jobs, [{ jobId: done.jobId, state: 'completed', pagesCompleted: 1 }]);
    assert.ok(found.printerUpTimeS !== null && found.printerUpTimeS >= 1);
    assert.deepEqual((await kiosk().findJobs('certificate-S9-1')).jobs, []);
  });

  test('a job still waiting on a stopped printer is listed with its state', async () => {
    sim.injectFault('media-empty');
    const id = await client('kiosk-a').printJob(pdf, 'certificate-S2-1', 1);
    const found = await kiosk().findJobs('certificate-S2-1');
    assert.deepEqual(
      found.jobs.map((j) => [j.jobId, j.state]),
      [[id, 'pending']],
    );
  });

  test("the simulator keeps job-name private to the job's owner (a Get-Jobs of all users, as staff)", async () => {
    const id = await client('kiosk-a').printJob(pdf, 'certificate-S3-1', 1);
    const getAllJobs = async (user: string | null) => {
      const body = encodeIppMessage({
        version: { major: 2, minor: 0 },
        code: Operation.GetJobs,
        requestId: 9,
        groups: [
          {
            tag: GroupTag.operation,
            attributes: [
              charsetAttr('attributes-charset', 'utf-8'),
              languageAttr('attributes-natural-language', 'en'),
              uriAttr('printer-uri', sim.uri),
              ...(user ? [nameAttr('requesting-user-name', user)] : []),
              keywordAttr('which-jobs', 'all'),
              keywordAttr('requested-attributes', 'job-id', 'job-name', 'job-state'),
            ],
          },
        ],
        data: new Uint8Array(0),
      });
      const m = await postIpp(parsePrinterUri(sim.uri), body, 9, { timeoutMs: 2_000, maxResponseBytes: 1 << 20 });
      const list = parseJobList(m);
      assert.ok(list.ok);
      return list.jobs.find((j) => j.jobId === id);
    };
    assert.equal((await getAllJobs('staff'))?.name, null, 'listed, name hidden');
    assert.equal((await getAllJobs(null))?.name, null, 'anonymous: name hidden');
    assert.equal((await getAllJobs('Kiosk-A'))?.name, 'certificate-S3-1', 'the owner sees it');
  });

  test("my-jobs lists only the requesting user's jobs", async () => {
    const id = await client('kiosk-b').printJob(pdf, 'certificate-S4-1', 1);
    assert.ok((await client('KIOSK-B').getJobs('all')).some((j) => j.jobId === id && j.name === 'certificate-S4-1'));
    assert.ok(!(await client('kiosk-a').getJobs('all')).some((j) => j.jobId === id));
  });

  test('a printer without which-jobs=all: completed and not-completed are asked for and merged', async () => {
    sim.injectFault('media-empty');
    const waiting = await client('kiosk-a').printJob(pdf, 'certificate-S5-1', 1);
    const all = WHICH_JOBS.get('all');
    assert.ok(all);
    (WHICH_JOBS as Map<string, unknown>).delete('all');
    try {
      await assert.rejects(client('kiosk-a').getJobs('all'), (e) => e instanceof PrinterError && e.details.ippStatus === 0x040b);
      const found = await kiosk().findJobs('certificate-S5-1');
      assert.deepEqual(
        found.jobs.map((j) => [j.jobId, j.state]),
        [[waiting, 'pending']],
      );
      sim.clearFaults();
      for (let st = await kiosk().jobStatus(waiting); st.found && st.state !== 'completed'; st = await kiosk().jobStatus(waiting))
        await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(
        (await kiosk().findJobs('certificate-S5-1')).jobs.map((j) => j.state),
        ['completed'],
      );
    } finally {
      (WHICH_JOBS as Map<string, typeof all>).set('all', all);
    }
  });

  test('jobStatus reports the job-name, so a reused id is recognised', async () => {
    const r = await kiosk().print(pdf, { jobName: 'certificate-S6-1' });
    const st = await kiosk().jobStatus(r.jobId);
    assert.ok(st.found && st.jobName === 'certificate-S6-1');
  });

  test('cancelJob: a waiting job ends canceled with no page out; a finished one stays completed', async () => {
    const done = await kiosk().print(pdf, { jobName: 'certificate-S7-1' });
    assert.deepEqual(await kiosk().cancelJob(done.jobId), {
      found: true,
      jobId: done.jobId,
      state: 'completed',
      pagesCompleted: 1,
      jobName: 'certificate-S7-1',
    });
    sim.injectFault('door-open');
    const waiting = await client('kiosk-a').printJob(pdf, 'certificate-S7-2', 1);
    const st = await kiosk().cancelJob(waiting);
    assert.ok(st.found && st.state === 'canceled' && st.pagesCompleted === 0);
    assert.deepEqual(await kiosk().cancelJob(99_999), { found: false, jobId: 99_999 });
  });
});
