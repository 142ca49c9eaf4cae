/** SimHidTransport: asynchronous, ordered, length-checked, recorded, and unpluggable like hardware. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SimHidTransport, type SimHidDevice, type SimHidHost } from '../../../devices/payment/hid/sim-hid-transport';
import { HidTransportError } from '../../../devices/payment/hid/hid-transport';
import { until } from '../../support/payment/until';

/** Echo device: answers each output report with the same bytes, report ID 0x02. */
class EchoDevice implements SimHidDevice {
  host!: SimHidHost;
  attach(host: SimHidHost): void {
    this.host = host;
  }
  receiveOutputReport(r: Uint8Array): void {
    const x = Uint8Array.from(r);
    x[0] = 2;
    this.host.sendInputReport(x);
  }
}

test('reports go to the device and back in order, asynchronously, and are recorded', async () => {
  const dev = new EchoDevice();
  const t = new SimHidTransport(dev, { reportLength: 4 });
  const got: string[] = [];
  t.on('report', (r) => got.push(Buffer.from(r).toString('hex')));
  await t.write(Uint8Array.from([1, 1, 1, 1]));
  await t.write(Uint8Array.from([1, 2, 2, 2]));
  assert.deepEqual(got, [], 'nothing is delivered synchronously');
  await until(() => got.length === 2);
  assert.deepEqual(got, ['02010101', '02020202']);
  assert.deepEqual(
    t.recording.map((x) => `${x.dir}:${x.hex}`),
    ['out:01010101', 'out:01020202', 'in:02010101', 'in:02020202'],
  );
  await t.close();
});

test('refuses wrong-size reports; unplug delivers reports already sent, then disconnect once', async () => {
  const dev = new EchoDevice();
  const t = new SimHidTransport(dev, { reportLength: 4 });
  await assert.rejects(t.write(new Uint8Array(3)), (e: unknown) => e instanceof HidTransportError && e.code === 'bad-report');
  const seen: string[] = [];
  t.on('report', () => seen.push('report'));
  t.on('disconnect', (e) => seen.push(e.code));
  dev.host.sendInputReport(Uint8Array.from([2, 0, 0, 0]));
  dev.host.unplug();
  dev.host.sendInputReport(Uint8Array.from([2, 0, 0, 0])); // after the unplug: lost
  dev.host.unplug();
  await assert.rejects(t.write(new Uint8Array(4)), (e: unknown) => e instanceof HidTransportError && e.code === 'disconnected');
  await until(() => seen.includes('disconnected'));
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(seen, ['report', 'disconnected']);
  assert.equal(t.isOpen, false);
  await t.close();
});
