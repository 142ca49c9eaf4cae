/**
 * Stopping the runtime ends the session first and leaves no journey timer behind: the "take your
 * certificate" timer of a finished sale never fires after the stop (it would end a session on a
 * stopped runtime and write to the closed journal, and keep the process alive until it fired).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buyOneJuminhyoInCash, call, startTestRuntime, waitForStep } from '../../support/journey-driver';

const TAKE_CERTIFICATE_MS = 1500;
const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-stop-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('stopped at 「証明書をお取りください」: the session ends with the stop, the timer never fires, nothing written or alerted after', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const timersBefore = timers();
  const runtime = await startTestRuntime({ dataDir }, { takeCertificateMs: TAKE_CERTIFICATE_MS });
  let stopped = false;
  try {
    await buyOneJuminhyoInCash(runtime);
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 20_000);
    const [sale] = runtime.journal.list(['card_returned']);
    assert.ok(sale, 'printed and the card taken');

    await runtime.stop();
    stopped = true;
    const timersAtStop = timers();
    const alertsAtStop = runtime.staffAlerts.list().length;
    await new Promise((r) => setTimeout(r, TAKE_CERTIFICATE_MS + 500));
    // Checked first: what the leftover timer did when it fired on the stopped runtime.
    const late = runtime.session.state();
    assert.notEqual(late.phase === 'idle' ? late.endedReason : late.phase, 'complete', 'no late "complete" after the stop');
    assert.deepEqual(
      runtime.staffAlerts
        .list()
        .slice(alertsAtStop)
        .map((a) => a.code),
      [],
      'no journal-write-failed or other alert after the stop',
    );
    assert.ok(timersAtStop <= timersBefore, `no timer of the runtime is left pending (${timersBefore} before it started, ${timersAtStop} after its stop)`);
    assert.deepEqual(runtime.session.state(), { phase: 'idle', endedReason: 'shutdown' }, 'the stop ended the session');

    // The stop's wipe settled the sale before the journal closed.
    const reopened = await startTestRuntime({ dataDir });
    try {
      assert.equal(reopened.journal.get(sale.id)?.state, 'done');
      assert.deepEqual(reopened.recovery, [], 'nothing left for start-up recovery');
    } finally {
      await reopened.stop();
    }
  } finally {
    if (!stopped) await runtime.stop();
  }
});
