/**
 * The optional electronic signature (署名用電子証明書) of an application, with card-001 through
 * the simulated reader and the embedded ward back end over mTLS: signed with the right password
 * the back end verifies and stores it as e-signed; a wrong password uses exactly one try and says
 * how many are left; a card pulled at the password screen uses none; the last try needs a
 * confirmation and a locked password leaves sending unsigned; the unsigned path is unchanged.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { SubmissionService } from '../../../backend/submissions/submission-service';
import { signedBytesOf } from '../../../platform/e-signature/signed-bytes';
import { expectStep, reachMoveWithinCityReview, waitForApplicationStep } from '../../support/application-driver';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';
import { createVerify, X509Certificate } from 'node:crypto';

let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

interface StoredRow {
  eSigned: number;
  serial: string | null;
  json: string;
  local: string | null;
  ward: string;
}

/** The submission the embedded back end stored (waits for the dispatcher to deliver it). */
async function storedSubmission(rt: TestRuntime): Promise<StoredRow> {
  const db = rt.backend!.db;
  for (let i = 0; i < 250; i++) {
    const row = db
      .prepare(
        `SELECT e_signed AS eSigned, e_signature_serial AS serial, payload_json AS json,
      local_receipt_number AS local, ward FROM submissions`,
      )
      .get() as StoredRow | undefined;
    if (row) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('nothing delivered to the back end');
}

async function atSignPassword(): Promise<void> {
  const review = await reachMoveWithinCityReview(runtime);
  assert.equal(review.canSign, true, 'identified with the card: signing is offered');
  assert.deepEqual(await call(runtime, 'application.offerSignature', {}), { step: 'sign-choice', canSign: true });
  // card-001 is still in the reader: its password status is read at once, using no try.
  assert.deepEqual(await call(runtime, 'application.sign', {}), { step: 'sign-password', triesLeft: 5, lastTry: false });
}

describe('applications: electronic signature with the card', () => {
  test('the right password signs; the back end verifies it and stores the submission as e-signed', async () => {
    await atSignPassword();
    const done = expectStep(await call(runtime, 'application.submitSignPassword', { password: 'abc123', confirmedLastTry: false }), 'done');
    assert.equal(done.eSigned, true);
    const row = await storedSubmission(runtime);
    assert.equal(row.eSigned, 1);
    assert.match(row.serial ?? '', /^[0-9A-F]+$/);
    const request = JSON.parse(row.json) as { payload: Record<string, unknown> & { electronicSignature: { signature: string; certificate: string } } };
    // Independently of the back end's verifier: the signature covers the canonical payload without it.
    const cert = new X509Certificate(Buffer.from(request.payload.electronicSignature.certificate, 'base64'));
    const ok = createVerify('sha256')
      .update(signedBytesOf(request.payload))
      .verify(cert.publicKey, Buffer.from(request.payload.electronicSignature.signature, 'base64'));
    assert.ok(ok, 'the stored signature verifies over the canonical bytes');
    const lookup = new SubmissionService(runtime.backend!.db, () => new Date()).byLocalReceipt(row.ward as never, row.local!);
    assert.equal(lookup.eSigned, true);
    assert.equal((await runtime.devices.card.getSignPasswordStatus()).triesLeft, 5);
  });

  test('a wrong password uses exactly one try and says how many are left; a card pulled at the password uses none', async () => {
    await atSignPassword();
    const wrong = await call(runtime, 'application.submitSignPassword', { password: 'WRONG1', confirmedLastTry: false });
    assert.deepEqual(wrong, { step: 'sign-password', triesLeft: 4, lastTry: false, errorKey: 'application.error.wrongSignPassword' });
    assert.equal((await runtime.devices.card.getSignPasswordStatus()).triesLeft, 4, 'one try used on the card');

    await call(runtime, 'simulator.removeCard', {});
    const removed = await waitForApplicationStep(runtime, 'sign-insert-card');
    assert.equal(removed.messageKey, 'application.cardRemoved');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    const again = await waitForApplicationStep(runtime, 'sign-password');
    assert.equal(again.triesLeft, 4, 'pulling the card cost no try');
    assert.equal((await runtime.devices.card.getSignPasswordStatus()).triesLeft, 4);

    const done = expectStep(await call(runtime, 'application.submitSignPassword', { password: 'ABC123', confirmedLastTry: false }), 'done');
    assert.equal(done.eSigned, true);
    assert.equal((await storedSubmission(runtime)).eSigned, 1);
  });

  test('the card taken out after identification is asked for again before the password', async () => {
    await reachMoveWithinCityReview(runtime);
    await call(runtime, 'simulator.removeCard', {});
    expectStep(await call(runtime, 'application.offerSignature', {}), 'sign-choice');
    assert.deepEqual(await call(runtime, 'application.sign', {}), { step: 'sign-insert-card' });
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForApplicationStep(runtime, 'sign-password');
    // Back from the password: the choice again, then the review.
    expectStep(await call(runtime, 'application.back', {}), 'sign-choice');
    expectStep(await call(runtime, 'application.back', {}), 'review');
  });

  test("another card inserted for signing (its own right password) does not sign this citizen's application", async () => {
    await reachMoveWithinCityReview(runtime);
    await call(runtime, 'simulator.removeCard', {});
    expectStep(await call(runtime, 'application.offerSignature', {}), 'sign-choice');
    expectStep(await call(runtime, 'application.sign', {}), 'sign-insert-card');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-002' });
    await waitForApplicationStep(runtime, 'sign-password');
    const refused = await call(runtime, 'application.submitSignPassword', { password: 'KITA2025', confirmedLastTry: false });
    assert.deepEqual(refused, { step: 'sign-choice', canSign: true, messageKey: 'application.error.signOtherCard' });
    assert.equal((runtime.backend!.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n, 0, 'nothing sent yet');
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.equal(done.eSigned, false, "sent unsigned: the other card's signature was dropped");
    const row = await storedSubmission(runtime);
    assert.equal(row.eSigned, 0);
  });

  test('the last try only with confirmation; a locked password says so and sending unsigned still works', async () => {
    await atSignPassword();
    for (const left of [4, 3, 2, 1]) {
      const v = expectStep(await call(runtime, 'application.submitSignPassword', { password: 'WRONG1', confirmedLastTry: false }), 'sign-password');
      assert.equal(v.triesLeft, left);
      assert.equal(v.lastTry, left === 1);
    }
    const refused = await call(runtime, 'application.submitSignPassword', { password: 'WRONG1', confirmedLastTry: false });
    assert.deepEqual(refused, { step: 'sign-password', triesLeft: 1, lastTry: true, errorKey: 'application.error.confirmLastTry' });
    assert.equal((await runtime.devices.card.getSignPasswordStatus()).triesLeft, 1, 'nothing sent without the confirmation');
    const locked = await call(runtime, 'application.submitSignPassword', { password: 'WRONG1', confirmedLastTry: true });
    assert.deepEqual(locked, { step: 'sign-choice', canSign: false, messageKey: 'application.error.signPasswordLocked' });
    assert.deepEqual(await call(runtime, 'application.sign', {}), locked, 'no signing with a locked password');
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.equal(done.eSigned, false);
    const row = await storedSubmission(runtime);
    assert.equal(row.eSigned, 0);
    assert.ok(!('electronicSignature' in (JSON.parse(row.json) as { payload: object }).payload));
  });

  test('unsigned from the review, as before: no signature, stored as not e-signed', async () => {
    await reachMoveWithinCityReview(runtime);
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.equal(done.eSigned, false);
    assert.equal((await storedSubmission(runtime)).eSigned, 0);
  });
});
