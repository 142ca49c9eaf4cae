/**
 * The self-test runner and the service step without devices: a step that never answers is failed
 * with `step-timeout` at its limit (its signal aborted) and the next step still runs; a step that
 * throws is `step-error`; the audit entry names each step's code; a second run while one runs is
 * refused. The service step fails on a certificate expiring within 30 days by the kiosk's clock.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clockStartingAt } from '../../../platform/clock';
import type { AuditEvent } from '../../../main/audit/audit-entry';
import { SelfTest } from '../../../main/selftest/self-test';
import { pass, type SelfTestStepRunner } from '../../../main/selftest/self-test-step';
import { serviceStep } from '../../../main/selftest/service-step';
import { ProbeError, type HttpsProbe } from '../../../main/ward/https-probe';

const clock = clockStartingAt(Date.parse('2026-12-08T01:00:00Z'));

describe('self-test runner', () => {
  test('a silent step times out (its signal aborted), a throwing one is an error, the rest still run; the run is audited', async () => {
    let aborted = false;
    const events: AuditEvent[] = [];
    const steps: SelfTestStepRunner[] = [
      {
        id: 'printer',
        timeoutMs: 20,
        run: ({ signal }) =>
          new Promise(() => {
            signal.addEventListener('abort', () => {
              aborted = true;
            });
          }),
      },
      { id: 'card', timeoutMs: 1000, run: async () => Promise.reject(Object.assign(new Error('boom'), { code: 'EIO' })) },
      { id: 'cash', timeoutMs: 1000, run: async () => pass('cash-ok', { dispensedYen: 10 }) },
    ];
    const selfTest = new SelfTest({ steps, clock, recordAudit: (e) => events.push(e) });
    const report = await selfTest.run('staff');
    assert.deepEqual(
      report.steps.map((s) => [s.id, s.status, s.code]),
      [
        ['printer', 'fail', 'step-timeout'],
        ['card', 'fail', 'step-error'],
        ['cash', 'pass', 'cash-ok'],
      ],
    );
    assert.equal(aborted, true);
    assert.equal(report.passed, false);
    assert.deepEqual(events, [
      { kind: 'self-test', actor: 'staff', outcome: 'failed', detail: { passed: false, printer: 'step-timeout', card: 'step-error', cash: 'cash-ok' } },
    ]);
  });

  test('one run at a time', async () => {
    let release: () => void = () => undefined;
    const steps: SelfTestStepRunner[] = [
      { id: 'printer', timeoutMs: 10_000, run: () => new Promise((resolve) => (release = () => resolve(pass('printer-ok')))) },
    ];
    const selfTest = new SelfTest({ steps, clock, recordAudit: () => undefined });
    const first = selfTest.start('staff');
    assert.equal(first.phase, 'running');
    assert.throws(() => selfTest.start('staff'), { code: 'staff.not-allowed' });
    release();
    while (selfTest.isRunning) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(selfTest.current().phase, 'done');
    assert.equal(selfTest.current().passed, true);
  });
});

describe('service step (back end, queue)', () => {
  const kioskCert = new Date('2028-01-01T00:00:00Z');
  const answering =
    (httpStatus: number, certNotAfter: Date | null): HttpsProbe =>
    async () => ({ httpStatus, certNotAfter });
  const run = (step: SelfTestStepRunner) => step.run({ signal: new AbortController().signal, prompt: () => undefined });

  test('reachable with certificates valid for long: pass, with both expiry dates', async () => {
    const result = await run(
      serviceStep({
        id: 'backend',
        healthUrl: 'https://x/v1/health',
        probe: answering(200, new Date('2027-12-08T00:00:00Z')),
        clientCertNotAfter: kioskCert,
        clock,
      }),
    );
    assert.equal(result.code, 'backend-ok');
    assert.equal(result.facts.serverCertNotAfter, '2027-12-08T00:00:00.000Z');
    assert.equal(result.facts.kioskCertNotAfter, '2028-01-01T00:00:00.000Z');
    assert.equal(result.facts.serverCertDaysLeft, 364);
  });

  test("the service's certificate within 30 days of its end, by the kiosk's clock", async () => {
    const soon = new Date(clock.now() + 29 * 24 * 3600 * 1000);
    const result = await run(serviceStep({ id: 'queue', healthUrl: 'https://q/v1/health', probe: answering(200, soon), clientCertNotAfter: kioskCert, clock }));
    assert.deepEqual([result.status, result.code], ['fail', 'queue-certificate-expiring']);
    const later = new Date(clock.now() + 31 * 24 * 3600 * 1000);
    assert.equal(
      (await run(serviceStep({ id: 'queue', healthUrl: 'https://q/v1/health', probe: answering(200, later), clientCertNotAfter: kioskCert, clock }))).code,
      'queue-ok',
    );
  });

  test("the kiosk's own certificate expiring", async () => {
    const result = await run(
      serviceStep({
        id: 'backend',
        healthUrl: 'https://x/v1/health',
        probe: answering(200, kioskCert),
        clientCertNotAfter: new Date(clock.now() + 5 * 24 * 3600 * 1000),
        clock,
      }),
    );
    assert.equal(result.code, 'kiosk-certificate-expiring');
  });

  test('unreachable, expired, unhealthy, not configured', async () => {
    const failing =
      (code: ProbeError['code']): HttpsProbe =>
      async () =>
        Promise.reject(new ProbeError(code));
    const base = { id: 'queue' as const, healthUrl: 'https://q/v1/health', clientCertNotAfter: kioskCert, clock };
    assert.equal((await run(serviceStep({ ...base, probe: failing('unreachable') }))).code, 'queue-unreachable');
    assert.equal((await run(serviceStep({ ...base, probe: failing('certificate-expired') }))).code, 'queue-certificate-expired');
    assert.equal((await run(serviceStep({ ...base, probe: answering(503, kioskCert) }))).code, 'queue-unhealthy');
    const none = await run(serviceStep({ ...base, healthUrl: null, probe: failing('unreachable') }));
    assert.deepEqual([none.status, none.code], ['skipped', 'queue-not-configured']);
  });
});
