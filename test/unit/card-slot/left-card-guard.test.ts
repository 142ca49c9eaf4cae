/**
 * LeftCardGuard: a card noted at a wipe blocks reading until a removal is seen (or the reader
 * shows no card / another card); a timeout with a card in alerts staff once; nothing personal kept.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CardReaderInfo } from '../../../devices/card/card-reader-manager';
import { LeftCardGuard } from '../../../main/card-slot/left-card-guard';
import type { StaffAlert } from '../../../main/staff/staff-alert';

function fakeCard() {
  let reader: CardReaderInfo | undefined;
  const removed: ((name: string) => void)[] = [];
  return {
    insert(name: string, atr: number[]) {
      reader = { name, cardPresent: true, atr: Uint8Array.from(atr) };
    },
    remove() {
      const name = reader?.name;
      reader = undefined;
      if (name) for (const l of removed) l(name);
    },
    client: {
      currentReader: () => reader,
      on: ((event: string, listener: (name: string) => void) => {
        assert.equal(event, 'cardRemoved');
        removed.push(listener);
        return () => removed.splice(removed.indexOf(listener), 1);
      }) as never,
    },
    listeners: () => removed.length,
  };
}

function setup() {
  const card = fakeCard();
  const alerts: StaffAlert[] = [];
  const guard = new LeftCardGuard(card.client, (a) => alerts.push(a));
  return { card, alerts, guard };
}

describe('LeftCardGuard', () => {
  test('no card at the wipe: nothing blocks', () => {
    const { card, guard, alerts } = setup();
    guard.noteSessionEnd('cancel');
    card.insert('R1', [0x3b, 0x01]);
    assert.equal(guard.blocksReading(), false);
    assert.equal(alerts.length, 0);
  });

  test('a card left at the wipe blocks until removed; staff told once; a removal frees the reader', () => {
    const { card, guard, alerts } = setup();
    card.insert('R1', [0x3b, 0x01]);
    guard.noteSessionEnd('cancel');
    guard.noteSessionEnd('cancel'); // the other journey's wipe: the same card, once
    assert.equal(alerts.length, 0, 'a plain 戻る alerts only when a new session finds the card');
    assert.equal(guard.blocksReading(), true);
    assert.equal(guard.blocksReading(), true);
    assert.deepEqual(
      alerts.map((a) => a.code),
      ['card-left-in-reader'],
    );
    card.remove();
    card.insert('R1', [0x3b, 0x01]);
    assert.equal(guard.blocksReading(), false, 'removed and inserted again: read');
  });

  test('another card or another reader is not the left one', () => {
    const { card, guard } = setup();
    card.insert('R1', [0x3b, 0x01]);
    guard.noteSessionEnd('cancel');
    card.insert('R1', [0x3b, 0x02]); // no removal event seen, but another ATR
    assert.equal(guard.blocksReading(), false);
    card.insert('R1', [0x3b, 0x01]);
    assert.equal(guard.blocksReading(), false, 'the note is gone once it did not match');
  });

  test('a timeout with the card in alerts staff at once, once', () => {
    const { card, guard, alerts } = setup();
    card.insert('R1', [0x3b]);
    guard.noteSessionEnd('timeout');
    guard.noteSessionEnd('timeout');
    assert.deepEqual(
      alerts.map((a) => a.code),
      ['card-left-at-timeout'],
    );
    assert.ok(
      alerts.every((a) => a.reference === undefined),
      'nothing about the card or person in the alert',
    );
  });

  test('dispose stops listening', () => {
    const { card, guard } = setup();
    assert.equal(card.listeners(), 1);
    guard.dispose();
    assert.equal(card.listeners(), 0);
  });
});
