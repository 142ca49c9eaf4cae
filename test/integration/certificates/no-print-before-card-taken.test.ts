/**
 * The certificate is printed only after the card is taken (the card is never forgotten in the
 * reader while the citizen watches the printer). Checked where it happens: at the moment the
 * simulated printer accepts a job, the card must be out of the reader, the journey must have left
 * 「カードをお取りください」 and the sale must be journaled `printing`; while that screen shows, the
 * sale stays `paid` (the journal is written before the job goes out, so `paid` there means no job
 * has been started).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CertificateView } from '../../../contract/certificate-journey';
import type { TransactionState } from '../../../main/journal/journal-states';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { buyOneJuminhyoInCash, call, startTestRuntime, waitForStep } from '../../support/journey-driver';

let runtime: KioskRuntime;

before(async () => {
  runtime = await startTestRuntime();
});

after(async () => {
  await runtime.stop();
});

describe('printing waits for the card', () => {
  test('no print job is submitted while the take-card screen shows; the sale is paid, not printing, until the card is out', async () => {
    const submissions: { step: CertificateView['step']; journal: TransactionState[]; cardIn: boolean }[] = [];
    const stopListening = runtime.devices.sim.printer!.onJobSubmitted(() => {
      submissions.push({
        step: runtime.journey.current().step,
        journal: runtime.journal.list().map((t) => t.state),
        cardIn: runtime.devices.sim.card!.listReaders().some((r) => r.cardPresent),
      });
    });
    try {
      await buyOneJuminhyoInCash(runtime);
      assert.deepEqual(
        runtime.journal.list().map((t) => t.state),
        ['paid'],
        'paid, not printing, while the card is still in',
      );
      // The citizen is slow to take the card: a job started behind the screen's back (even one
      // never journaled) has time to reach the printer. Only the chance to catch it depends on
      // this wait; correct code passes however long it is.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await runtime.devices.printer.health();
      assert.deepEqual([...submissions], [], 'no job submitted while the take-card screen shows');
      assert.deepEqual(
        runtime.journal.list().map((t) => t.state),
        ['paid'],
      );
      assert.equal(runtime.journey.current().step, 'take-card');

      await call(runtime, 'simulator.removeCard', {});
      await waitForStep(runtime, 'take-certificate', 20_000);
      assert.equal(submissions.length, 1, 'one job, after the card was taken');
      assert.notEqual(submissions[0]!.step, 'take-card');
      assert.equal(submissions[0]!.cardIn, false, 'the card was out of the reader when the job went to the printer');
      assert.deepEqual(submissions[0]!.journal, ['printing'], 'journaled printing before the job went out');
    } finally {
      stopListening();
    }
  });
});
