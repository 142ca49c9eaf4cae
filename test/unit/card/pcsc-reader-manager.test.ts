/**
 * The PC/SC backend against a fake pcsclite (the C ABI is faked, as AusweisApp's helper/pcsc
 * does): reader policy, hot-plug, card removal, error mapping, and recovery after pcscd dies.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { PcscReaderManager } from '../../../devices/card/pcsc/pcsc-reader-manager';
import type { PcscLiteLike, PcscReaderLike } from '../../../devices/card/pcsc/pcsclite-types';
import { isCardError } from '../../../devices/card/card-errors';
import { waitForCard, waitForReader } from '../../../devices/card/wait-for-reader';

const PRESENT = 0x20;
const EMPTY = 0x10;

class FakeReader extends EventEmitter implements PcscReaderLike {
  connected = false;
  readonly SCARD_SHARE_EXCLUSIVE = 1;
  readonly SCARD_STATE_PRESENT = PRESENT;
  readonly SCARD_STATE_MUTE = 0x200;
  readonly SCARD_RESET_CARD = 1;
  transmitError: string | undefined;
  disconnects = 0;
  connects = 0;
  transmits = 0;
  /** A mute card: transmits are held here unanswered, as pcsclite holds them while vpcd waits. */
  mute = false;
  held: ((err: unknown, r: Buffer) => void) | undefined;
  constructor(readonly name: string) {
    super();
  }
  /** A reader that does not answer SCardConnect: the callback is held here. */
  heldConnect: (() => void) | undefined;
  connect(_o: unknown, cb: (err: unknown, p: number) => void) {
    this.connects++;
    const answer = () => {
      this.connected = true;
      cb(null, 2);
    };
    if (this.mute) this.heldConnect = answer;
    else setImmediate(answer);
  }
  disconnect(_d: number, cb: (err: unknown) => void) {
    setImmediate(() => {
      this.disconnects++;
      this.connected = false;
      cb(null);
    });
  }
  transmit(_d: Buffer, _l: number, _p: number, cb: (err: unknown, r: Buffer) => void) {
    this.transmits++;
    if (this.mute) {
      this.held = cb;
      return;
    }
    setImmediate(() => (this.transmitError ? cb(new Error(this.transmitError), Buffer.alloc(0)) : cb(null, Buffer.from([0x90, 0]))));
  }
  close() {}
  insert() {
    this.emit('status', { state: PRESENT, atr: Buffer.from([0x3b, 0x00]) });
  }
  remove() {
    this.emit('status', { state: EMPTY });
  }
}

class FakePcsc {
  up = true;
  contexts: Array<EventEmitter & PcscLiteLike> = [];
  readonly factory = (): PcscLiteLike => {
    if (!this.up) throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
    const ctx = Object.assign(new EventEmitter(), { close() {} });
    this.contexts.push(ctx);
    return ctx;
  };
  addReader(name: string): FakeReader {
    const r = new FakeReader(name);
    this.contexts.at(-1)?.emit('reader', r);
    return r;
  }
}

async function started(fake: FakePcsc, allow: string[] = []) {
  const m = new PcscReaderManager({ factory: fake.factory, allowReaderPatterns: allow, initialBackoffMs: 5, maxBackoffMs: 20 });
  await m.start();
  return m;
}

/** A started manager with one real-looking reader holding a card. */
async function startedWithCard() {
  const fake = new FakePcsc();
  const m = await started(fake);
  const r = fake.addReader('ACS ACR39U 00 00');
  r.insert();
  await waitForCard(m, 1000);
  return { fake, m, r };
}

describe('PC/SC reader manager (fake pcsclite)', () => {
  test('refuses virtual readers unless allow-listed', async () => {
    const fake = new FakePcsc();
    const m = await started(fake, ['^Virtual PCD 00 01$']);
    fake.addReader('Virtual PCD 00 00');
    fake.addReader('Virtual PCD 00 01');
    fake.addReader('SCM Microsystems SCR 3310 [CCID Interface] 00 00');
    assert.deepEqual(
      m
        .listReaders()
        .map((r) => r.name)
        .sort(),
      ['SCM Microsystems SCR 3310 [CCID Interface] 00 00', 'Virtual PCD 00 01'],
    );
    await m.stop();
  });

  test('card removal kills the open session; the next transmit is card-removed', async () => {
    const { m, r } = await startedWithCard();
    const s = await m.connect(r.name);
    assert.deepEqual([...(await s.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c)))], [0x90, 0]);
    await assert.rejects(m.connect(r.name), (e) => isCardError(e, 'busy'));
    r.remove();
    await assert.rejects(s.transmit(Uint8Array.of(0, 0xb0, 0, 0, 0)), (e) => isCardError(e, 'card-removed'));
    await s.close();
    await assert.rejects(m.connect(r.name), (e) => isCardError(e, 'no-card'));
    await m.stop();
  });

  test('PC/SC transmit errors map to typed errors by code', async () => {
    const { m, r } = await startedWithCard();
    for (const [msg, code] of [
      ['SCardTransmit error: Card was removed.(0x80100069)', 'card-removed'],
      ['SCardTransmit error: Service not available.(0x8010001d)', 'reader-gone'],
    ] as const) {
      const s = await m.connect(r.name);
      r.transmitError = msg;
      await assert.rejects(s.transmit(Uint8Array.of(0, 0xb0, 0, 0, 0)), (e) => isCardError(e, code));
      assert.equal(s.isOpen, false);
      await s.close();
      r.transmitError = undefined;
    }
    await m.stop();
  });

  test('recovers when the service dies: sessions end reader-gone, context recreated with backoff', async () => {
    const fake = new FakePcsc();
    const m = await started(fake);
    const lost: string[] = [];
    m.on('serviceLost', () => lost.push('lost'));
    m.on('serviceRestored', () => lost.push('restored'));
    const r = fake.addReader('ACS ACR39U 00 00');
    r.insert();
    await waitForCard(m, 1000);
    const s = await m.connect(r.name);
    fake.up = false;
    fake.contexts.at(-1)?.emit('error', new Error('SCardGetStatusChange error: RPC transport error.(0x80100013)'));
    await assert.rejects(s.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c)), (e) => isCardError(e, 'reader-gone'));
    assert.deepEqual(m.listReaders(), []);
    await new Promise((res) => setTimeout(res, 60)); // several failed attempts
    const attempts = fake.contexts.length;
    fake.up = true;
    await waitForReader(m, () => false, 80).catch(() => undefined);
    assert.ok(fake.contexts.length > attempts, 'a new context was established');
    const r2 = fake.addReader('ACS ACR39U 00 00');
    r2.insert();
    const info = await waitForCard(m, 1000);
    assert.equal(info.name, 'ACS ACR39U 00 00');
    // Events from the dead context are ignored.
    r.remove();
    assert.equal(m.listReaders()[0]?.cardPresent, true);
    assert.deepEqual(lost, ['lost', 'restored']);
    await m.stop();
  });

  test('a mute card: card-timeout, the session dies, the reader is refused until the unanswered call ends, then the card is reset', async () => {
    const { m, r } = await startedWithCard();
    const s = await m.connect(r.name);
    r.mute = true;
    await assert.rejects(s.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c), 20), (e) => isCardError(e, 'card-timeout'));
    assert.equal(s.isOpen, false);
    await assert.rejects(s.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c), 20), (e) => isCardError(e, 'card-timeout'));
    assert.equal(r.transmits, 1, 'nothing more is sent on a dead session');
    await s.close(); // returns at once: the reset waits for pcsclite to give the reader back
    assert.equal(r.disconnects, 0);
    // Queued callers are refused at once instead of waiting behind the unanswered command.
    await assert.rejects(m.connect(r.name), (e) => isCardError(e, 'card-timeout'));
    assert.equal(r.connects, 1, 'no SCardConnect queued behind the unanswered one');
    // The card is pulled: the held call ends with an error, then the reset goes out.
    r.mute = false;
    r.held?.(new Error('SCardTransmit error: Transaction failed.(0x80100016)'), Buffer.alloc(0));
    await new Promise((res) => setTimeout(res, 20));
    assert.equal(r.disconnects, 1, 'disconnect with reset after the unanswered call ended');
    const s2 = await m.connect(r.name);
    assert.deepEqual([...(await s2.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c), 1000))], [0x90, 0]);
    await s2.close();
    await m.stop();
  });

  test('a late answer to a timed-out APDU is dropped unread', async () => {
    const { m, r } = await startedWithCard();
    const s = await m.connect(r.name);
    r.mute = true;
    const sent = s.transmit(Uint8Array.of(0, 0x20, 0, 0x80, 4, 0x31, 0x32, 0x33, 0x34), 20);
    await assert.rejects(sent, (e) => isCardError(e, 'card-timeout'));
    r.held?.(null, Buffer.from([0x90, 0])); // the card answers after all: nobody gets this
    await s.close();
    await new Promise((res) => setTimeout(res, 20));
    assert.equal(r.disconnects, 1, 'the card is reset, so a PIN it may have accepted is not left verified');
    await m.stop();
  });

  test('a connect with no answer: card-timeout, the reader refused until it ends, then what it opened is reset', async () => {
    const { m, r } = await startedWithCard();
    r.mute = true;
    await assert.rejects(m.connect(r.name, 20), (e) => isCardError(e, 'card-timeout'));
    await assert.rejects(m.connect(r.name, 20), (e) => isCardError(e, 'card-timeout'));
    assert.equal(r.connects, 1, 'nothing queued behind the unanswered SCardConnect');
    r.mute = false;
    r.heldConnect?.(); // the late success
    await new Promise((res) => setTimeout(res, 20));
    assert.equal(r.disconnects, 1, 'the late connection is closed with a reset');
    const s = await m.connect(r.name, 1000);
    assert.deepEqual([...(await s.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c), 1000))], [0x90, 0]);
    await s.close();
    await m.stop();
  });
});
