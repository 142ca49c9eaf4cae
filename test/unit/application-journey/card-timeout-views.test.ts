/**
 * A card that stops answering, as the citizen sees it: both journeys map `card-timeout` to "take
 * the card out and insert it again" (Japanese first; English in the i18n resources), and the card
 * re-inserted is read from the start: tries left first (no try used), so a VERIFY left unanswered
 * is never re-sent and its possibly used try shows on the PIN screen. Real card client over the
 * in-process reader with a silent card and a short configured bound; no durations asserted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ApplicationView } from '../../../contract/application-journey';
import type { CertificateView } from '../../../contract/certificate-journey';
import { CardError } from '../../../devices/card/card-errors';
import { MyNumberCardClient } from '../../../devices/card/mynumber/my-number-card-client';
import { SilentCard } from '../../../devices/card/sim/silent-card';
import { SimReaderBackend } from '../../../devices/card/sim/sim-reader-backend';
import { CardStateRegistry, VirtualMyNumberCard } from '../../../devices/card/sim/virtual-card';
import { waitForCard } from '../../../devices/card/wait-for-reader';
import { CardStep } from '../../../main/application-journey/card-step';
import { SignStep } from '../../../main/application-journey/sign-step';
import { cardReadFailure, pinFailure } from '../../../main/certificates/card-failures';
import { secretFailure } from '../../../main/card-secret/secret-failure';
import { LeftCardGuard } from '../../../main/card-slot/left-card-guard';

const ROOT = join(__dirname, '..', '..', '..');
const TEST_APDU_TIMEOUT_MS = 300;

let sim: SimReaderBackend;
let client: MyNumberCardClient;
let registry: CardStateRegistry;

beforeEach(async () => {
  sim = new SimReaderBackend();
  await sim.start();
  client = new MyNumberCardClient(sim, { apduTimeoutMs: TEST_APDU_TIMEOUT_MS });
  registry = new CardStateRegistry();
});

afterEach(async () => {
  await sim.stop();
});

async function insert(): Promise<SilentCard> {
  const card = new SilentCard(VirtualMyNumberCard.fromFixture('card-001', { registry }));
  sim.insertCard(card);
  await waitForCard(sim, 2000);
  return card;
}

/** Re-inserting: out, then in again (the card the citizen was asked to re-insert). */
async function reinsert(card: SilentCard): Promise<void> {
  sim.removeCard();
  sim.insertCard(card);
  await waitForCard(sim, 2000);
}

function host() {
  let view: ApplicationView = { step: 'identify' } as ApplicationView;
  let gen = 0;
  const views: ApplicationView[] = [];
  return {
    views,
    show(v: ApplicationView) {
      view = v;
      views.push(v);
      return v;
    },
    current: () => view,
    generation: () => gen,
    bump: () => ++gen,
    identified: (): ApplicationView => ({ step: 'review' }) as unknown as ApplicationView,
    signedBytes: () => Buffer.from('payload'),
    identifiedAs: () => ({}),
    signed: async (): Promise<ApplicationView> => ({ step: 'submitting' }) as unknown as ApplicationView,
  };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('view never came');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('card time-outs in the journeys', () => {
  test('application PIN: a silent card asks to take it out and insert it again; a VERIFY left unanswered is not re-sent, tries re-read', async () => {
    const card = await insert();
    const h = host();
    const step = new CardStep(client, new LeftCardGuard(client, () => undefined), h);
    card.goSilentAfter(0); // the tries-left read meets the silence
    await step.begin();
    await until(() => h.current().step !== 'reading-card');
    assert.deepEqual(h.current(), { step: 'insert-card', messageKey: 'application.cardTimeout' });

    await reinsert(card);
    step.onInserted();
    await until(() => h.current().step === 'pin');
    assert.deepEqual(h.current(), { step: 'pin', triesLeft: 3, lastTry: false });

    card.goSilentAfter(3); // SELECT AP, SELECT PIN EF, empty VERIFY answered; the VERIFY with the PIN is not
    const after = await step.submitPin('1234', false);
    assert.deepEqual(after, { step: 'insert-card', messageKey: 'application.cardTimeout' });
    assert.equal(card.unanswered.filter((h4) => h4[1] === 0x20).length, 1, 'the VERIFY with the PIN went out once, unanswered');

    await reinsert(card);
    step.onInserted();
    await until(() => h.current().step === 'pin');
    assert.deepEqual(h.current(), { step: 'pin', triesLeft: 3, lastTry: false }, 'tries read again before any further attempt');
    assert.equal(registry.triesLeft('card-001', 'text-pin'), 3);
  });

  test('e-signature: a silent card asks to take it out and insert it again', async () => {
    const card = await insert();
    const h = host();
    const step = new SignStep(client, new LeftCardGuard(client, () => undefined), h);
    card.goSilentAfter(1); // SELECT JPKI answered, SELECT of the password EF not
    await step.begin();
    assert.deepEqual(h.current(), { step: 'sign-insert-card', messageKey: 'application.cardTimeout' });

    await reinsert(card);
    step.onInserted();
    await until(() => h.current().step === 'sign-password');
    assert.deepEqual(h.current(), { step: 'sign-password', triesLeft: 5, lastTry: false });
    card.goSilentAfter(5); // … VERIFY, SELECT key answered; COMPUTE SIGNATURE not
    const after = await step.submitPassword('ABC123', false);
    assert.deepEqual(after, { step: 'sign-insert-card', messageKey: 'application.cardTimeout' });
  });

  test('certificates: reading and the PIN both ask to take the card out and insert it again', () => {
    const failure = (messageKey: string): CertificateView => ({ step: 'failed', messageKey }) as CertificateView;
    const pinView = { step: 'pin', triesLeft: 3, lastTry: false } as Extract<CertificateView, { step: 'pin' }>;
    const expected = { step: 'insert-card', messageKey: 'certificate.cardTimeout' };
    const meaning = (err: CardError) => secretFailure(err, 3);
    assert.deepEqual(cardReadFailure(meaning(new CardError('card-timeout')), failure), expected);
    assert.deepEqual(pinFailure(meaning(new CardError('card-timeout')), pinView, failure), expected);
    assert.deepEqual(pinFailure(meaning(new CardError('card-timeout', undefined, { pinTryUnknown: true })), pinView, failure), expected);
  });

  test('the message exists in Japanese and English for both journeys', () => {
    for (const lang of ['ja', 'en']) {
      for (const file of ['certificate', 'application']) {
        const strings = JSON.parse(readFileSync(join(ROOT, 'renderer', 'i18n', 'locales', lang, `${file}.json`), 'utf8')) as Record<string, unknown>;
        assert.equal(typeof strings.cardTimeout, 'string', `${lang}/${file}.json cardTimeout`);
      }
    }
  });
});
