/**
 * NodeHidTransport with a fake node-hid device object injected through its constructor, plus
 * one call into the real node-hid binding (no device on this machine: a typed open failure).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { NodeHidTransport, type NodeHidModule } from '../../../devices/payment/hid/node-hid-transport';
import { HidTransportError } from '../../../devices/payment/hid/hid-transport';
import { FakeHidDevice } from '../../support/payment/fake-node-hid';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
const isCode =
  (code: string) =>
  (e: unknown): boolean =>
    e instanceof HidTransportError && e.code === code;

describe('NodeHidTransport over a fake node-hid device', () => {
  test('writes the report verbatim (report ID first) and in order', async () => {
    const dev = new FakeHidDevice();
    const t = new NodeHidTransport(dev);
    const a = new Uint8Array(64).fill(0xaa);
    a[0] = 0x01;
    const b = new Uint8Array(64).fill(0xbb);
    b[0] = 0x01;
    await Promise.all([t.write(a), t.write(b)]);
    a[5] = 0; // the transport sent a copy
    assert.equal(dev.writes.length, 2);
    assert.equal(dev.writes[0]!.toString('hex'), '01' + 'aa'.repeat(63));
    assert.equal(dev.writes[1]!.toString('hex'), '01' + 'bb'.repeat(63));
  });

  test("numbered reports: 'data' becomes 'report' byte for byte", async () => {
    const dev = new FakeHidDevice();
    const t = new NodeHidTransport(dev);
    const got: string[] = [];
    t.on('report', (r) => got.push(Buffer.from(r).toString('hex')));
    dev.emitData(Uint8Array.from([0x02, 0x07, 0x83]));
    assert.deepEqual(got, ['020783']);
  });

  test('unnumbered reports: report ID 0 is prepended so byte 0 is always the report ID', async () => {
    const dev = new FakeHidDevice();
    const t = new NodeHidTransport(dev, { numberedReports: false });
    const got: string[] = [];
    t.on('report', (r) => got.push(Buffer.from(r).toString('hex')));
    dev.emitData(Uint8Array.from([0x41, 0x42]));
    assert.deepEqual(got, ['004142']);
  });

  test('empty input report is a non-fatal typed error', async () => {
    const dev = new FakeHidDevice();
    const t = new NodeHidTransport(dev);
    const errs: string[] = [];
    t.on('error', (e) => errs.push(e.code));
    dev.emitData(new Uint8Array(0));
    assert.deepEqual(errs, ['bad-report']);
    assert.equal(t.isOpen, true);
  });

  test('write failures and short writes are typed', async () => {
    const dev = new FakeHidDevice();
    const t = new NodeHidTransport(dev);
    dev.failWrites = new Error('Cannot write to hid device');
    await assert.rejects(t.write(new Uint8Array(64)), isCode('write-failed'));
    dev.failWrites = null;
    dev.writeResult = () => 10;
    await assert.rejects(t.write(new Uint8Array(64)), isCode('short-write'));
    dev.writeResult = () => 65; // Windows hidapi may report the padded report size
    await t.write(new Uint8Array(64));
    await assert.rejects(t.write(new Uint8Array(0)), isCode('bad-report'));
  });

  test("a read 'error' from node-hid means disconnect: event once, closed, writes refused", async () => {
    const dev = new FakeHidDevice();
    const t = new NodeHidTransport(dev);
    const events: string[] = [];
    t.on('disconnect', (e) => events.push(e.code));
    dev.unplug();
    await tick();
    dev.emit('error', new Error('again')); // must not throw (inert listener) nor emit twice
    assert.deepEqual(events, ['disconnected']);
    assert.equal(t.isOpen, false);
    assert.equal(dev.closed, true);
    await assert.rejects(t.write(new Uint8Array(64)), isCode('closed'));
  });

  test('close() is idempotent and stops reports', async () => {
    const dev = new FakeHidDevice();
    const t = new NodeHidTransport(dev);
    let n = 0;
    t.on('report', () => n++);
    await t.close();
    await t.close();
    dev.emitData(Uint8Array.from([2]));
    assert.equal(n, 0);
    assert.equal(dev.closed, true);
  });
});

describe('NodeHidTransport.open', () => {
  const fakeModule = (calls: unknown[][], fail = false): NodeHidModule => ({
    HIDAsync: {
      open: async (...args: unknown[]) => {
        calls.push(args);
        if (fail) throw new Error('cannot open device');
        return new FakeHidDevice();
      },
    } as NodeHidModule['HIDAsync'],
  });

  test('opens by vendor/product id (exclusive by default) or by path', async () => {
    const calls: unknown[][] = [];
    const t1 = await NodeHidTransport.open({ vendorId: 0x0a12, productId: 0x0034 }, fakeModule(calls));
    assert.equal(t1.description, 'hid:0a12:0034');
    const t2 = await NodeHidTransport.open({ path: '/dev/hidraw3', vendorId: 1, productId: 2, nonExclusive: true }, fakeModule(calls));
    assert.equal(t2.description, 'hid:path');
    assert.deepEqual(calls, [
      [0x0a12, 0x34, { nonExclusive: false }],
      ['/dev/hidraw3', { nonExclusive: true }],
    ]);
  });

  test('typed errors: missing config, open failure', async () => {
    await assert.rejects(NodeHidTransport.open({ vendorId: 1 }, fakeModule([])), isCode('not-found'));
    await assert.rejects(NodeHidTransport.open({ path: 'x' }, fakeModule([], true)), isCode('open-failed'));
  });

  test('the real node-hid binding loads and reports a missing device as open-failed', async () => {
    await assert.rejects(NodeHidTransport.open({ vendorId: 0xfffe, productId: 0xfffd }), isCode('open-failed'));
  });
});
