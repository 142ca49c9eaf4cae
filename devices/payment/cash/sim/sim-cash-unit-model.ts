/**
 * The simulated coin/note recycler's behaviour, as typed commands in and typed events out.
 *
 * No bytes here: `SimCashUnitDevice` frames everything with the protocol module, so the model
 * would survive a vendor protocol swap. The model keeps its own books (escrow, recycler
 * inventory, cash box) and conserves money: every yen inserted is in the escrow, the recycler,
 * the cash box, paid out, or (after a jam on insert) reported stuck as a fault value.
 */
import {
  DENOMINATIONS,
  PROTOCOL_VERSION,
  kindOf,
  type Command,
  type Denomination,
  type DeviceEvent,
  type DeviceState,
  type DeviceUnit,
  type FaultCode,
  type NakReason,
} from '../cash-unit-protocol';
import type { CashUnitSimFixture, FaultStep } from './sim-cash-unit-fixture';

/** The device's answer to one command: ACK or a NAK reason, then the result events. */
export interface CommandOutcome {
  reply: 'ack' | NakReason;
  events: DeviceEvent[];
}

/** Faults that stop the whole device (only status, inventory and reset still work). */
const BLOCKING: readonly FaultCode[] = ['door-open', 'device-error'];

export class SimCashUnitModel {
  private accepting = false;
  private amountDue = 0;
  private acceptMask = new Set<Denomination>();
  private escrow: Denomination[] = [];
  private readonly inventory = new Map<Denomination, number>();
  private cashBoxCount: number;
  private readonly faults = new Set<FaultCode>();
  private script: FaultStep[] = [];
  private readonly counters = { insert: 0, dispense: 0, return: 0 };
  /** Value stuck in the mechanism after jams (found by staff when clearing it). */
  stuck = 0;
  /** Total handed to the citizen (change, returned escrow, refunds). */
  paidOut = 0;

  constructor(private readonly fixture: CashUnitSimFixture) {
    for (const [k, v] of Object.entries(fixture.inventory)) this.inventory.set(Number(k) as Denomination, v);
    this.cashBoxCount = fixture.cashBox.count;
    if (fixture.activeScript) this.runScript(fixture.activeScript);
  }

  /** Activates a named fault script from the fixture (counters restart). */
  runScript(name: string): void {
    const steps = this.fixture.faultScripts[name];
    if (!steps) throw new RangeError(`no fault script ${name}`);
    this.script = [...steps];
    this.counters.insert = this.counters.dispense = this.counters.return = 0;
  }

  /** Adds a one-off scripted fault (programmatic form of a fixture step). */
  addFaultStep(step: FaultStep): void {
    this.script.push(step);
  }

  get escrowTotal(): number {
    return this.escrow.reduce((s, d) => s + d, 0);
  }
  get state(): DeviceState {
    if ([...this.faults].some((f) => f === 'jam' || BLOCKING.includes(f))) return 'fault';
    if (this.accepting) return 'accepting';
    return this.escrow.length > 0 ? 'holding' : 'idle';
  }
  get activeFaults(): FaultCode[] {
    return [...this.faults];
  }

  /** Recycler inventory per denomination (a copy). */
  inventorySnapshot(): Record<number, number> {
    return Object.fromEntries([...this.inventory].sort((a, b) => a[0] - b[0]));
  }
  get cashBox(): number {
    return this.cashBoxCount;
  }

  /** Replaces recycler counts for the given denominations. */
  setInventory(counts: Partial<Record<Denomination, number>>): void {
    for (const [k, v] of Object.entries(counts)) {
      const d = Number(k) as Denomination;
      if (!this.fixture.recyclable.includes(d)) throw new RangeError(`${d} is not recyclable here`);
      this.inventory.set(d, v ?? 0);
    }
  }

  /** Executes one host command. */
  command(cmd: Command): CommandOutcome {
    const blocked = [...this.faults].some((f) => BLOCKING.includes(f));
    if (blocked && !['get-status', 'get-inventory', 'reset'].includes(cmd.op)) return { reply: 'fault-active', events: [] };
    switch (cmd.op) {
      case 'get-status':
        return { reply: 'ack', events: [this.status()] };
      case 'get-inventory':
        return {
          reply: 'ack',
          events: [{ type: 'inventory', items: [...this.inventory].sort((a, b) => a[0] - b[0]).map(([denomination, count]) => ({ denomination, count })) }],
        };
      case 'reset': {
        const cleared = [...this.faults].filter((f) => f !== 'door-open'); // a door is closed by hand
        for (const f of cleared) this.faults.delete(f);
        this.accepting = false;
        return { reply: 'ack', events: [...cleared.map((fault): DeviceEvent => ({ type: 'fault-cleared', fault })), this.status()] };
      }
      case 'enable':
        if (this.faults.has('jam')) return { reply: 'fault-active', events: [] };
        this.accepting = true;
        this.amountDue = cmd.amountDue;
        this.acceptMask = new Set(cmd.accept.filter((d) => this.fixture.accepts.includes(d)));
        return { reply: 'ack', events: [] };
      case 'disable':
        this.accepting = false;
        return { reply: 'ack', events: [] };
      case 'commit': {
        const total = this.escrowTotal;
        for (const d of this.escrow) {
          if (this.fixture.recyclable.includes(d)) this.inventory.set(d, (this.inventory.get(d) ?? 0) + 1);
          else this.cashBoxCount++;
        }
        this.escrow = [];
        this.accepting = false;
        return { reply: 'ack', events: [{ type: 'accepted', total }] };
      }
      case 'return-escrow': {
        this.accepting = false;
        const jam = this.scripted('return');
        if (jam) return { reply: 'ack', events: [this.raise(jam, 'device', 0), { type: 'returned', returned: 0, result: resultFor(jam) }] };
        const returned = this.escrowTotal;
        this.escrow = [];
        this.paidOut += returned;
        return { reply: 'ack', events: [{ type: 'returned', returned, result: 'ok' }] };
      }
      case 'dispense':
        if (this.accepting) return { reply: 'bad-state', events: [] };
        if (this.faults.has('jam')) return { reply: 'fault-active', events: [] };
        return { reply: 'ack', events: this.dispense(cmd.amount) };
    }
  }

  /** A citizen puts one coin or note in. Returns what the device reports. */
  insert(d: Denomination): DeviceEvent[] {
    const kind = kindOf(d);
    if (this.faults.has('jam') || [...this.faults].some((f) => BLOCKING.includes(f)) || !this.accepting) {
      return [{ type: 'rejected', denomination: d, kind, reason: 'not-accepting' }];
    }
    if (!this.acceptMask.has(d)) return [{ type: 'rejected', denomination: d, kind, reason: 'denomination-disabled' }];
    const fault = this.scripted('insert');
    if (fault === 'jam') {
      this.stuck += d; // the item is in the mechanism, not counted in escrow
      this.accepting = false;
      return [this.raise('jam', kind, d)];
    }
    if (fault) {
      this.accepting = false;
      return [{ type: 'rejected', denomination: d, kind, reason: 'not-accepting' }, this.raise(fault, kind, 0)];
    }
    const recycled = this.fixture.recyclable.includes(d);
    const notesInEscrow = this.escrow.filter((e) => !this.fixture.recyclable.includes(e)).length;
    if (!recycled && this.cashBoxCount + notesInEscrow >= this.fixture.cashBox.capacity) {
      const events: DeviceEvent[] = [{ type: 'rejected', denomination: d, kind, reason: 'cash-box-full' }];
      if (!this.faults.has('cash-box-full')) events.push(this.raise('cash-box-full', kind, 0));
      return events;
    }
    this.escrow.push(d);
    const escrowTotal = this.escrowTotal;
    if (this.amountDue > 0 && escrowTotal >= this.amountDue) this.accepting = false;
    return [{ type: 'inserted', denomination: d, kind, escrowTotal }];
  }

  /** Raises a fault from outside (test hook: door opened, jam...). */
  injectFault(fault: FaultCode, unit: DeviceUnit = 'device', value = 0): DeviceEvent[] {
    if (fault === 'jam' || BLOCKING.includes(fault)) this.accepting = false;
    return [this.raise(fault, unit, value)];
  }

  /** Clears a fault by hand (staff closed the door, removed the jam). */
  clearFault(fault: FaultCode): DeviceEvent[] {
    if (!this.faults.delete(fault)) return [];
    if (fault === 'jam') {
      this.stuck = 0;
    }
    return [{ type: 'fault-cleared', fault }];
  }

  private status(): DeviceEvent {
    return { type: 'status', state: this.state, faults: this.activeFaults, escrowTotal: this.escrowTotal, version: PROTOCOL_VERSION };
  }

  private raise(fault: FaultCode, unit: DeviceUnit, value: number): DeviceEvent {
    this.faults.add(fault);
    return { type: 'fault', fault, unit, value };
  }

  /** Counts one occurrence of `on`; returns the scripted fault for it, if any. */
  private scripted(on: FaultStep['on']): FaultCode | null {
    const n = ++this.counters[on];
    const i = this.script.findIndex((s) => s.on === on && s.nth === n);
    if (i < 0) return null;
    const [step] = this.script.splice(i, 1);
    return step?.fault ?? null;
  }

  /** Pays out greedily from the recycler, one progress event per denomination group. */
  private dispense(requested: number): DeviceEvent[] {
    const events: DeviceEvent[] = [];
    const fault = this.scripted('dispense');
    let dispensed = 0;
    for (const d of [...DENOMINATIONS].reverse()) {
      const have = this.inventory.get(d) ?? 0;
      const n = Math.min(have, Math.floor((requested - dispensed) / d));
      if (n === 0) continue;
      this.inventory.set(d, have - n);
      dispensed += n * d;
      this.paidOut += n * d;
      events.push({ type: 'dispense-progress', dispensed, requested });
      if (fault) {
        events.push(this.raise(fault, 'coin', 0), { type: 'dispense-complete', dispensed, requested, result: resultFor(fault) });
        return events;
      }
    }
    if (dispensed < requested) {
      events.push(this.raise('low-change', 'coin', requested - dispensed));
      events.push({ type: 'dispense-complete', dispensed, requested, result: 'cannot-make-change' });
    } else {
      events.push({ type: 'dispense-complete', dispensed, requested, result: 'ok' });
    }
    return events;
  }
}

function resultFor(f: FaultCode): 'jam' | 'device-error' | 'door-open' {
  return f === 'jam' || f === 'door-open' ? f : 'device-error';
}
