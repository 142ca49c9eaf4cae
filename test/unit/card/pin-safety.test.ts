/**
 * PIN safety over a hex transcript (reference §2/§4): tries known without using one, format
 * checked before anything is sent, last try needs confirmation, blocked PIN never VERIFYed,
 * the caller's PIN bytes wiped.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ApduChannel } from '../../../devices/card/apdu/apdu-channel';
import { CardError, isCardError } from '../../../devices/card/card-errors';
import { readTextAp, textApPinStatus } from '../../../devices/card/mynumber/text-ap';
import { signWithKey } from '../../../devices/card/mynumber/jpki-ap';
import { encodeSecret } from '../../../devices/card/mynumber/pin-policy';
import { ScriptedSession } from './scripted-session';

const SELECT_TEXT = '00A4040C0AD3921000310001010408';
const SELECT_PIN = '00A4020C020011';
const SELECT_JPKI = '00A4040C0AD392F000260100000001';
const EMPTY_VERIFY = '00200080';

describe('PIN safety', () => {
  test('remaining tries come from an empty VERIFY (no try used)', async () => {
    const s = new ScriptedSession([
      [SELECT_TEXT, '9000'],
      [SELECT_PIN, '9000'],
      [EMPTY_VERIFY, '63C2'],
    ]);
    const st = await textApPinStatus(new ApduChannel(s));
    assert.deepEqual(st, { triesLeft: 2, maxTries: 3, blocked: false, lastTry: false });
    s.done();
  });

  test("the empty VERIFY's other answers: 6983 and 6984 are blocked, 9000 is a full counter, anything else a typed error", async () => {
    const statusFor = async (sw: string) => {
      const s = new ScriptedSession([
        [SELECT_TEXT, '9000'],
        [SELECT_PIN, '9000'],
        [EMPTY_VERIFY, sw],
      ]);
      try {
        return await textApPinStatus(new ApduChannel(s));
      } finally {
        s.done();
      }
    };
    for (const sw of ['6983', '6984']) assert.deepEqual(await statusFor(sw), { triesLeft: 0, maxTries: 3, blocked: true, lastTry: false }, sw);
    assert.deepEqual(await statusFor('9000'), { triesLeft: 3, maxTries: 3, blocked: false, lastTry: false }, 'already verified in this session');
    await assert.rejects(statusFor('6D00'), (e) => isCardError(e, 'unexpected-status'));
  });

  for (const bad of ['123', '12345', '12a4', '１２３４', '']) {
    test(`a PIN of bad format is refused before anything is sent (${bad.length} chars)`, async () => {
      const s = new ScriptedSession([]);
      await assert.rejects(readTextAp(new ApduChannel(s), bad), (e) => isCardError(e, 'pin-format'));
      assert.equal(s.sent.length, 0);
    });
  }

  test('the signing password is upper-cased and must be 6-16 of A-Z0-9', () => {
    assert.equal(encodeSecret('sign-password', 'abc123').toString(), 'ABC123');
    for (const bad of ['ABC12', 'A'.repeat(17), 'ABC-123', 'ÄBC123']) {
      assert.throws(
        () => encodeSecret('sign-password', bad),
        (e) => isCardError(e, 'pin-format'),
      );
    }
  });

  test('with one try left nothing is sent without confirmedLastTry, and the PIN bytes are wiped', async () => {
    const s = new ScriptedSession([
      [SELECT_TEXT, '9000'],
      [SELECT_PIN, '9000'],
      [EMPTY_VERIFY, '63C1'],
    ]);
    const pin = Buffer.from('1234');
    await assert.rejects(readTextAp(new ApduChannel(s), pin), (e) => isCardError(e, 'last-try-needs-confirmation') && e.triesLeft === 1);
    s.done(); // no VERIFY with data in the transcript
    assert.deepEqual([...pin], [0, 0, 0, 0]);
  });

  test('with confirmedLastTry the one VERIFY is sent; a wrong PIN reports 0 tries and is not retried', async () => {
    const s = new ScriptedSession([
      [SELECT_TEXT, '9000'],
      [SELECT_PIN, '9000'],
      [EMPTY_VERIFY, '63C1'],
      ['002000800431323334', '63C0'],
    ]);
    await assert.rejects(readTextAp(new ApduChannel(s), '1234', { confirmedLastTry: true }), (e) => isCardError(e, 'wrong-pin') && e.triesLeft === 0);
    s.done();
  });

  test('a blocked PIN (6984 or 63C0 on the empty VERIFY) is reported without a VERIFY', async () => {
    for (const sw of ['6984', '63C0']) {
      const s = new ScriptedSession([
        [SELECT_JPKI, '9000'],
        ['00A4020C020018', '9000'],
        [EMPTY_VERIFY, sw],
      ]);
      await assert.rejects(signWithKey(new ApduChannel(s), 'auth', '1234', new Uint8Array(32), { confirmedLastTry: true }), (e) =>
        isCardError(e, 'pin-blocked'),
      );
      s.done();
    }
  });

  test('a card pulled during VERIFY fails once; the VERIFY is not sent again', async () => {
    let verifies = 0;
    const session = {
      readerName: 'x',
      atr: new Uint8Array(0),
      isOpen: true,
      async transmit(c: Uint8Array) {
        if (c[1] === 0x20 && c.length > 4) {
          verifies++;
          throw Object.assign(new (await import('../../../devices/card/card-errors')).CardError('card-removed'));
        }
        return c[1] === 0x20 ? Uint8Array.of(0x63, 0xc3) : Uint8Array.of(0x90, 0x00);
      },
      async close() {},
    };
    await assert.rejects(readTextAp(new ApduChannel(session), '1234'), (e) => isCardError(e, 'card-removed'));
    assert.equal(verifies, 1);
  });

  /** A session whose card answers SELECT and the empty VERIFY (63C3) and never answers `muteAt`. */
  function muteSession(muteAt: 'empty-verify' | 'pin-verify') {
    const seen = { pinVerifies: 0, bounds: [] as number[] };
    const session = {
      readerName: 'x',
      atr: new Uint8Array(0),
      isOpen: true,
      async transmit(c: Uint8Array, timeoutMs?: number) {
        seen.bounds.push(timeoutMs ?? -1);
        const isVerify = c[1] === 0x20;
        const withPin = isVerify && c.length > 4;
        if (withPin) seen.pinVerifies++;
        if ((muteAt === 'empty-verify' && isVerify && !withPin) || (muteAt === 'pin-verify' && withPin)) {
          throw new CardError('card-timeout'); // what a session reports when the bound passes
        }
        return isVerify ? Uint8Array.of(0x63, 0xc3) : Uint8Array.of(0x90, 0x00);
      },
      async close() {},
    };
    return { session, seen };
  }

  test('a time-out before the VERIFY sends no PIN: card-timeout, no try at stake', async () => {
    const { session, seen } = muteSession('empty-verify');
    await assert.rejects(readTextAp(new ApduChannel(session, 1234), '1234'), (e) => isCardError(e, 'card-timeout') && !e.pinTryUnknown);
    assert.equal(seen.pinVerifies, 0);
    assert.ok(
      seen.bounds.every((b) => b === 1234),
      'every APDU carries the channel bound',
    );
  });

  test('a VERIFY left unanswered: card-timeout flagged pinTryUnknown, sent once, never again', async () => {
    const { session, seen } = muteSession('pin-verify');
    await assert.rejects(signWithKey(new ApduChannel(session), 'auth', '1234', new Uint8Array(32)), (e) => isCardError(e, 'card-timeout') && e.pinTryUnknown);
    assert.equal(seen.pinVerifies, 1);
  });
});
