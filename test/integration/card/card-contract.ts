/**
 * The ONE card contract suite (serialport's `testBinding` pattern): the same assertions run
 * against the in-process simulator backend and against the real pcscd + vpcd path.
 * Every test gets fresh card state (its own CardStateRegistry), so tries never leak between tests.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, verify as verifySignature } from 'node:crypto';
import { isCardError, type CardErrorCode } from '../../../devices/card/card-errors';
import { MyNumberCardClient } from '../../../devices/card/mynumber/my-number-card-client';
import { SilentCard } from '../../../devices/card/sim/silent-card';
import { CardStateRegistry, VirtualMyNumberCard } from '../../../devices/card/sim/virtual-card';
import { RecordingCard, type ContractRig } from './contract-rig';

const FATAL: CardErrorCode[] = ['card-removed', 'reader-gone', 'no-card', 'no-reader'];

function freshCard(id: string): RecordingCard {
  return new RecordingCard(VirtualMyNumberCard.fromFixture(id, { registry: new CardStateRegistry() }));
}

/** A card that can go silent, recorded from the outside (the log shows what reached it, answered or not). */
function silentCapableCard(id: string): { card: RecordingCard; silence: SilentCard } {
  const silence = new SilentCard(VirtualMyNumberCard.fromFixture(id, { registry: new CardStateRegistry() }));
  return { card: new RecordingCard(silence), silence };
}

/**
 * Short bound for the time-out tests (no timing is asserted: only the typed error). Long enough
 * for a loaded machine to answer the APDUs before the silence through pcscd.
 */
const TEST_APDU_TIMEOUT_MS = 1000;
/** A card-timeout test that hangs (the bound broken) fails on this instead of stalling the run. */
const HANG_GUARD = { timeout: 60_000 };

/** Runs the contract against the backend made by `makeRig`. */
export function cardContract(
  name: string,
  makeRig: () => Promise<ContractRig>,
  /** `resetWaitsForPull`: an unanswered command holds the reader until the card is pulled (pcscd + vpcd). */
  opts: { pullSteps?: 'all' | 'some'; hasService?: boolean; resetWaitsForPull?: boolean } = {},
): void {
  describe(`card contract: ${name}`, () => {
    let rig: ContractRig;
    let client: MyNumberCardClient;

    before(async () => {
      rig = await makeRig();
      client = new MyNumberCardClient(rig.manager, { readerName: rig.readerName });
    });
    after(async () => {
      await rig?.teardown();
    });

    async function withCard<T>(id: string, fn: (card: RecordingCard) => Promise<T>): Promise<T> {
      const card = freshCard(id);
      await rig.insert(card);
      try {
        return await fn(card);
      } finally {
        await rig.remove();
      }
    }

    test('detects the card by SELECTing the JPKI AID and reads its token label', async () => {
      await withCard('card-001', async (card) => {
        const d = await client.detect();
        assert.equal(d.readerName, rig.readerName);
        assert.equal(d.tokenInfo.label, 'JPKIAPICCTOKEN2');
        assert.equal(card.log[0], 'select');
      });
    });

    test('remaining tries are read without using one; a wrong PIN decrements them', async () => {
      await withCard('card-001', async (card) => {
        assert.equal((await client.getTextApPinStatus()).triesLeft, 3);
        assert.equal((await client.getTextApPinStatus()).triesLeft, 3);
        await assert.rejects(client.readBasicInfo('9999'), (e) => isCardError(e, 'wrong-pin') && e.triesLeft === 2);
        assert.equal((await client.getTextApPinStatus()).triesLeft, 2);
        assert.equal((await client.getAuthPinStatus()).triesLeft, 3, 'the auth PIN is a separate counter');
        assert.equal(card.pinVerifies(), 1);
      });
    });

    test('the right PIN reads the basic 4 and My Number, and the integrity hashes verify', async () => {
      await withCard('card-001', async () => {
        const pin = Buffer.from('1234');
        const r = await client.readBasicInfo(pin);
        assert.match(r.myNumber, /^[0-9]{12}$/);
        assert.ok(r.basicInfo.name.length > 0 && r.basicInfo.address.length > 0);
        assert.match(r.basicInfo.birthDate, /^[0-9]{8}$/);
        assert.ok(['1', '2', '9', '0'].includes(r.basicInfo.sex));
        assert.equal(r.integrityVerified, true);
        assert.deepEqual([...pin], [0, 0, 0, 0], 'the PIN buffer is wiped');
        assert.equal((await client.getTextApPinStatus()).triesLeft, 3);
      });
    });

    test('with one try left the client refuses to send unless confirmedLastTry', async () => {
      await withCard('card-one-try', async (card) => {
        const st = await client.getTextApPinStatus();
        assert.deepEqual([st.triesLeft, st.lastTry], [1, true]);
        await assert.rejects(client.readBasicInfo('3141'), (e) => isCardError(e, 'last-try-needs-confirmation'));
        await assert.rejects(client.signAuthChallenge('3141', randomBytes(32)), (e) => isCardError(e, 'last-try-needs-confirmation'));
        assert.equal(card.pinVerifies(), 0, 'nothing was sent');
        const r = await client.readBasicInfo('3141', { confirmedLastTry: true });
        assert.equal(r.integrityVerified, true);
        assert.equal(card.pinVerifies(), 1);
      });
    });

    test('a blocked card is reported blocked without any VERIFY carrying a PIN', async () => {
      await withCard('card-blocked', async (card) => {
        const st = await client.getTextApPinStatus();
        assert.equal(st.blocked, true);
        await assert.rejects(client.readBasicInfo('1357', { confirmedLastTry: true }), (e) => isCardError(e, 'pin-blocked'));
        await assert.rejects(client.signAuthChallenge('1357', randomBytes(16), { confirmedLastTry: true }), (e) => isCardError(e, 'pin-blocked'));
        assert.equal(card.pinVerifies(), 0);
      });
    });

    test('the auth signature verifies against the certificate public key', async () => {
      await withCard('card-001', async () => {
        const challenge = randomBytes(32);
        const s = await client.signAuthChallenge('1234', challenge);
        assert.equal(s.signature.length, 256);
        assert.ok(verifySignature('sha256', challenge, s.certificate.x509.publicKey, s.signature));
        const pair = await client.readAuthCertificate();
        assert.deepEqual(pair.certificate.der, s.certificate.der);
        assert.ok(pair.certificate.x509.verify(pair.caCertificate.x509.publicKey), 'auth cert is signed by its CA');
      });
    });

    test('the signing certificate needs the password (upper-cased before sending)', async () => {
      await withCard('card-001', async () => {
        assert.equal((await client.getSignPasswordStatus()).triesLeft, 5);
        await assert.rejects(client.readSignCertificate('WRONG1'), (e) => isCardError(e, 'wrong-pin') && e.triesLeft === 4);
        const pair = await client.readSignCertificate('abc123');
        assert.ok(pair.certificate.x509.verify(pair.caCertificate.x509.publicKey));
        const msg = Buffer.from('申請書 test document');
        const s = await client.signWithSignatureKey('ABC123', msg);
        assert.ok(verifySignature('sha256', msg, pair.certificate.x509.publicKey, s.signature));
        assert.equal((await client.getSignPasswordStatus()).triesLeft, 5, 'a right password resets the counter');
      });
    });

    test('a card pulled at each APDU step ends cleanly; the next insert starts from SELECT', async () => {
      const steps = opts.pullSteps === 'some' ? [0, 3, 4, 6, 10] : [...Array(11).keys()];
      for (const step of steps) {
        const card = freshCard('card-001');
        await rig.insert(card);
        card.armPull(step, () => void rig.remove());
        await assert.rejects(client.readBasicInfo('1234'), (e) => isCardError(e, ...FATAL) || assert.fail(`step ${step}: ${String((e as Error).message)}`));
        assert.ok(card.pinVerifies() <= 1, 'no VERIFY repeated');
        const verifiesBefore = card.pinVerifies() + (card.pulledKind === 'verify-pin' ? 1 : 0);
        assert.ok(verifiesBefore <= 1);
        await waitGone(rig);
        card.log.length = 0;
        await rig.insert(card);
        const r = await client.readBasicInfo('1234');
        assert.equal(r.integrityVerified, true, `step ${step}`);
        assert.equal(card.log[0], 'select', 'starts again from SELECT');
        assert.equal(card.pinVerifies(), 1);
        await rig.remove();
      }
    });

    test('a reader that disappears ends the operation with a typed error and comes back', async () => {
      const card = freshCard('card-001');
      await rig.insert(card);
      await rig.unplugReader();
      await assert.rejects(client.detect(), (e) => isCardError(e, 'no-reader', 'no-card', 'reader-gone'));
      await rig.plugReader();
      await rig.insert(card);
      assert.equal((await client.detect()).tokenInfo.isPlasticCard, true);
      await rig.remove();
    });

    test('a card silent before the VERIFY: card-timeout, queued calls released, no try used, the re-inserted card works', HANG_GUARD, async () => {
      const fast = new MyNumberCardClient(rig.manager, { readerName: rig.readerName, apduTimeoutMs: TEST_APDU_TIMEOUT_MS });
      const { card, silence } = silentCapableCard('card-001');
      await rig.insert(card);
      // readBasicInfo: SELECT AP, SELECT PIN EF, then the empty VERIFY (tries left) meets the silence.
      silence.goSilentAfter(2);
      const first = fast.readBasicInfo('1234');
      const queued = [fast.getTextApPinStatus(), fast.detect()];
      await assert.rejects(first, (e) => isCardError(e, 'card-timeout') && !e.pinTryUnknown);
      // Released, not hanging behind the silent card. Where the reader could reset the card at once
      // (in process) the card answers again; where the silent exchange still holds the reader
      // (pcscd + vpcd until the card is pulled) they fail fast with card-timeout.
      for (const r of await Promise.allSettled(queued)) {
        if (r.status === 'rejected') assert.ok(isCardError(r.reason, 'card-timeout'), `queued call: ${String((r.reason as Error).message)}`);
        else assert.ok(!opts.resetWaitsForPull, 'the reader is still held by the unanswered command: queued calls fail');
      }
      assert.deepEqual(card.log.slice(0, 3), ['select', 'select', 'verify-empty']);
      assert.equal(card.pinVerifies(), 0, 'no VERIFY carrying the PIN reached the card');
      await rig.remove();
      await waitGone(rig);
      card.log.length = 0;
      await rig.insert(card);
      assert.equal((await client.getTextApPinStatus()).triesLeft, 3, 'tries left unchanged');
      assert.equal(card.pinVerifies(), 0, 'read without a VERIFY');
      const r = await client.readBasicInfo('1234');
      assert.equal(r.integrityVerified, true);
      assert.equal(card.log[0], 'select', 'starts again from SELECT');
      assert.equal(card.pinVerifies(), 1);
      await rig.remove();
    });

    test('a card silent at the VERIFY: card-timeout with the try unknown, never re-sent; tries re-read before another attempt', HANG_GUARD, async () => {
      const fast = new MyNumberCardClient(rig.manager, { readerName: rig.readerName, apduTimeoutMs: TEST_APDU_TIMEOUT_MS });
      const { card, silence } = silentCapableCard('card-001');
      await rig.insert(card);
      silence.goSilentAfter(3); // the VERIFY with the PIN is the 4th APDU
      await assert.rejects(fast.readBasicInfo('1234'), (e) => isCardError(e, 'card-timeout') && e.pinTryUnknown);
      assert.equal(card.pinVerifies(), 1, 'the VERIFY went out once');
      await rig.remove();
      await waitGone(rig);
      card.log.length = 0;
      await rig.insert(card);
      assert.equal((await client.getTextApPinStatus()).triesLeft, 3);
      const r = await client.readBasicInfo('1234');
      assert.equal(r.integrityVerified, true);
      const firstPin = card.log.indexOf('verify-pin');
      assert.ok(card.log.lastIndexOf('verify-empty', firstPin) >= 0, 'tries left read (no try used) before the next VERIFY');
      assert.equal(card.pinVerifies(), 1, 'one VERIFY for the new call; the unanswered one was not repeated');
      await rig.remove();
    });

    test('a card silent at COMPUTE SIGNATURE: card-timeout; the next card signs', HANG_GUARD, async () => {
      const fast = new MyNumberCardClient(rig.manager, { readerName: rig.readerName, apduTimeoutMs: TEST_APDU_TIMEOUT_MS });
      const { card, silence } = silentCapableCard('card-001');
      await rig.insert(card);
      silence.goSilentAfter(5); // SELECT, SELECT PIN, empty VERIFY, VERIFY, SELECT key, then the signature
      await assert.rejects(fast.signAuthChallenge('1234', randomBytes(32)), (e) => isCardError(e, 'card-timeout') && !e.pinTryUnknown);
      assert.equal(card.log[5], 'sign');
      await rig.remove();
      await waitGone(rig);
      await withCard('card-002', async () => {
        const s = await fast.signAuthChallenge('2580', randomBytes(32));
        assert.equal(s.signature.length, 256);
      });
    });

    // Only where a PC/SC service exists (the in-process backend has no such failure mode).
    if (opts.hasService)
      test('a PC/SC service restart mid-session: typed error, recovery, re-detect, no VERIFY repeated', async () => {
        const restart = rig.restartService;
        assert.ok(restart, 'rig must provide restartService');
        const card = freshCard('card-001');
        await rig.insert(card);
        let restarting: Promise<void> | undefined;
        // APDU 6 is the SELECT of the basic-4 EF, after the VERIFY.
        card.armPull(6, () => {
          restarting = restart();
          restarting.catch(() => undefined); // awaited below; never an unhandled rejection
        });
        await assert.rejects(client.readBasicInfo('1234'), (e) => isCardError(e, ...FATAL));
        assert.equal(card.pinVerifies(), 1, 'the VERIFY before the failure was sent once');
        await restarting;
        await rig.insert(card);
        const d = await client.detect();
        assert.equal(d.tokenInfo.label, 'JPKIAPICCTOKEN2');
        await client.readBasicInfo('1234');
        assert.equal(card.pinVerifies(), 2, 'one VERIFY per operation, none repeated');
        assert.equal((await client.getTextApPinStatus()).triesLeft, 3);
        await rig.remove();
      });
  });
}

async function waitGone(rig: ContractRig): Promise<void> {
  const deadline = Date.now() + 5000;
  while (rig.manager.listReaders().some((r) => r.name === rig.readerName && r.cardPresent)) {
    if (Date.now() > deadline) throw new Error('card still present');
    await new Promise((r) => setTimeout(r, 20));
  }
}
