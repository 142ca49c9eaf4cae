/**
 * The vpcd client against a fake vpcd (a loopback TCP server on a free port): framing, ATR,
 * APDUs, reset, bad frames closing the connection, detach = removal.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import fc from 'fast-check';
import { CardStateRegistry, VirtualMyNumberCard } from '../../../devices/card/sim/virtual-card';
import { attachToVpcd, frame, VpcdDecoder } from '../../../devices/card/sim/vpcd';
import { h, JPKI_AID } from './card-harness';

describe('vpcd framing', () => {
  test('decodes controls and APDUs across any chunking', () => {
    const stream = Buffer.concat([frame(Uint8Array.of(0x04)), frame(h(`00A4040C0A${JPKI_AID}`)), frame(Uint8Array.of(0x02)), frame(h('00B0000000'))]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const d = new VpcdDecoder();
        const out = [];
        let at = 0;
        for (const p of [...points, stream.length]) {
          out.push(...d.push(stream.subarray(at, p)));
          at = p;
        }
        assert.deepEqual(
          out.map((m) => m.kind),
          ['control', 'apdu', 'control', 'apdu'],
        );
        assert.equal(d.pendingBytes, 0);
      }),
    );
  });

  test('empty frame and unknown control are invalid; frame() refuses > 65535 bytes', () => {
    assert.deepEqual(new VpcdDecoder().push(h('0000')), [{ kind: 'invalid', reason: 'empty-frame' }]);
    assert.deepEqual(new VpcdDecoder().push(h('000107')), [{ kind: 'invalid', reason: 'unknown-control' }]);
    assert.throws(() => frame(new Uint8Array(65536)), RangeError);
  });
});

/** A fake vpcd: accepts one card connection and exchanges framed messages with it. */
async function fakeVpcd(): Promise<{ server: Server; port: number; connection: Promise<Socket> }> {
  const server = createServer();
  const connection = new Promise<Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, connection };
}

function exchanger(socket: Socket): (payload: Buffer) => Promise<Buffer> {
  const decoder = new VpcdDecoder();
  const waiting: ((b: Buffer) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    for (const m of decoder.push(chunk)) {
      // Responses of 1 byte would look like controls to the decoder; a card never sends those.
      if (m.kind === 'apdu') waiting.shift()?.(Buffer.from(m.bytes));
    }
  });
  return (payload) =>
    new Promise((resolve) => {
      waiting.push(resolve);
      socket.write(frame(payload));
    });
}

describe('attachToVpcd', () => {
  test('answers ATR, APDUs, reset clears state, detach closes the connection', async () => {
    const vpcd = await fakeVpcd();
    const card = VirtualMyNumberCard.fromFixture('card-001', { registry: new CardStateRegistry() });
    const attachment = await attachToVpcd(card, { port: vpcd.port });
    const socket = await vpcd.connection;
    try {
      const send = exchanger(socket);
      assert.deepEqual(await send(Buffer.from([0x04])), Buffer.from(card.atr));
      assert.equal((await send(h(`00A4040C0A${JPKI_AID}`))).toString('hex'), '9000');
      assert.equal((await send(h('00A4020C020008'))).toString('hex'), '9000');
      socket.write(frame(Uint8Array.of(0x02))); // reset: no answer expected
      assert.equal((await send(h('00A4020C020008'))).toString('hex'), '6a82', 'no AP selected after reset');
      const serverSawClose = new Promise<void>((r) => socket.once('close', () => r()));
      await attachment.detach();
      await serverSawClose;
      assert.equal(await attachment.closed, 'detached');
    } finally {
      socket.destroy();
      await new Promise((r) => vpcd.server.close(r));
    }
  });

  test('a zero-length frame closes the connection (protocol-error); peer close is removal', async () => {
    for (const bad of [true, false]) {
      const vpcd = await fakeVpcd();
      const card = VirtualMyNumberCard.fromFixture('card-002', { registry: new CardStateRegistry() });
      const attachment = await attachToVpcd(card, { port: vpcd.port });
      const socket = await vpcd.connection;
      if (bad) socket.write(h('0000'));
      else socket.end();
      assert.equal(await attachment.closed, bad ? 'protocol-error' : 'peer-closed');
      socket.destroy();
      await attachment.detach();
      await new Promise((r) => vpcd.server.close(r));
    }
  });
});
