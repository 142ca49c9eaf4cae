/**
 * A card the previous citizen left in the reader (最初の画面に戻る without taking it) is never
 * read for the next session: no PIN screen for a stranger, so no try of the owner's can be used.
 * The next session asks for it to be taken out and staff are told; only a removal and a new
 * insertion lets a card be read. A session that times out with the card in tells staff at once.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { CertificateView } from '../../../contract/certificate-journey';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { call, startTestRuntime, waitForStep } from '../../support/journey-driver';

let runtime: KioskRuntime;
let steps: CertificateView['step'][];

beforeEach(async () => {
  runtime = await startTestRuntime();
  steps = [];
  runtime.hub.addSink((channel, view) => {
    if (channel === 'certificate.changed') steps.push((view as CertificateView).step);
  });
});
afterEach(async () => {
  await runtime.stop();
});

const alerts = (code: string) => runtime.staffAlerts.list().filter((a) => a.code === code);

/** card-002 (PIN 2580) logs in, then the citizen goes home leaving the card in the reader. */
async function leaveCardAfterLogin(reason: 'cancel' | 'timeout'): Promise<void> {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-002' });
  await waitForStep(runtime, 'pin');
  assert.equal((await call(runtime, 'certificate.submitPin', { pin: '2580', confirmedLastTry: false })).step, 'choose');
  await runtime.session.end(reason);
  assert.ok(runtime.devices.card.currentReader(), 'the card is still in the reader');
}

describe('a card left in the reader', () => {
  test('the next session does not read it: no PIN screen, staff told; removal + insertion reads again, with every try left', async () => {
    await leaveCardAfterLogin('cancel');
    assert.equal(alerts('card-left-at-timeout').length, 0, 'a plain 戻る is not a timeout');
    steps.length = 0;
    const shown = await call(runtime, 'certificate.begin', {});
    assert.deepEqual(shown, { step: 'insert-card', messageKey: 'certificate.previousCardInReader' });
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(
      steps.filter((s) => s !== 'insert-card'),
      [],
      'never reading-card or pin',
    );
    // A stranger at the PIN pad gets nowhere: there is no PIN screen to send to.
    assert.equal((await call(runtime, 'certificate.submitPin', { pin: '0000', confirmedLastTry: false })).step, 'insert-card');
    assert.equal(alerts('card-left-in-reader').length, 1);

    // A second session finds it too, and staff are not told twice about the same card.
    await runtime.session.end('cancel');
    assert.equal((await call(runtime, 'certificate.begin', {})).step, 'insert-card');
    assert.equal(alerts('card-left-in-reader').length, 1);

    await call(runtime, 'simulator.removeCard', {});
    for (let i = 0; i < 100 && runtime.journey.current().step === 'insert-card' && (runtime.journey.current() as { messageKey?: string }).messageKey; i++)
      await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(runtime.journey.current(), { step: 'insert-card' }, 'the message goes once the card is out');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-002' });
    const pin = await waitForStep(runtime, 'pin');
    assert.equal(pin.triesLeft, 3, 'no try of the owner was used');
  });

  test('a session that times out with the card in tells staff at once, and the card is not read next time', async () => {
    await leaveCardAfterLogin('timeout');
    assert.equal(alerts('card-left-at-timeout').length, 1);
    assert.equal((await call(runtime, 'certificate.begin', {})).step, 'insert-card');
    assert.equal(alerts('card-left-in-reader').length, 1);
  });

  test('the applications journey does not read a card the certificate session left either', async () => {
    await leaveCardAfterLogin('cancel');
    await call(runtime, 'application.begin', {});
    assert.equal((await call(runtime, 'application.openEvent', { eventId: 'move-within-city' })).step, 'event');
    assert.equal((await call(runtime, 'application.start', {})).step, 'identify');
    const shown = await call(runtime, 'application.identify', { method: 'card' });
    assert.deepEqual(shown, { step: 'insert-card', messageKey: 'application.previousCardInReader' });
    assert.equal(alerts('card-left-in-reader').length, 1);
  });

  test('a card taken out before the wipe leaves nothing behind: the next card is read at once', async () => {
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-002' });
    await waitForStep(runtime, 'pin');
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'insert-card');
    await runtime.session.end('cancel');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await call(runtime, 'certificate.begin', {});
    await waitForStep(runtime, 'pin');
    assert.equal(alerts('card-left-in-reader').length, 0);
  });
});
