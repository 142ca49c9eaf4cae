/**
 * Every way a session ends runs every wiper the runtime registers, and leaves each journey idle
 * with nothing of the citizen left: an interview half answered is forgotten on a timeout just as
 * on a cancel. The end reasons come from the contract, so a new one is covered when it is added.
 */
import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { endReasonSchema, type EndReason } from '../../../contract/kiosk-api';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { SessionManager, type Wiper } from '../../../main/session/session-manager';
import { expectStep, openEventAndStart } from '../../support/application-driver';
import { call, startTestRuntime, waitForStep } from '../../support/journey-driver';

let runtime: KioskRuntime;
/** Per registered wiper name, the reasons it ran with. */
const ran = new Map<string, EndReason[]>();

before(async () => {
  const register = SessionManager.prototype.registerWiper;
  // Records every wiper the runtime registers, then hands the original registration a recording wrapper.
  mock.method(SessionManager.prototype, 'registerWiper', function (this: SessionManager, name: string, wiper: Wiper) {
    ran.set(name, []);
    return register.call(this, name, (reason) => {
      ran.get(name)!.push(reason);
      return wiper(reason);
    });
  });
  runtime = await startTestRuntime();
  mock.restoreAll();
});

after(async () => {
  await runtime.stop();
});

const REASONS = endReasonSchema.options;

/** Mid-interview: one question answered, the next on screen. */
async function midInterview(): Promise<string> {
  await openEventAndStart(runtime, 'move-within-city');
  const first = expectStep(await call(runtime, 'application.identify', { method: 'manual' }), 'question');
  expectStep(await call(runtime, 'application.answer', { questionId: first.question.id, value: true }), 'question');
  return first.question.id;
}

describe('the session wipe', () => {
  test("the runtime registers a wiper for each journey, the ward session, the shaped-text caches and the citizen's voice settings", () => {
    assert.deepEqual([...ran.keys()].sort(), ['application-journey', 'certificate-journey', 'shaped-text', 'voice-settings', 'ward-logout']);
  });

  for (const reason of REASONS) {
    test(`${reason}: a half-answered interview is forgotten and the application journey is idle`, async () => {
      try {
        const firstQuestion = await midInterview();
        await runtime.session.end(reason);
        assert.deepEqual(runtime.applications.current(), { step: 'idle' });
        // Nothing of that citizen comes back: the next citizen's first question has no value.
        await openEventAndStart(runtime, 'move-within-city');
        const again = expectStep(await call(runtime, 'application.identify', { method: 'manual' }), 'question');
        assert.equal(again.question.id, firstQuestion);
        assert.equal(again.value, undefined, 'the previous answer is gone');
      } finally {
        await runtime.session.end('cancel');
      }
    });

    test(`${reason}: a certificate journey at the PIN is idle afterwards`, async () => {
      try {
        await call(runtime, 'certificate.begin', {});
        await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
        await waitForStep(runtime, 'pin');
        await runtime.session.end(reason);
        assert.equal(runtime.journey.current().step, 'idle');
      } finally {
        runtime.devices.sim.card?.removeCard();
      }
    });
  }

  test('every registered wiper ran for every end reason', () => {
    for (const [name, reasons] of ran) {
      for (const reason of REASONS) assert.ok(reasons.includes(reason), `${name} did not run for ${reason}`);
    }
  });
});
