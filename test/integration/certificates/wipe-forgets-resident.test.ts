/**
 * The session wipe forgets who the resident was: the back end's opaque resident reference, the
 * login token and the resident's ward. The journey never exposes them, so the test reads the
 * private fields the wipe must clear, by name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { shapedTextCached } from '../../../main/documents/pdf-kit/shaped-text-cache';
import { buyOneJuminhyoInCash, call, startTestRuntime, waitForStep } from '../../support/journey-driver';

type ResidentHeld = { residentRef: string; sessionToken: string | null };

let runtime: KioskRuntime;
before(async () => {
  runtime = await startTestRuntime();
});
after(async () => {
  await runtime?.stop();
});

describe('certificate journey wipe', () => {
  test('after a login, the wipe clears the resident reference and the login token', async () => {
    await call(runtime, 'session.start', { journey: 'certificate' });
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForStep(runtime, 'pin');
    await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
    await waitForStep(runtime, 'choose');
    const held = runtime.journey as unknown as ResidentHeld;
    assert.notEqual(held.residentRef, 'unmapped', 'the login gave a resident reference');
    assert.notEqual(held.sessionToken, null);

    await call(runtime, 'session.end', { reason: 'cancel' });
    assert.equal(held.residentRef, 'unmapped', 'the wipe forgot the resident reference');
    assert.equal(held.sessionToken, null);
  });

  test('a name printed on a certificate is not kept in the shaped-text caches once the session ends', async () => {
    await buyOneJuminhyoInCash(runtime);
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'take-certificate', 20_000);
    assert.equal(shapedTextCached('髙橋'), true, 'the render shaped the name (the check can see it)');
    await waitForStep(runtime, 'idle', 20_000);
    assert.equal(shapedTextCached('髙橋'), false, 'the wipe forgot it');
  });
});
