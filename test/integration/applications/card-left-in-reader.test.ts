/**
 * The applications journey never reads a card the previous session left in the reader (the
 * citizen pressed 最初の画面に戻る on the done or failed screen without taking it): identify →
 * card asks for it to be taken out and staff are told; a removal and a new insertion reads again.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { expectStep, openEventAndStart, waitForApplicationStep } from '../../support/application-driver';
import { call, startTestRuntime } from '../../support/journey-driver';

let runtime: KioskRuntime;
beforeEach(async () => {
  runtime = await startTestRuntime();
});
afterEach(async () => {
  await runtime.stop();
});

describe('applications: a card left in the reader', () => {
  test('the next session does not read it; staff told; taken out and inserted again, it is read with every try left', async () => {
    await openEventAndStart(runtime, 'move-within-city');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-002' });
    expectStep(await call(runtime, 'application.identify', { method: 'card' }), 'pin');
    expectStep(await call(runtime, 'application.submitPin', { pin: '2580', confirmedLastTry: false }), 'question');
    await runtime.session.end('cancel');

    await openEventAndStart(runtime, 'move-within-city');
    const waiting = await call(runtime, 'application.identify', { method: 'card' });
    assert.deepEqual(waiting, { step: 'insert-card', messageKey: 'application.previousCardInReader' });
    assert.equal(
      expectStep(await call(runtime, 'application.submitPin', { pin: '0000', confirmedLastTry: false }), 'insert-card').messageKey,
      'application.previousCardInReader',
    );
    assert.equal(runtime.staffAlerts.list().filter((a) => a.code === 'card-left-in-reader').length, 1);

    await call(runtime, 'simulator.removeCard', {});
    for (let i = 0; i < 100 && 'messageKey' in runtime.applications.current(); i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(runtime.applications.current(), { step: 'insert-card' });
    await call(runtime, 'simulator.insertCard', { cardId: 'card-002' });
    const pin = await waitForApplicationStep(runtime, 'pin');
    assert.equal(pin.triesLeft, 3, 'no try of the owner was used');
  });
});
