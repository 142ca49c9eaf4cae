/**
 * The one card-secret step, on the real card client over the in-process reader with the virtual
 * card (fixture card-001: text PIN 1234, auth PIN 1234, signing password ABC123): tries read without
 * using one and clamped, the last try refused without confirmation (nothing reaches the card), the
 * VERIFY carrying the secret sent exactly once, a pulled card costs nothing, and the secret's Buffer
 * all zeros when the call ends on every path (success, wrong, refused, format, error, time-out, pulled).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { CardError } from '../../../devices/card/card-errors';
import { MyNumberCardClient } from '../../../devices/card/mynumber/my-number-card-client';
import { SilentCard } from '../../../devices/card/sim/silent-card';
import { SimReaderBackend } from '../../../devices/card/sim/sim-reader-backend';
import { CardStateRegistry, VirtualMyNumberCard, type CredentialId } from '../../../devices/card/sim/virtual-card';
import { waitForCard } from '../../../devices/card/wait-for-reader';
import { CardSecretStep, type CardSecretKind } from '../../../main/card-secret/card-secret-step';
import { secretFailure } from '../../../main/card-secret/secret-failure';

const CARD = 'card-001';
const CREDENTIAL: Record<CardSecretKind, CredentialId> = { 'auth-pin': 'jpki-auth', 'text-pin': 'text-pin', 'sign-password': 'jpki-sign' };
const RIGHT: Record<CardSecretKind, string> = { 'auth-pin': '1234', 'text-pin': '1234', 'sign-password': 'abc123' };
const WRONG: Record<CardSecretKind, string> = { 'auth-pin': '9999', 'text-pin': '9999', 'sign-password': 'WRONG99' };

let sim: SimReaderBackend;
let client: MyNumberCardClient;
let registry: CardStateRegistry;
/** Every APDU header the card was sent, with whether it carried data (a VERIFY with data carries the secret). */
let sent: { ins: number; withData: boolean }[];

beforeEach(async () => {
  sim = new SimReaderBackend();
  await sim.start();
  client = new MyNumberCardClient(sim, { apduTimeoutMs: 300 });
  registry = new CardStateRegistry();
  sent = [];
  sim.faults.beforeTransmit = (_i, command) => {
    sent.push({ ins: command[1] ?? -1, withData: command.length > 5 });
  };
});

afterEach(async () => {
  await sim.stop();
});

async function insert(wrap?: (card: VirtualMyNumberCard) => SilentCard): Promise<VirtualMyNumberCard> {
  const card = VirtualMyNumberCard.fromFixture(CARD, { registry });
  sim.insertCard(wrap ? wrap(card) : card);
  await waitForCard(sim, 2000);
  return card;
}

function setTries(kind: CardSecretKind, tries: number): void {
  const state = registry.stateFor(CARD, () => assert.fail('the card is inserted first'));
  const credential = state.credentials.get(CREDENTIAL[kind]);
  assert.ok(credential);
  credential.triesLeft = tries;
}

const triesOnCard = (kind: CardSecretKind) => registry.triesLeft(CARD, CREDENTIAL[kind]);
const secretVerifies = () => sent.filter((a) => a.ins === 0x20 && a.withData).length;
const allZero = (b: Buffer | undefined) => b !== undefined && b.length > 0 && b.every((x) => x === 0);

/** The card call of each kind, keeping the Buffer it was handed (to look at after the step). */
function sender(kind: CardSecretKind, seen: Buffer[]) {
  return async (secret: Buffer, opts: { confirmedLastTry?: boolean }): Promise<unknown> => {
    seen.push(secret);
    if (kind === 'auth-pin') return client.signAuthChallenge(secret, Buffer.from('nonce'), opts);
    if (kind === 'text-pin') return client.readBasicInfo(secret, opts);
    return client.signWithSignatureKey(secret, Buffer.from('payload'), opts);
  };
}

/**
 * The Buffers the step makes of `typed`, for paths where it never hands one out (a refusal before
 * the card): Buffer.from is watched while `fn` runs.
 */
async function buffersMadeOf<T>(typed: string, fn: () => Promise<T>): Promise<{ result: T; made: Buffer[] }> {
  const made: Buffer[] = [];
  const original = Buffer.from.bind(Buffer) as (...args: unknown[]) => Buffer;
  const spy = mock.method(Buffer, 'from', (...args: unknown[]) => {
    const b = original(...args);
    if (args[0] === typed) made.push(b);
    return b;
  });
  try {
    return { result: await fn(), made };
  } finally {
    spy.mock.restore();
  }
}

const KINDS: CardSecretKind[] = ['auth-pin', 'text-pin', 'sign-password'];

describe('the card-secret step', () => {
  for (const kind of KINDS) {
    test(`${kind}: tries are read without using one; the right secret is sent once and its Buffer zeroed`, async () => {
      await insert();
      const step = new CardSecretStep(client, kind);
      const read = await step.readTries();
      assert.deepEqual(read, { ok: true, value: { triesLeft: step.maxTries, lastTry: false } });
      assert.equal(secretVerifies(), 0, 'reading tries sends no secret');
      assert.equal(triesOnCard(kind), step.maxTries);

      const seen: Buffer[] = [];
      const used = await step.use(RIGHT[kind], read.ok ? read.value : assert.fail(), false, sender(kind, seen));
      assert.equal(used.ok, true);
      assert.equal(secretVerifies(), 1, 'the VERIFY with the secret went out exactly once');
      assert.equal(seen.length, 1);
      assert.ok(allZero(seen[0]), 'the secret is all zeros after success');
    });

    test(`${kind}: a wrong secret is sent once, says the tries left, and its Buffer is zeroed`, async () => {
      await insert();
      const step = new CardSecretStep(client, kind);
      const seen: Buffer[] = [];
      const used = await step.use(WRONG[kind], { triesLeft: step.maxTries, lastTry: false }, false, sender(kind, seen));
      assert.deepEqual(used, { ok: false, failure: { kind: 'wrong', triesLeft: step.maxTries - 1, lastTry: false } });
      assert.equal(secretVerifies(), 1);
      assert.equal(triesOnCard(kind), step.maxTries - 1);
      assert.ok(allZero(seen[0]), 'the secret is all zeros after a wrong try');
    });
  }

  test("tries left are clamped to the secret's maximum (a card reporting 15 shows 3)", async () => {
    await insert();
    setTries('text-pin', 15);
    const read = await new CardSecretStep(client, 'text-pin').readTries();
    assert.deepEqual(read, { ok: true, value: { triesLeft: 3, lastTry: false } });
    assert.deepEqual(secretFailure(new CardError('wrong-pin', undefined, { triesLeft: 9 }), 5), { kind: 'wrong', triesLeft: 5, lastTry: false });
    assert.deepEqual(secretFailure(new CardError('wrong-pin', undefined, { triesLeft: 0 }), 3), { kind: 'blocked' });
    assert.deepEqual(secretFailure(new CardError('wrong-pin'), 3), { kind: 'blocked' }, 'an unknown count is not a try to offer');
  });

  test('a blocked secret is reported without sending one', async () => {
    await insert();
    setTries('auth-pin', 0);
    assert.deepEqual(await new CardSecretStep(client, 'auth-pin').readTries(), { ok: false, failure: { kind: 'blocked' } });
    assert.equal(secretVerifies(), 0);
  });

  test('the last try: refused without confirmation (nothing reaches the card, Buffer zeroed), sent once when confirmed', async () => {
    await insert();
    setTries('auth-pin', 1);
    const step = new CardSecretStep(client, 'auth-pin');
    const read = await step.readTries();
    assert.deepEqual(read, { ok: true, value: { triesLeft: 1, lastTry: true } });
    const shown = read.ok ? read.value : assert.fail();
    sent = [];
    const seen: Buffer[] = [];
    const { result: refused, made } = await buffersMadeOf(RIGHT['auth-pin'], () => step.use(RIGHT['auth-pin'], shown, false, sender('auth-pin', seen)));
    assert.deepEqual(refused, { ok: false, failure: { kind: 'confirm-last-try' } });
    assert.equal(made.length, 1);
    assert.ok(allZero(made[0]), 'the refused secret is all zeros');
    assert.equal(sent.length, 0, 'not one APDU: the step refused before the card');
    assert.equal(seen.length, 0);
    assert.equal(triesOnCard('auth-pin'), 1);

    const confirmed = await step.use(RIGHT['auth-pin'], shown, true, sender('auth-pin', seen));
    assert.equal(confirmed.ok, true);
    assert.equal(secretVerifies(), 1);
    assert.ok(allZero(seen[0]));
    assert.equal(triesOnCard('auth-pin'), 3, 'the right PIN restores the tries');
  });

  test('a count that dropped to one since the screen was shown is refused by the card layer, nothing sent', async () => {
    await insert();
    const step = new CardSecretStep(client, 'text-pin');
    setTries('text-pin', 1);
    const seen: Buffer[] = [];
    const used = await step.use(RIGHT['text-pin'], { triesLeft: 2, lastTry: false }, false, sender('text-pin', seen));
    assert.deepEqual(used, { ok: false, failure: { kind: 'confirm-last-try' } });
    assert.equal(secretVerifies(), 0);
    assert.equal(triesOnCard('text-pin'), 1);
    assert.ok(allZero(seen[0]));
  });

  test('a card pulled before the VERIFY with the secret costs nothing, and the Buffer is zeroed', async () => {
    await insert();
    const step = new CardSecretStep(client, 'auth-pin');
    sim.faults.beforeTransmit = (_i, command) => {
      if (command[1] === 0x20 && command.length > 5) sim.removeCard();
    };
    const seen: Buffer[] = [];
    const used = await step.use(WRONG['auth-pin'], { triesLeft: 3, lastTry: false }, false, sender('auth-pin', seen));
    assert.deepEqual(used, { ok: false, failure: { kind: 'card-out' } });
    assert.equal(triesOnCard('auth-pin'), 3, 'no try used');
    assert.ok(allZero(seen[0]));

    const none = await step.use(WRONG['auth-pin'], { triesLeft: 3, lastTry: false }, false, sender('auth-pin', seen));
    assert.deepEqual(none, { ok: false, failure: { kind: 'card-out' } }, 'no card in the reader: card-out too');
    assert.ok(allZero(seen[1]));
    assert.equal(triesOnCard('auth-pin'), 3);
  });

  test('a card that does not answer the VERIFY: card-timeout with pinTryUnknown, not re-sent, Buffer zeroed', async () => {
    await insert((card) => new SilentCard(card, 3)); // SELECT AP, SELECT PIN EF, empty VERIFY answered
    const step = new CardSecretStep(client, 'text-pin');
    const seen: Buffer[] = [];
    const used = await step.use(RIGHT['text-pin'], { triesLeft: 3, lastTry: false }, false, sender('text-pin', seen));
    assert.deepEqual(used, { ok: false, failure: { kind: 'card-timeout', pinTryUnknown: true } });
    assert.equal(secretVerifies(), 1, 'sent once, never again');
    assert.ok(allZero(seen[0]));
  });

  test("the journey's own error before the card is reached (the ward's nonce) comes back as other, Buffer zeroed", async () => {
    await insert();
    const step = new CardSecretStep(client, 'auth-pin');
    const wardDown = new Error('ward unreachable');
    let seen: Buffer | undefined;
    const used = await step.use(RIGHT['auth-pin'], { triesLeft: 3, lastTry: false }, false, async (secret) => {
      seen = secret;
      throw wardDown;
    });
    assert.deepEqual(used, { ok: false, failure: { kind: 'other', error: wardDown } });
    assert.ok(allZero(seen), 'the secret is all zeros after an error the card never saw');
    assert.equal(sent.length, 0);
  });

  test('a malformed secret is refused before anything is sent', async () => {
    await insert();
    for (const [kind, typed] of [
      ['auth-pin', '12a4'],
      ['text-pin', '12345'],
      ['sign-password', 'ABC'],
      ['sign-password', 'ıııııı'],
    ] as const) {
      const seen: Buffer[] = [];
      const { result: used, made } = await buffersMadeOf(typed, () =>
        new CardSecretStep(client, kind).use(typed, { triesLeft: 3, lastTry: false }, false, sender(kind, seen)),
      );
      assert.deepEqual(used, { ok: false, failure: { kind: 'format' } }, `${kind} refuses its malformed secret`);
      assert.ok(made.length === 1 && allZero(made[0]), 'the malformed secret is all zeros');
      assert.equal(seen.length, 0);
    }
    assert.equal(sent.length, 0);
  });
});
