/**
 * The CashUnit contract suite: one set of scenarios run against every transport binding
 * (SimHidTransport, and NodeHidTransport over a fake node-hid device wired to the simulator).
 * Every scenario ends with the money invariants checked.
 */
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { CashUnit, type CashUnitOptions } from '../../../devices/payment/cash/cash-unit';
import { CashUnitError, type MoneyState } from '../../../devices/payment/cash/cash-unit-types';
import type { SimCashUnitDevice } from '../../../devices/payment/cash/sim/sim-cash-unit-device';
import { loadCashUnitSimFixture, type CashUnitSimFixture } from '../../../devices/payment/cash/sim/sim-cash-unit-fixture';
import type { HidTransport } from '../../../devices/payment/hid/hid-transport';
import { until } from './until';

export { until };

export interface Rig {
  transport: HidTransport;
  device: SimCashUnitDevice;
}
export type RigFactory = (fixture: CashUnitSimFixture) => Rig;

/** Fast timeouts: the simulator answers within a few ms. */
export const FAST: CashUnitOptions = { ackTimeoutMs: 80, retries: 2, operationTimeoutMs: 1000, inactivityTimeoutMs: 5000 };

/** The money invariants every outcome must satisfy. */
export function assertInvariants(m: MoneyState): void {
  for (const k of ['due', 'inserted', 'kept', 'paidOut', 'owed', 'unverified'] as const) assert.ok(m[k] >= 0, `${k} >= 0`);
  if (m.operation === 'collect') assert.equal(m.inserted, m.kept + m.paidOut + m.owed, 'inserted = kept + paidOut + owed');
  else assert.equal(m.due, m.paidOut + m.owed, 'due = paidOut + owed');
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<CashUnitError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof CashUnitError, 'a CashUnitError');
    assert.equal(e.code, code);
    return e;
  }
  throw new assert.AssertionError({ message: `expected rejection ${code}` });
}

export function cashUnitContract(name: string, makeRig: RigFactory): void {
  describe(`CashUnit contract over ${name}`, () => {
    let rig: Rig;
    let unit: CashUnit;
    const open = (mutate?: (f: CashUnitSimFixture) => void, opts: CashUnitOptions = FAST): SimCashUnitDevice => {
      const f = loadCashUnitSimFixture();
      mutate?.(f);
      rig = makeRig(f);
      unit = new CashUnit(rig.transport, opts);
      return rig.device;
    };
    const accepting = (d: SimCashUnitDevice): Promise<void> => until(() => d.model.state === 'accepting', 'accepting');
    afterEach(async () => {
      unit.close();
      await rig.transport.close();
    });

    test('pays exactly: three 100-yen coins for 300', async () => {
      const d = open();
      const seen: number[] = [];
      const paid = unit.collect(300, { onInserted: (p) => seen.push(p.inserted) });
      await accepting(d);
      for (let i = 0; i < 3; i++) d.insertCoin(100);
      const r = await paid;
      assert.equal(r.status, 'paid');
      assert.deepEqual([r.inserted, r.kept, r.change, r.paidOut, r.owed], [300, 300, 0, 0, 0]);
      assert.deepEqual(seen, [100, 200, 300]);
      assert.equal(d.model.inventorySnapshot()[100], 53, 'coins went into the recycler');
      assertInvariants(r);
    });

    test('pays with change: 1000-yen note for 730 gives 270 back', async () => {
      const d = open();
      const paid = unit.collect(730);
      await accepting(d);
      d.insertNote(1000);
      const r = await paid;
      assert.deepEqual([r.status, r.inserted, r.kept, r.change, r.paidOut, r.owed, r.problem], ['paid', 1000, 730, 270, 270, 0, null]);
      assert.equal(d.model.paidOut, 270, 'the device paid out exactly the change');
      assert.equal(d.model.cashBox, 1, 'the note went to the cash box');
      assertInvariants(r);
    });

    test('cancel gives back everything inserted so far', async () => {
      const d = open();
      const paid = unit.collect(1500);
      await accepting(d);
      d.insertCoin(500);
      d.insertCoin(100);
      await until(() => d.model.escrowTotal === 600);
      await until(() => true);
      const r = await unit.cancel();
      assert.ok(r);
      assert.equal(await paid, r);
      assert.deepEqual([r.status, r.inserted, r.kept, r.paidOut, r.owed], ['cancelled', 600, 0, 600, 0]);
      assert.equal(d.model.paidOut, 600);
      assertInvariants(r);
    });

    test('cancel at once, before the unit is even enabled, is not lost', async () => {
      const d = open();
      const paid = unit.collect(500);
      const r = await unit.cancel();
      assert.equal(await paid, r);
      assert.deepEqual(r && [r.status, r.inserted, r.owed], ['cancelled', 0, 0]);
      assert.notEqual(d.model.state, 'accepting');
    });

    test('abort signal and inactivity timeout both give everything back', async () => {
      const d = open();
      const ac = new AbortController();
      const p1 = unit.collect(1000, { signal: ac.signal });
      await accepting(d);
      d.insertCoin(50);
      await until(() => d.model.escrowTotal === 50);
      ac.abort();
      const r1 = await p1;
      assert.deepEqual([r1.status, r1.paidOut, r1.owed], ['cancelled', 50, 0]);
      const p2 = unit.collect(1000, { inactivityTimeoutMs: 60 });
      await accepting(d);
      d.insertCoin(10);
      const r2 = await p2;
      assert.deepEqual([r2.status, r2.inserted, r2.paidOut, r2.owed], ['timed-out', 10, 10, 0]);
      assertInvariants(r1);
      assertInvariants(r2);
    });

    test('refuses a disabled denomination without counting it', async () => {
      const d = open();
      const rejected: (number | null)[] = [];
      unit.on('rejected', (x) => rejected.push(x.denomination));
      const paid = unit.collect(100);
      await accepting(d);
      d.insertNote(5000);
      await until(() => rejected.length === 1, 'rejection');
      d.insertCoin(100);
      const r = await paid;
      assert.deepEqual(rejected, [5000]);
      assert.deepEqual([r.status, r.inserted, r.change], ['paid', 100, 0]);
    });

    test('jam mid-insert: typed fault, escrow returned, stuck coin reported', async () => {
      const d = open((f) => {
        f.activeScript = 'jam-on-third-insert';
      });
      const paid = unit.collect(500);
      await accepting(d);
      d.insertCoin(100);
      d.insertCoin(100);
      d.insertCoin(100);
      const e = await rejectsWith(paid, 'device-fault');
      assert.equal(e.details.fault, 'jam');
      assert.deepEqual(e.money && [e.money.inserted, e.money.paidOut, e.money.owed, e.money.unverified], [200, 200, 0, 100]);
      assertInvariants(e.money!);
      assert.equal(d.model.stuck, 100, 'the simulator agrees: 100 yen is in the mechanism');
    });

    test('nothing it takes could be changed for this fee (notes only, no change): ended at once, nothing taken', async () => {
      const d = open(undefined, { ...FAST, accept: [1000, 5000, 10000] });
      d.setInventory({ 10: 0, 50: 0, 100: 0, 500: 0 });
      const told: { accept: number[]; refused: number[] }[] = [];
      const r = await unit.collect(300, { onAccepting: (a) => told.push(a) });
      assert.deepEqual([r.status, r.inserted, r.kept, r.owed, r.problem], ['cancelled', 0, 0, 0, 'no-change-for-any']);
      assert.deepEqual(told, [{ accept: [], refused: [1000, 5000, 10000] }], 'the screen is told what is refused');
      assert.notEqual(d.model.state, 'accepting', 'the slot was never opened');
      assertInvariants(r);
    });

    test('a note the unit cannot change is handed back at once, never taken: nothing is owed', async () => {
      const d = open();
      d.setInventory({ 10: 2, 50: 0, 100: 0, 500: 0 });
      const told: { accept: number[]; refused: number[] }[] = [];
      const rejected: (number | null)[] = [];
      unit.on('rejected', (r) => rejected.push(r.denomination));
      const paid = unit.collect(730, { onAccepting: (a) => told.push(a) });
      await until(() => told.length === 1);
      assert.deepEqual(told, [{ accept: [10, 50, 100, 500], refused: [1000] }], 'the unit is told before any money goes in');
      d.insertNote(1000);
      await until(() => rejected.length === 1);
      assert.deepEqual([rejected[0], d.model.escrowTotal, d.model.cashBox], [1000, 0, 0], 'the note came straight back');
      for (const c of [500, 100, 100] as const) d.insertCoin(c);
      for (let i = 0; i < 3; i++) d.insertCoin(10);
      const r = await paid;
      assert.deepEqual([r.status, r.inserted, r.kept, r.change, r.paidOut, r.owed], ['paid', 730, 730, 0, 0, 0]);
      assertInvariants(r);
    });

    test('less due after a coin: a note that was fine for the whole fee is refused for the rest', async () => {
      const d = open();
      d.setInventory({ 10: 0, 50: 0, 100: 7, 500: 0 }); // 700 yen of change: enough for 1000 - 300, not for 1000 - 200
      const told: number[][] = [];
      const paid = unit.collect(300, { onAccepting: (a) => told.push(a.refused) });
      await accepting(d);
      d.insertCoin(100);
      await until(() => told.length === 2);
      assert.deepEqual(told, [[], [1000]]);
      const rejected: string[] = [];
      unit.on('rejected', (r) => rejected.push(r.reason));
      d.insertNote(1000);
      await until(() => rejected.length === 1);
      assert.deepEqual([rejected[0], d.model.escrowTotal], ['denomination-disabled', 100], 'the note was not taken');
      d.insertCoin(100);
      d.insertCoin(100);
      const r = await paid;
      assert.deepEqual([r.status, r.kept, r.change, r.owed], ['paid', 300, 0, 0]);
      assertInvariants(r);
    });

    test('a note that beat the narrower ENABLE is not kept: everything inserted comes back, nothing is owed', async () => {
      const d = open();
      d.setInventory({ 10: 0, 50: 0, 100: 7, 500: 0 });
      const paid = unit.collect(300);
      await accepting(d);
      d.insertCoin(100);
      d.insertNote(1000); // before the host narrowed the mask: 800 change would be needed, 700 is held
      const r = await paid;
      assert.deepEqual([r.status, r.inserted, r.kept, r.paidOut, r.owed, r.problem], ['cancelled', 1100, 0, 1100, 0, 'cannot-make-change']);
      assert.equal(d.model.inventorySnapshot()[100], 7, 'no change was paid out');
      assertInvariants(r);
    });

    test('change gone between enabling and paying out: paid, and the result says exactly what is still owed', async () => {
      const d = open();
      const paid = unit.collect(730);
      await accepting(d);
      d.setInventory({ 10: 2, 50: 0, 100: 0, 500: 0 }); // emptied after the unit was told what it may take
      d.insertNote(1000);
      const r = await paid;
      assert.deepEqual([r.status, r.change, r.paidOut, r.owed, r.problem], ['paid', 270, 20, 250, 'cannot-make-change']);
      assertInvariants(r);
    });

    test('device disconnect mid-payment: typed error, money state known', async () => {
      const d = open();
      const paid = unit.collect(1000);
      await accepting(d);
      d.insertCoin(500);
      await until(() => d.model.escrowTotal === 500);
      await new Promise((r) => setTimeout(r, 5));
      d.unplug();
      const e = await rejectsWith(paid, 'disconnected');
      assert.deepEqual(e.money && [e.money.inserted, e.money.kept, e.money.paidOut, e.money.owed], [500, 0, 0, 500]);
      assertInvariants(e.money!);
      assert.equal(unit.connected, false);
    });

    test('disconnect while paying out change: paid, and the unconfirmed change is owed', async () => {
      const d = open();
      d.unplugDuring('dispense', 2); // ACK + first progress report (200 of 270) get out
      const paid = unit.collect(730);
      await accepting(d);
      d.insertNote(1000);
      const r = await paid;
      assert.deepEqual([r.status, r.kept, r.change, r.paidOut, r.owed, r.problem], ['paid', 730, 270, 200, 70, 'disconnected']);
      assertInvariants(r);
    });

    test("escrow that could not be returned blocks the next payment (no mixing citizens' cash)", async () => {
      const d = open((f) => {
        f.activeScript = 'jam-while-returning';
      });
      const paid = unit.collect(1000);
      await accepting(d);
      d.insertCoin(500);
      await until(() => d.model.escrowTotal === 500);
      const r = await unit.cancel();
      assert.ok(r);
      assert.deepEqual([r.status, r.paidOut, r.owed, r.problem], ['cancelled', 0, 500, 'jam']);
      assertInvariants(r);
      await paid;
      const e = await rejectsWith(unit.collect(100), 'escrow-held');
      assert.deepEqual(e.money && [e.money.inserted, e.money.owed], [0, 0]);
    });

    test('after a jam, payments are refused until staff reset the unit', async () => {
      const d = open((f) => {
        f.activeScript = 'jam-on-third-insert';
      });
      const p1 = unit.collect(1000);
      await accepting(d);
      d.insertCoin(10);
      d.insertCoin(10);
      d.insertCoin(10);
      await rejectsWith(p1, 'device-fault');
      const e = await rejectsWith(unit.collect(100), 'device-fault');
      assert.equal(e.details.fault, 'jam');
      const st = await unit.reset();
      assert.deepEqual([st.state, st.faults], ['idle', []]);
      const p2 = unit.collect(100);
      await accepting(d);
      d.insertCoin(100);
      assert.equal((await p2).status, 'paid');
    });

    test('door opened during payment: nothing can be returned, all of it is owed', async () => {
      const d = open();
      const paid = unit.collect(1000);
      await accepting(d);
      d.insertCoin(100);
      await until(() => d.model.escrowTotal === 100);
      d.injectFault('door-open');
      const e = await rejectsWith(paid, 'device-fault');
      assert.equal(e.details.fault, 'door-open');
      assert.deepEqual(e.money && [e.money.inserted, e.money.paidOut, e.money.owed], [100, 0, 100]);
      assertInvariants(e.money!);
    });

    test('a lost ACK is retried with the same seq and change is dispensed once', async () => {
      const d = open();
      d.dropNextAckOf('dispense');
      const paid = unit.collect(730);
      await accepting(d);
      d.insertNote(1000);
      const r = await paid;
      assert.deepEqual([r.paidOut, r.owed, r.problem], [270, 0, null]);
      assert.equal(d.model.paidOut, 270, 'dispensed exactly once');
      assertInvariants(r);
    });

    test('a corrupted INSERTED report is recovered by a STATUS resync', async () => {
      const d = open();
      const paid = unit.collect(100);
      await accepting(d);
      d.corruptNextInputReports(1);
      d.insertCoin(100);
      const r = await paid;
      assert.deepEqual([r.status, r.inserted, r.kept], ['paid', 100, 100]);
    });

    test('later refund pays out, and a shortfall is reported as owed', async () => {
      const d = open();
      const r1 = await unit.refund(1200);
      assert.deepEqual([r1.paidOut, r1.owed, r1.problem], [1200, 0, null]);
      d.setInventory({ 10: 0, 50: 0, 100: 1, 500: 0 });
      const r2 = await unit.refund(300);
      assert.deepEqual([r2.paidOut, r2.owed, r2.problem], [100, 200, 'cannot-make-change']);
      assertInvariants(r1);
      assertInvariants(r2);
    });

    test('one operation at a time; bad amounts are typed errors', async () => {
      const d = open();
      const paid = unit.collect(100);
      assert.throws(
        () => unit.collect(100),
        (e: unknown) => e instanceof CashUnitError && e.code === 'busy',
      );
      await assert.rejects(unit.refund(100), (e: unknown) => e instanceof CashUnitError && e.code === 'busy');
      assert.throws(
        () => unit.collect(105),
        (e: unknown) => e instanceof CashUnitError && e.code === 'bad-amount',
      );
      await accepting(d);
      d.insertCoin(100);
      await paid;
      assert.equal((await unit.status()).state, 'idle');
      const inv = await unit.inventory();
      assert.deepEqual(
        inv.map((i) => i.denomination),
        [10, 50, 100, 500],
      );
    });
  });
}
