/**
 * The metrics endpoint on the kiosk runtime (simulated devices, the demo back end): a citizen buys
 * a 住民票 and another gives up at the PIN, a staff member signs in; the endpoint, scraped over
 * HTTP on loopback, passes `promtool check metrics`, its counters moved by exactly that activity,
 * and it carries no personal data. The staff sign-in is in the audit log.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { buyOneJuminhyoInCash, call, startTestRuntime, waitForStep, type TestRuntime } from '../../support/journey-driver';
import { promtool } from '../../support/promtool';
import { clockStartingAt } from '../../../platform/clock';

function scrape(runtime: TestRuntime): Promise<{ status: number; type: string; body: string }> {
  const address = runtime.metricsServer.address();
  assert.ok(address, 'the metrics endpoint listens');
  return new Promise((resolve, reject) => {
    const req = request({ host: address.host, port: address.port, path: '/metrics', timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('timeout', () => req.destroy(new Error('scrape timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** The value of one sample (`name{labels}`; labels in the order prom-client writes them), or undefined. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of body.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('metrics endpoint', () => {
  let runtime: TestRuntime;
  // The kiosk lives on a chosen day: the heartbeat must be its clock, not the host's.
  const clock = clockStartingAt(Date.parse('2026-04-01T10:00:00+09:00'));
  before(async () => {
    runtime = await startTestRuntime({ metrics: { enabled: true, listen: 'loopback', port: 0 } }, { clock });
  });
  after(async () => {
    await runtime?.stop();
  });

  test('a scrape passes promtool, counts the journeys by outcome and step, and names no one', async () => {
    assert.equal(runtime.metricsServer.address()?.host, '127.0.0.1');
    const before = await scrape(runtime);
    assert.equal(before.status, 200);
    assert.equal(sample(before.body, 'madoguchi_journeys_completed_total', { journey: 'certificate' }), 0);

    await call(runtime, 'session.start', { journey: 'certificate' });
    await buyOneJuminhyoInCash(runtime);
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 20_000);
    await waitForStep(runtime, 'idle', 5000);

    await call(runtime, 'session.start', { journey: 'certificate' });
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForStep(runtime, 'pin');
    await call(runtime, 'session.end', { reason: 'cancel' });
    await call(runtime, 'simulator.removeCard', {});
    await call(runtime, 'staff.login', { passcode: '24681357' });

    const scrapedFrom = clock.now();
    const after = await scrape(runtime);
    assert.equal(after.status, 200);
    assert.match(after.type, /^text\/plain; version=0\.0\.4/);
    const check = promtool(['check', 'metrics'], after.body);
    assert.equal(check.status, 0, check.output);

    const kiosk = { kiosk: 'kiosk-kokurakita-01', ward: 'kokurakita' };
    assert.equal(sample(after.body, 'madoguchi_journeys_completed_total', { ...kiosk, journey: 'certificate' }), 1);
    assert.equal(sample(after.body, 'madoguchi_journeys_abandoned_total', { journey: 'certificate', step: 'pin' }), 1);
    assert.equal(sample(after.body, 'madoguchi_sessions_started_total'), 2);
    assert.equal(sample(after.body, 'madoguchi_sessions_ended_total', { reason: 'complete' }), 1);
    assert.equal(sample(after.body, 'madoguchi_sessions_ended_total', { reason: 'cancel' }), 1);
    assert.equal(sample(after.body, 'madoguchi_journey_step_duration_seconds_count', { journey: 'certificate', step: 'pay' }), 1);
    assert.equal(sample(after.body, 'madoguchi_device_up', { device: 'printer' }), 1);
    assert.equal(sample(after.body, 'madoguchi_device_up', { device: 'card-reader' }), 1);
    assert.ok((sample(after.body, 'madoguchi_cash_level', { denomination: '100' }) ?? -1) >= 0, 'cash levels are exported');
    const heartbeat = sample(after.body, 'madoguchi_heartbeat_timestamp_seconds') ?? 0;
    assert.ok(heartbeat >= Math.floor(scrapedFrom / 1000) && heartbeat <= Math.floor(clock.now() / 1000), `the heartbeat is the kiosk clock (${heartbeat})`);
    for (const secret of ['髙橋', 'card-001', '382719460526', '24681357']) assert.ok(!after.body.includes(secret), `no ${secret} in the metrics`);

    const signIns = runtime.audit.entries().filter((e) => e.kind === 'staff.sign-in');
    assert.equal(signIns.length, 1);
  });
});
