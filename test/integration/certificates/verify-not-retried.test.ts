/**
 * A VERIFY is sent once, whatever happens to its answer. Through the whole journey: the card
 * checks the citizen's PIN (a wrong one uses a try) but the answer is lost on the link; no layer
 * may send the VERIFY again, because each resend could spend a try the citizen never made.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cardErrorFromPcsc } from '../../../devices/card/pcsc/pcsc-error-map';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { call, startTestRuntime, waitForStep } from '../../support/journey-driver';

let runtime: KioskRuntime;

before(async () => {
  runtime = await startTestRuntime();
});

after(async () => {
  await runtime.stop();
});

/** VERIFY (INS 20) carrying a PIN; the empty VERIFY that reads the tries has no data. */
const isVerifyWithPin = (command: Uint8Array): boolean => command[1] === 0x20 && command.length > 5;

describe('VERIFY through the certificate journey', () => {
  test("a transmit error on the VERIFY is not retried: one VERIFY reaches the card, only the citizen's try is used", async () => {
    const sim = runtime.devices.sim.card!;
    let verifiesAtCard = 0;
    let answersLost = 0;
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    assert.equal((await waitForStep(runtime, 'pin')).triesLeft, 3);
    sim.faults.beforeTransmit = (_i, command) => {
      if (isVerifyWithPin(command)) verifiesAtCard++;
    };
    sim.faults.loseAnswer = (_i, command) => {
      if (!isVerifyWithPin(command) || answersLost > 0) return undefined;
      answersLost++;
      // What pcsclite reports for a broken link (SCARD_F_COMM_ERROR).
      return cardErrorFromPcsc(new Error('SCardTransmit error: Internal communications error. (0x80100013)'), 'transmit');
    };
    try {
      const view = await call(runtime, 'certificate.submitPin', { pin: '0000', confirmedLastTry: false });
      assert.equal(verifiesAtCard, 1, 'exactly one VERIFY reached the card');
      assert.equal(answersLost, 1);
      assert.notEqual(view.step, 'choose');
      assert.ok(view.step !== 'pin' || view.triesLeft === undefined || view.triesLeft >= 2, 'no second try was spent');
    } finally {
      delete sim.faults.beforeTransmit;
      delete sim.faults.loseAnswer;
    }
    await runtime.session.end('cancel');
    sim.removeCard();

    // The card itself says one try was used: the citizen's.
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    assert.equal((await waitForStep(runtime, 'pin')).triesLeft, 2);
    await runtime.session.end('cancel');
    sim.removeCard();
  });
});
