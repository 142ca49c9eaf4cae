/**
 * Payment benchmarks (figures only, no asserts):
 *  1. MCU-1 event decoding (CRC + total parse) beside a peer: JSON.parse of the same event as JSON.
 *  2. A full cash payment with change (ENABLE ... DISPENSE_COMPLETE) over the simulated HID
 *     transport, beside the same payment through NodeHidTransport on a fake node-hid device.
 */
import { performance } from 'node:perf_hooks';
import type { DeviceEvent } from '../../devices/payment/cash/cash-unit-protocol';
import type { SimCashUnitDevice as SimDevice } from '../../devices/payment/cash/sim/sim-cash-unit-device';
import type { HidTransport } from '../../devices/payment/hid/hid-transport';

// Per-payment info logs would drown the figures; the logger reads this when first loaded.
process.env.MADOGUCHI_LOG_LEVEL ??= 'warn';
/* eslint-disable @typescript-eslint/no-require-imports */
const { decodeEvent, encodeEvent } = require('../../devices/payment/cash/cash-unit-protocol') as typeof import('../../devices/payment/cash/cash-unit-protocol');
const { CashUnit } = require('../../devices/payment/cash/cash-unit') as typeof import('../../devices/payment/cash/cash-unit');
const { SimCashUnitDevice, createSimCashUnit } =
  require('../../devices/payment/cash/sim/sim-cash-unit-device') as typeof import('../../devices/payment/cash/sim/sim-cash-unit-device');
const { loadCashUnitSimFixture } =
  require('../../devices/payment/cash/sim/sim-cash-unit-fixture') as typeof import('../../devices/payment/cash/sim/sim-cash-unit-fixture');
const { NodeHidTransport } = require('../../devices/payment/hid/node-hid-transport') as typeof import('../../devices/payment/hid/node-hid-transport');
const { FakeHidDevice } = require('../support/payment/fake-node-hid') as typeof import('../support/payment/fake-node-hid');
/* eslint-enable @typescript-eslint/no-require-imports */

function decodeBench(): void {
  const ev: DeviceEvent = { type: 'dispense-complete', dispensed: 640, requested: 770, result: 'cannot-make-change' };
  const report = encodeEvent(9, ev);
  const json = JSON.stringify({ seq: 9, body: ev });
  const N = 200_000;
  let t = performance.now();
  for (let i = 0; i < N; i++) if (!decodeEvent(report).ok) throw new Error('decode failed');
  const mcu = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) if (!JSON.parse(json).body) throw new Error('parse failed');
  const peer = performance.now() - t;
  console.log(
    `decode ${N} reports: MCU-1 decodeEvent ${(((N / mcu) * 1000) / 1e6).toFixed(2)} M/s (${((mcu * 1000) / N).toFixed(2)} µs each) | peer JSON.parse ${(((N / peer) * 1000) / 1e6).toFixed(2)} M/s (${((peer * 1000) / N).toFixed(2)} µs each)`,
  );
}

async function paymentBench(name: string, make: () => { transport: HidTransport; device: SimDevice }): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const { transport, device } = make();
    const unit = new CashUnit(transport);
    const t = performance.now();
    const p = unit.collect(730, { onInserted: () => undefined });
    while (device.model.state !== 'accepting') await new Promise((r) => setImmediate(r));
    device.insertNote(1000);
    const r = await p;
    times.push(performance.now() - t);
    if (r.owed !== 0) throw new Error('money owed in benchmark');
    unit.close();
    await transport.close();
  }
  times.sort((a, b) => a - b);
  console.log(`payment 730 with a 1000 note, ${name}: median ${times[15]!.toFixed(2)} ms, p90 ${times[27]!.toFixed(2)} ms (30 runs)`);
}

async function main(): Promise<void> {
  decodeBench();
  const fixture = loadCashUnitSimFixture();
  await paymentBench('SimHidTransport', () => createSimCashUnit(structuredClone(fixture)));
  await paymentBench('NodeHidTransport on fake node-hid (peer)', () => {
    const device = new SimCashUnitDevice(structuredClone(fixture));
    return { device, transport: new NodeHidTransport(new FakeHidDevice(device)) };
  });
}

void main();
