/**
 * The simulated cash unit's own behaviour (typed commands/events, no bytes), its fixture
 * validation, and byte-level behaviour of the simulated device (ACK seq echo, retry dedupe).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SimCashUnitModel } from '../../../devices/payment/cash/sim/sim-cash-unit-model';
import {
  loadCashUnitSimFixture,
  parseCashUnitSimFixture,
  CashUnitSimFixtureError,
  type CashUnitSimFixture,
} from '../../../devices/payment/cash/sim/sim-cash-unit-fixture';
import { createSimCashUnit } from '../../../devices/payment/cash/sim/sim-cash-unit-device';
import { decodeEvent, encodeCommand, type DeviceEvent } from '../../../devices/payment/cash/cash-unit-protocol';
import { until } from '../../support/payment/until';

const fixture = (mutate?: (f: CashUnitSimFixture) => void): CashUnitSimFixture => {
  const f = loadCashUnitSimFixture();
  mutate?.(f);
  return f;
};
const types = (evs: DeviceEvent[]): string[] => evs.map((e) => e.type);

describe('SimCashUnitModel', () => {
  test('conserves money: inserted = recycler/cash box growth + paid out', () => {
    const m = new SimCashUnitModel(fixture());
    const before = Object.entries(m.inventorySnapshot()).reduce((s, [d, n]) => s + Number(d) * n, 0);
    m.command({ op: 'enable', amountDue: 0, accept: [10, 50, 100, 500, 1000] });
    for (const d of [1000, 500, 100, 50, 10] as const) m.insert(d);
    m.command({ op: 'disable' });
    assert.deepEqual(types(m.command({ op: 'commit' }).events), ['accepted']);
    m.command({ op: 'dispense', amount: 660 });
    const after = Object.entries(m.inventorySnapshot()).reduce((s, [d, n]) => s + Number(d) * n, 0);
    assert.equal(1660, after - before + m.cashBox * 1000 + m.paidOut);
    assert.equal(m.paidOut, 660);
  });

  test('refuses what the hardware does not take even if the host enables it', () => {
    const m = new SimCashUnitModel(fixture());
    m.command({ op: 'enable', amountDue: 0, accept: [10, 50, 100, 500, 1000, 5000, 10000] });
    assert.deepEqual(m.insert(10000), [{ type: 'rejected', denomination: 10000, kind: 'note', reason: 'denomination-disabled' }]);
    assert.equal(m.escrowTotal, 0);
  });

  test('stops accepting by itself once the amount due is reached', () => {
    const m = new SimCashUnitModel(fixture());
    m.command({ op: 'enable', amountDue: 150, accept: [50, 100] });
    m.insert(100);
    m.insert(50);
    assert.equal(m.insert(100)[0]?.type, 'rejected');
    assert.equal(m.escrowTotal, 150);
  });

  test('full cash box: notes are handed back with a fault, coins still taken', () => {
    const m = new SimCashUnitModel(
      fixture((f) => {
        f.cashBox = { capacity: 1, count: 1 };
      }),
    );
    m.command({ op: 'enable', amountDue: 0, accept: [100, 1000] });
    assert.deepEqual(types(m.insert(1000)), ['rejected', 'fault']);
    assert.deepEqual(types(m.insert(1000)), ['rejected'], 'the fault is raised once');
    assert.deepEqual(types(m.insert(100)), ['inserted']);
  });

  test('reset clears a jam but not an open door; a blocking fault refuses money commands', () => {
    const m = new SimCashUnitModel(fixture());
    m.injectFault('jam');
    m.injectFault('door-open');
    assert.equal(m.command({ op: 'dispense', amount: 10 }).reply, 'fault-active');
    const r = m.command({ op: 'reset' });
    assert.deepEqual(types(r.events), ['fault-cleared', 'status']);
    assert.deepEqual(m.activeFaults, ['door-open']);
    m.clearFault('door-open');
    assert.equal(m.command({ op: 'dispense', amount: 10 }).reply, 'ack');
  });

  test('dispense refused while accepting (host must disable first)', () => {
    const m = new SimCashUnitModel(fixture());
    m.command({ op: 'enable', amountDue: 0, accept: [100] });
    assert.equal(m.command({ op: 'dispense', amount: 100 }).reply, 'bad-state');
  });

  test('fixture validation errors are typed', () => {
    const good = loadCashUnitSimFixture();
    assert.throws(() => parseCashUnitSimFixture({ ...good, accepts: [2000] }), CashUnitSimFixtureError);
    assert.throws(() => parseCashUnitSimFixture({ ...good, inventory: { 1000: 5 } }), CashUnitSimFixtureError);
    assert.throws(() => parseCashUnitSimFixture({ ...good, activeScript: 'nope' }), CashUnitSimFixtureError);
    assert.throws(() => loadCashUnitSimFixture('/nonexistent/cash.json'), CashUnitSimFixtureError);
  });
});

describe('SimCashUnitDevice on the wire', () => {
  test('ACK echoes the command seq; a repeated report is re-acknowledged but not re-executed; garbage is dropped', async () => {
    const { device, transport } = createSimCashUnit(fixture());
    const got: DeviceEvent[] = [];
    transport.on('report', (r) => {
      const d = decodeEvent(r);
      if (d.ok) got.push(d.value.body);
    });
    const dispense = encodeCommand(42, { op: 'dispense', amount: 100 });
    await transport.write(dispense);
    await transport.write(dispense);
    await transport.write(new Uint8Array(64));
    await until(() => got.filter((e) => e.type === 'ack').length === 2);
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(
      got.filter((e) => e.type === 'ack'),
      [
        { type: 'ack', ackSeq: 42, op: 'dispense' },
        { type: 'ack', ackSeq: 42, op: 'dispense' },
      ],
    );
    assert.equal(got.filter((e) => e.type === 'dispense-complete').length, 1);
    assert.equal(device.model.paidOut, 100);
    assert.equal(device.badCommands, 1);
    assert.throws(() => device.insertCoin(1000), RangeError);
    await transport.close();
  });
});
