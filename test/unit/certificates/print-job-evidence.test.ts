/**
 * The crash-recovery decision table for a sale journaled `printing`: what the printer's answers
 * (the recorded job, or the jobs with the attempt's name) prove about the certificate.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JobLookup, JobStatus, PrintProgress } from '../../../devices/printer/printer';
import { certificateJobName, judgeCanceledJob, judgeJobState, judgeNamedJobs, judgeRecordedJob } from '../../../main/certificates/print-job-evidence';

const NAME = certificateJobName('KK-2026-000123', 2);
const names = [NAME, 'certificate-KK-2026-000123'];
const status = (state: PrintProgress['state'], jobName: string | null = NAME, jobId = 7): JobStatus => ({
  found: true,
  jobId,
  state,
  pagesCompleted: null,
  jobName,
});
const lookup = (states: PrintProgress['state'][], printerUpTimeS: number | null = 3600): JobLookup => ({
  jobs: states.map((state, i) => ({ jobId: 10 + i, state, pagesCompleted: null })),
  printerUpTimeS,
});
const fact = (f: string) => ({ kind: 'fact', fact: f });

describe('print job evidence after a crash', () => {
  test('the job-name is unique per serial and attempt and holds nothing but them', () => {
    assert.equal(certificateJobName('KK-2026-000123', 1), 'certificate-KK-2026-000123-1');
    assert.notEqual(certificateJobName('KK-2026-000123', 1), certificateJobName('KK-2026-000123', 2));
  });

  test('job states: completed settles printed, aborted/canceled not printed, the rest are followed', () => {
    assert.deepEqual(judgeJobState('completed', 3), fact('completed'));
    assert.deepEqual(judgeJobState('aborted', 3), fact('not-printed'));
    assert.deepEqual(judgeJobState('canceled', 3), fact('not-printed'));
    for (const s of ['pending', 'pending-held', 'processing', 'processing-stopped'] as const)
      assert.deepEqual(judgeJobState(s, 3), { kind: 'follow', jobId: 3 });
  });

  describe('job id recorded (Get-Job-Attributes)', () => {
    test('completed → completed; aborted/canceled → not-printed; running → follow', () => {
      assert.deepEqual(judgeRecordedJob(status('completed'), names), fact('completed'));
      assert.deepEqual(judgeRecordedJob(status('aborted'), names), fact('not-printed'));
      assert.deepEqual(judgeRecordedJob(status('canceled'), names), fact('not-printed'));
      assert.deepEqual(judgeRecordedJob(status('processing'), names), { kind: 'follow', jobId: 7 });
    });
    test('not found or no answer → unknown (voucher)', () => {
      assert.deepEqual(judgeRecordedJob({ found: false, jobId: 7 }, names), fact('unknown'));
      assert.deepEqual(judgeRecordedJob(null, names), fact('unknown'));
    });
    test('the id now names another job (printer restarted, ids reused) → look the attempt up by name', () => {
      assert.deepEqual(judgeRecordedJob(status('completed', 'voucher-RV-1'), names), { kind: 'lookup-by-name' });
    });
    test('a hidden name is no evidence against the job; the name of an older kiosk version still matches', () => {
      assert.deepEqual(judgeRecordedJob(status('completed', null), names), fact('completed'));
      assert.deepEqual(judgeRecordedJob(status('completed', 'certificate-KK-2026-000123'), names), fact('completed'));
    });
  });

  describe('no job id recorded (Get-Jobs, matched on the name)', () => {
    test('completed → completed, never printed again, even beside an aborted attempt', () => {
      assert.deepEqual(judgeNamedJobs(lookup(['completed']), 5_000), fact('completed'));
      assert.deepEqual(judgeNamedJobs(lookup(['aborted', 'completed']), 5_000), fact('completed'));
    });
    test('still pending/processing → follow that job', () => {
      assert.deepEqual(judgeNamedJobs(lookup(['pending']), 5_000), { kind: 'follow', jobId: 10 });
      assert.deepEqual(judgeNamedJobs(lookup(['canceled', 'processing-stopped']), 5_000), { kind: 'follow', jobId: 11 });
    });
    test('all aborted/canceled → not-printed (reprint once if the content is there)', () => {
      assert.deepEqual(judgeNamedJobs(lookup(['aborted']), 5_000), fact('not-printed'));
      assert.deepEqual(judgeNamedJobs(lookup(['canceled', 'aborted']), 5_000), fact('not-printed'));
    });
    test('not listed by a printer up since before the attempt → not-printed (it never got the job)', () => {
      assert.deepEqual(judgeNamedJobs(lookup([], 3600), 60_000), fact('not-printed'));
      assert.deepEqual(judgeNamedJobs(lookup([], 61), 60_000), fact('not-printed'));
    });
    test('not listed by a printer that restarted since, or that does not say its up-time → unknown (voucher)', () => {
      assert.deepEqual(judgeNamedJobs(lookup([], 59), 60_000), fact('unknown'));
      assert.deepEqual(judgeNamedJobs(lookup([], 60), 60_000), fact('unknown'), 'up-time may be rounded up: one second of doubt');
      assert.deepEqual(judgeNamedJobs(lookup([], 1), 200), fact('unknown'), 'a printer restarted a moment ago');
      assert.deepEqual(judgeNamedJobs(lookup([], null), 60_000), fact('unknown'));
      assert.deepEqual(judgeNamedJobs(lookup([], 3600), Number.NaN), fact('unknown'));
    });
    test('no answer or an untrusted list → unknown', () => {
      assert.deepEqual(judgeNamedJobs(null, 5_000), fact('unknown'));
    });
  });

  test('a followed job that did not end in time and was canceled: only one with no page out is not printed', () => {
    const st = (state: PrintProgress['state'], pagesCompleted: number | null): JobStatus => ({ found: true, jobId: 7, state, pagesCompleted, jobName: NAME });
    assert.equal(judgeCanceledJob(st('canceled', 0)), 'not-printed');
    assert.equal(judgeCanceledJob(st('aborted', 0)), 'not-printed');
    assert.equal(judgeCanceledJob(st('canceled', 1)), 'unknown', 'half a certificate may be on paper');
    assert.equal(judgeCanceledJob(st('canceled', null)), 'unknown');
    assert.equal(judgeCanceledJob(st('completed', 1)), 'completed');
    assert.equal(judgeCanceledJob(st('processing', 0)), 'unknown', 'the cancel did not take');
    assert.equal(judgeCanceledJob({ found: false, jobId: 7 }), 'unknown');
    assert.equal(judgeCanceledJob(null), 'unknown');
  });
});
