/**
 * The virtual card through the real pcscd: attach via vpcd, read with the pcsclite addon.
 * Uses the second vpcd slot (port 35964, "Virtual PCD 00 01") so it does not collide with a
 * sim:card left on the first slot.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { SilentCard } from '../../../devices/card/sim/silent-card';
import { VirtualMyNumberCard, CardStateRegistry } from '../../../devices/card/sim/virtual-card';
import { attachToVpcd, VpcdAttachError, type VpcdAttachment } from '../../../devices/card/sim/vpcd';
import { ensurePcscd, stopPcscd, VPCD_READERS } from '../../support/pcscd';

const PORT = 35964;
const READER = VPCD_READERS[PORT];

interface Reader extends EventEmitter {
  name: string;
  state: number;
  SCARD_STATE_PRESENT: number;
  SCARD_SHARE_SHARED: number;
  SCARD_LEAVE_CARD: number;
  connect(o: { share_mode: number }, cb: (err: Error | null, protocol: number) => void): void;
  transmit(d: Buffer, len: number, protocol: number, cb: (err: Error | null, r: Buffer) => void): void;
  disconnect(disposition: number, cb: (err: Error | null) => void): void;
  close(): void;
}
interface Pcsc extends EventEmitter {
  close(): void;
}

const hex = (h: string): Buffer => Buffer.from(h.replace(/ /g, ''), 'hex');

describe('virtual card through vpcd and pcscd', () => {
  let pcsc: Pcsc;
  let reader: Reader;
  /** Reader state changes, as pcsclite reports them. */
  const presence: boolean[] = [];

  before(async () => {
    await ensurePcscd();
    const factory = (await import('pcsclite')).default as unknown as () => Pcsc;
    pcsc = factory();
    // Closing the context cancels pending status waits; pcsclite reports that as an 'error'.
    pcsc.on('error', () => undefined);
    reader = await new Promise<Reader>((resolve) => {
      pcsc.on('reader', (r: Reader) => {
        r.on('error', () => undefined);
        if (r.name !== READER) return;
        r.on('status', (s: { state: number }) => presence.push((s.state & r.SCARD_STATE_PRESENT) !== 0));
        resolve(r);
      });
    });
  });

  after(async () => {
    reader?.close();
    pcsc?.close();
    await stopPcscd();
  });

  async function waitPresence(present: boolean): Promise<void> {
    const deadline = Date.now() + 5000;
    while (presence.at(-1) !== present) {
      if (Date.now() > deadline) throw new Error(`reader never became ${present ? 'present' : 'empty'}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  function transmitter(protocol: number): (apdu: string) => Promise<Buffer> {
    return (apdu) =>
      new Promise((resolve, reject) => {
        reader.transmit(hex(apdu), 4096, protocol, (err, r) => (err ? reject(err) : resolve(r)));
      });
  }

  test('insert, SELECT JPKI, read the auth cert, wrong PIN gives 63C2, detach is removal', async () => {
    const registry = new CardStateRegistry();
    const card = VirtualMyNumberCard.fromFixture('card-001', { registry });
    const attachment: VpcdAttachment = await attachToVpcd(card, { port: PORT });
    try {
      await waitPresence(true);
      const protocol = await new Promise<number>((resolve, reject) => {
        reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (err, p) => (err ? reject(err) : resolve(p)));
      });
      const tx = transmitter(protocol);
      assert.equal((await tx('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toString('hex'), '9000');
      assert.equal((await tx('00 A4 02 0C 02 00 0A')).toString('hex'), '9000');
      const head = await tx('00 B0 00 00 04');
      assert.equal(head.subarray(0, 2).toString('hex'), '3082');
      assert.equal(head.subarray(-2).toString('hex'), '9000');
      const certLength = head.readUInt16BE(2) + 4;
      const chunk = await tx('00 B0 00 00 00');
      assert.equal(chunk.length, 258);
      assert.ok(certLength > 256);
      assert.equal((await tx('00 A4 02 0C 02 00 18')).toString('hex'), '9000');
      assert.equal((await tx('00 20 00 80 04 30 30 30 30')).toString('hex'), '63c2');
      assert.equal(registry.triesLeft('card-001', 'jpki-auth'), 2);
      await new Promise<void>((resolve) => reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve()));
    } finally {
      await attachment.detach();
    }
    assert.equal(await attachment.closed, 'detached');
    await waitPresence(false);
  });

  test('a silent card: pcsclite waits with no limit of its own until the card is pulled (why the card layer bounds every APDU)', async () => {
    const card = new SilentCard(VirtualMyNumberCard.fromFixture('card-001', { registry: new CardStateRegistry() }));
    let attachment: VpcdAttachment = await attachToVpcd(card, { port: PORT });
    let protocol = 0;
    try {
      await waitPresence(true);
      protocol = await new Promise<number>((resolve, reject) => {
        reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (err, p) => (err ? reject(err) : resolve(p)));
      });
      const tx = transmitter(protocol);
      card.goSilentAfter(1);
      assert.equal((await tx('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toString('hex'), '9000');
      let settled = false;
      const pending = tx('00 A4 02 0C 02 00 0A').finally(() => (settled = true));
      pending.catch(() => undefined);
      const deadline = Date.now() + 5000;
      while (card.unanswered.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(card.unanswered.length, 1, 'the APDU reached the card, which did not answer');
      assert.equal(settled, false, 'nothing answers in its place');
      await attachment.detach(); // the citizen pulls the card
      // Pulling the card ends the wait: vpcd reports it as an answer without a status word (or an error).
      const ended = await pending.then(
        (r) => r.length,
        () => 0,
      );
      assert.ok(ended < 2, 'no status word: not an answer from the card');
      await waitPresence(false);
      await new Promise<void>((resolve) => reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve()));
      // Re-inserted (powered up again, so reset): the card answers again.
      attachment = await attachToVpcd(card, { port: PORT });
      await waitPresence(true);
      protocol = await new Promise<number>((resolve, reject) => {
        reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (err, p) => (err ? reject(err) : resolve(p)));
      });
      assert.equal((await transmitter(protocol)('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toString('hex'), '9000');
      await new Promise<void>((resolve) => reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve()));
    } finally {
      await attachment.detach();
    }
    await waitPresence(false);
  });

  test('attaching where nothing listens fails with a typed error', async () => {
    const card = VirtualMyNumberCard.fromFixture('card-002', { registry: new CardStateRegistry() });
    await assert.rejects(attachToVpcd(card, { port: 1 }), (e: unknown) => e instanceof VpcdAttachError && e.code === 'connect-failed');
  });
});
