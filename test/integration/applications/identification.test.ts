/**
 * Identifying for an application: the 券面事項入力補助用 PIN keeps its tries honest (a wrong PIN
 * uses exactly one, a card pulled at the PIN screen uses none, the last try needs a confirmation,
 * a blocked card sends nothing), and typing everything by hand with the postal look-up.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { answerAll, expectStep, openEventAndStart, waitForApplicationStep } from '../../support/application-driver';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';

let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

async function atPin(cardId: string) {
  await openEventAndStart(runtime, 'move-within-city');
  const waiting = expectStep(await call(runtime, 'application.identify', { method: 'card' }), 'insert-card');
  assert.equal(waiting.messageKey, undefined);
  await call(runtime, 'simulator.insertCard', { cardId });
  return waitForApplicationStep(runtime, 'pin');
}

describe('applications: identification', () => {
  test('a wrong PIN uses one try and says so; the card pulled at the PIN screen uses none; the right PIN then reads the card', async () => {
    const pin = await atPin('card-002');
    assert.equal(pin.triesLeft, 3);
    const wrong = await call(runtime, 'application.submitPin', { pin: '0000', confirmedLastTry: false });
    assert.deepEqual(wrong, { step: 'pin', triesLeft: 2, lastTry: false, errorKey: 'application.error.wrongPin' });

    await call(runtime, 'simulator.removeCard', {});
    const removed = await waitForApplicationStep(runtime, 'insert-card');
    assert.equal(removed.messageKey, 'application.cardRemoved');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-002' });
    const again = await waitForApplicationStep(runtime, 'pin');
    assert.equal(again.triesLeft, 2, 'pulling the card cost no try, and the wrong one is still counted');

    const question = expectStep(await call(runtime, 'application.submitPin', { pin: '2580', confirmedLastTry: false }), 'question');
    assert.equal(question.question.id, 'hasKokuho');
    const status = await runtime.devices.card.getTextApPinStatus();
    assert.equal(status.triesLeft, 3, 'the right PIN resets the counter on the card');
  });

  test('with one try left nothing is sent without the confirmation; with it, the card is read', async () => {
    const pin = await atPin('card-one-try');
    assert.deepEqual(pin, { step: 'pin', triesLeft: 1, lastTry: true });
    const refused = await call(runtime, 'application.submitPin', { pin: '3141', confirmedLastTry: false });
    assert.deepEqual(refused, { ...pin, errorKey: 'application.error.confirmLastTry' });
    const status = await runtime.devices.card.getTextApPinStatus();
    assert.equal(status.triesLeft, 1, 'no VERIFY was sent');
    expectStep(await call(runtime, 'application.submitPin', { pin: '3141', confirmedLastTry: true }), 'question');
  });

  test('a blocked card sends no PIN and offers typing instead', async () => {
    await openEventAndStart(runtime, 'move-within-city');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-blocked' });
    const view = await call(runtime, 'application.identify', { method: 'card' });
    assert.deepEqual(view, { step: 'identify', messageKey: 'application.error.pinBlocked' });
    expectStep(await call(runtime, 'application.identify', { method: 'manual' }), 'question');
  });

  test('by hand: every basic fact is asked, the postal code gives the address, the submission goes to the new ward', async () => {
    await openEventAndStart(runtime, 'move-within-city');
    const candidates = await call(runtime, 'application.lookupPostal', { postalCode: '800-0001' });
    assert.deepEqual(
      candidates.map((c) => `${c.prefecture}${c.city}${c.town}`),
      ['福岡県北九州市門司区風師'],
    );
    assert.deepEqual(await call(runtime, 'application.lookupPostal', { postalCode: '100-0001' }), [], 'outside the city: nothing');
    assert.equal(runtime.applications.current().step, 'identify', 'a look-up does not move the journey');

    expectStep(await call(runtime, 'application.identify', { method: 'manual' }), 'question');
    const newAddress = `${candidates[0]!.prefecture}${candidates[0]!.city}${candidates[0]!.town}１丁目２番３号`;
    const { review, asked } = await answerAll(runtime, {
      hasKokuho: false,
      hasChildren: false,
      name: '門司　花子',
      nameKana: 'モジ　ハナコ',
      birthDate: '1990-04-01',
      sex: 'female',
      myNumber: '382719460526',
      currentAddress: '福岡県北九州市小倉北区浅野１丁目１番１号',
      newPostal: '800-0001',
      newAddress,
      movingCount: 1,
      isHouseholder: true,
      phone: '093-555-0199',
    });
    for (const typed of ['name', 'birthDate', 'sex', 'myNumber', 'currentAddress']) assert.ok(asked.includes(typed), `${typed} is asked`);
    assert.ok(
      review.forms[0]!.fields.every((f) => f.source !== 'card'),
      'nothing came from a card',
    );

    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.equal(done.delivery, 'accepted');
    assert.equal(done.takeCard, false);
    const rows = runtime.backend!.db.prepare('SELECT ward FROM submissions').all() as { ward: string }[];
    assert.deepEqual(rows, [{ ward: 'moji' }]);
  });
});
