import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SimReaderBackend, SIM_READER_NAME } from '../../../devices/card/sim/sim-reader-backend';
import { createCardReaderManager } from '../../../devices/card/card-reader-registry';
import type { ApduCard } from '../../../devices/card/sim/apdu-card';
import { CardError, isCardError } from '../../../devices/card/card-errors';
import { SilentCard } from '../../../devices/card/sim/silent-card';

function echoCard(): ApduCard & { resets: number; seen: number } {
  return {
    atr: Uint8Array.of(0x3b, 0xe0),
    resets: 0,
    seen: 0,
    transmit(c) {
      this.seen++;
      return Uint8Array.of(c[1] ?? 0, 0x90, 0x00);
    },
    reset() {
      this.resets++;
    },
  };
}

describe('in-process simulator backend', () => {
  test('the registry builds it for "sim"; it shows one reader-like reader', async () => {
    const sim = createCardReaderManager({ backend: 'sim' });
    assert.ok(sim instanceof SimReaderBackend);
    assert.deepEqual(sim.listReaders(), []);
    await sim.start();
    assert.deepEqual(
      sim.listReaders().map((r) => [r.name, r.cardPresent]),
      [[SIM_READER_NAME, false]],
    );
    await sim.stop();
  });

  test('events and answers arrive asynchronously, like hardware', async () => {
    const sim = new SimReaderBackend();
    await sim.start();
    const events: string[] = [];
    sim.on('cardInserted', () => events.push('in'));
    sim.on('cardRemoved', () => events.push('out'));
    const card = echoCard();
    sim.insertCard(card);
    assert.deepEqual(events, [], 'not synchronous');
    const s = await sim.connect(SIM_READER_NAME);
    const p = s.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c));
    assert.equal(card.seen, 0, 'the card has not run yet');
    assert.deepEqual([...(await p)], [0xa4, 0x90, 0]);
    await assert.rejects(sim.connect(SIM_READER_NAME), (e) => isCardError(e, 'busy'));
    await s.close();
    assert.equal(card.resets, 2, 'reset on insert and on session close');
    sim.removeCard();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(events, ['in', 'out']);
    await sim.stop();
  });

  test('a card pulled at an APDU fails it with card-removed and kills the session', async () => {
    const sim = new SimReaderBackend();
    await sim.start();
    const card = echoCard();
    sim.insertCard(card);
    sim.faults.beforeTransmit = (i) => {
      if (i === 1) sim.removeCard();
    };
    const s = await sim.connect(SIM_READER_NAME);
    await s.transmit(Uint8Array.of(0, 1));
    await assert.rejects(s.transmit(Uint8Array.of(0, 2)), (e) => isCardError(e, 'card-removed'));
    assert.equal(card.seen, 1, 'the card never saw the pulled APDU');
    assert.equal(s.isOpen, false);
    await assert.rejects(sim.connect(SIM_READER_NAME), (e) => isCardError(e, 'no-card'));
    await sim.stop();
  });

  test('a lost answer: the card did the work, the caller gets the error, the session stays open', async () => {
    const sim = new SimReaderBackend();
    await sim.start();
    const card = echoCard();
    sim.insertCard(card);
    sim.faults.loseAnswer = (i) => (i === 0 ? new CardError('reader-gone', 'link error') : undefined);
    const s = await sim.connect(SIM_READER_NAME);
    await assert.rejects(s.transmit(Uint8Array.of(0, 1)), (e) => isCardError(e, 'reader-gone'));
    assert.equal(card.seen, 1, 'the card saw the APDU whose answer was lost');
    assert.equal(s.isOpen, true);
    assert.deepEqual([...(await s.transmit(Uint8Array.of(0, 2)))], [2, 0x90, 0x00]);
    await s.close();
    await sim.stop();
  });

  test('an unplugged reader fails sessions with reader-gone and disappears', async () => {
    const sim = new SimReaderBackend();
    await sim.start();
    sim.insertCard(echoCard());
    const s = await sim.connect(SIM_READER_NAME);
    sim.unplugReader();
    await assert.rejects(s.transmit(Uint8Array.of(0, 1)), (e) => isCardError(e, 'reader-gone'));
    assert.deepEqual(sim.listReaders(), []);
    await assert.rejects(sim.connect(SIM_READER_NAME), (e) => isCardError(e, 'no-reader'));
    await sim.stop();
  });

  test('a silent card: card-timeout at the bound, the session dies and the card is reset at once, the next session works', async () => {
    const sim = new SimReaderBackend();
    await sim.start();
    const inner = echoCard();
    const card = new SilentCard(inner, 1);
    sim.insertCard(card);
    const s = await sim.connect(SIM_READER_NAME);
    await s.transmit(Uint8Array.of(0, 1), 1000);
    await assert.rejects(s.transmit(Uint8Array.of(0, 2), 20), (e) => isCardError(e, 'card-timeout'));
    assert.equal(s.isOpen, false);
    assert.equal(inner.seen, 1, 'the unanswered APDU never reached the card');
    assert.equal(card.silent, false, 'the reset revived the card');
    const s2 = await sim.connect(SIM_READER_NAME);
    assert.deepEqual([...(await s2.transmit(Uint8Array.of(0, 3), 1000))], [3, 0x90, 0]);
    await s2.close();
    await sim.stop();
  });

  test('a silent card pulled before the bound: card-removed', async () => {
    const sim = new SimReaderBackend();
    await sim.start();
    sim.insertCard(new SilentCard(echoCard(), 0));
    const s = await sim.connect(SIM_READER_NAME);
    const pending = s.transmit(Uint8Array.of(0, 1), 60_000);
    await new Promise((r) => setImmediate(r));
    sim.removeCard();
    await assert.rejects(pending, (e) => isCardError(e, 'card-removed'));
    await sim.stop();
  });
});
