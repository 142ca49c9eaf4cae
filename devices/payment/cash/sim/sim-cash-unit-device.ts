/**
 * The simulated cash unit as a HID device: decodes command reports with the protocol module,
 * runs them on `SimCashUnitModel`, and answers with event reports, byte for byte as hardware
 * speaking MCU-1 would (ACK/NAK echoing the command seq, its own event seq, CRC on every report).
 *
 * Test and demo hooks: insertCoin/insertNote, injectFault/clearFault, setInventory, runScript,
 * unplug, and transport faults (drop or corrupt the next input reports) to exercise resync.
 */
import { createLogger } from '../../../../platform/log';
import {
  decodeCommand,
  encodeEvent,
  kindOf,
  type CommandOp,
  type Denomination,
  type DeviceEvent,
  type DeviceUnit,
  type FaultCode,
} from '../cash-unit-protocol';
import { SimHidTransport, type SimHidDevice, type SimHidHost, type SimHidOptions } from '../../hid/sim-hid-transport';
import { SimCashUnitModel } from './sim-cash-unit-model';
import { loadCashUnitSimFixture, type CashUnitSimFixture, type FaultStep } from './sim-cash-unit-fixture';

const log = createLogger('payment-cash-sim');

/** Commands a retry must not execute twice (they move money or change state). */
const NOT_IDEMPOTENT = new Set(['enable', 'commit', 'return-escrow', 'dispense', 'reset']);

export class SimCashUnitDevice implements SimHidDevice {
  readonly model: SimCashUnitModel;
  /** Output reports the device could not decode (it drops them, the host retries). */
  badCommands = 0;
  private host: SimHidHost | null = null;
  private eventSeq = 0;
  private last: { seq: number; bytes: string; ack: DeviceEvent } | null = null;
  private dropNext = 0;
  private corruptNext = 0;
  private ignoreNextCommands = 0;
  private readonly dropAcks = new Set<CommandOp>();
  private unplugOn: { op: CommandOp; reports: number } | null = null;

  constructor(fixture: CashUnitSimFixture = loadCashUnitSimFixture()) {
    this.model = new SimCashUnitModel(fixture);
  }

  attach(host: SimHidHost): void {
    this.host = host;
  }

  receiveOutputReport(report: Uint8Array): void {
    const r = decodeCommand(report);
    if (!r.ok) {
      this.badCommands++;
      log.debug({ code: r.error.code }, 'dropped undecodable command report');
      return;
    }
    if (this.ignoreNextCommands > 0) {
      this.ignoreNextCommands--;
      return;
    } // simulates a lost write
    const { seq, body: cmd } = r.value;
    const bytes = Buffer.from(report).toString('hex');
    if (this.last && this.last.seq === seq && this.last.bytes === bytes && NOT_IDEMPOTENT.has(cmd.op)) {
      this.send([this.last.ack]); // a host retry: answer again, do not execute again
      return;
    }
    const out = this.model.command(cmd);
    const ack: DeviceEvent = out.reply === 'ack' ? { type: 'ack', ackSeq: seq, op: cmd.op } : { type: 'nak', ackSeq: seq, op: cmd.op, reason: out.reply };
    this.last = { seq, bytes, ack };
    if (this.dropAcks.delete(cmd.op)) this.dropNext++; // executed, but the ACK is lost on the wire
    if (this.unplugOn?.op === cmd.op) {
      const n = this.unplugOn.reports;
      this.unplugOn = null;
      this.send([ack, ...out.events].slice(0, n)); // the cable is pulled after `n` reports
      this.host?.unplug();
      return;
    }
    this.send([ack, ...out.events]);
  }

  // ----- hooks -----

  /** A citizen inserts a coin (10/50/100/500). */
  insertCoin(d: Denomination): void {
    this.physical(d, 'coin');
  }
  /** A citizen inserts a note (1000/5000/10000). */
  insertNote(d: Denomination): void {
    this.physical(d, 'note');
  }
  /** Inserts any denomination. */
  insert(d: Denomination): void {
    this.send(this.model.insert(d));
  }
  /** Raises a fault now (e.g. 'door-open'); `value` is the yen involved, if known. */
  injectFault(fault: FaultCode, unit: DeviceUnit = 'device', value = 0): void {
    this.send(this.model.injectFault(fault, unit, value));
  }
  /** Staff cleared a fault by hand. */
  clearFault(fault: FaultCode): void {
    this.send(this.model.clearFault(fault));
  }
  /** Sets recycler counts. */
  setInventory(counts: Partial<Record<Denomination, number>>): void {
    this.model.setInventory(counts);
  }
  /** Activates a named fault script from the fixture. */
  runScript(name: string): void {
    this.model.runScript(name);
  }
  /** Adds one scripted fault step. */
  addFaultStep(step: FaultStep): void {
    this.model.addFaultStep(step);
  }
  /** The next `n` input reports are lost on the wire. */
  dropNextInputReports(n: number): void {
    this.dropNext += n;
  }
  /** The next `n` input reports arrive with a flipped bit (bad CRC). */
  corruptNextInputReports(n: number): void {
    this.corruptNext += n;
  }
  /** The next `n` valid commands are lost before the device sees them (host must retry). */
  loseNextCommands(n: number): void {
    this.ignoreNextCommands += n;
  }
  /** The ACK of the next `op` command is lost after the device executed it (tests host retries). */
  dropNextAckOf(op: CommandOp): void {
    this.dropAcks.add(op);
  }
  /** When the next `op` command runs, only its first `reports` answer reports get out before an unplug. */
  unplugDuring(op: CommandOp, reports: number): void {
    this.unplugOn = { op, reports };
  }
  /** Unplugs the device: the host transport reports `disconnect`. */
  unplug(): void {
    this.host?.unplug();
  }

  private physical(d: Denomination, kind: 'coin' | 'note'): void {
    if (kindOf(d) !== kind) throw new RangeError(`${d} is not a ${kind}`);
    this.insert(d);
  }

  private send(events: DeviceEvent[]): void {
    for (const ev of events) {
      const report = encodeEvent(this.eventSeq, ev);
      this.eventSeq = (this.eventSeq + 1) & 0xff;
      if (this.dropNext > 0) {
        this.dropNext--;
        continue;
      }
      if (this.corruptNext > 0) {
        this.corruptNext--;
        report[10] = (report[10] ?? 0) ^ 0x40;
      }
      this.host?.sendInputReport(report);
    }
  }
}

/** A simulated cash unit wired to its simulated HID transport. */
export function createSimCashUnit(fixture?: CashUnitSimFixture, opts: SimHidOptions = {}): { device: SimCashUnitDevice; transport: SimHidTransport } {
  const device = new SimCashUnitDevice(fixture);
  const transport = new SimHidTransport(device, { description: 'sim:cash-unit', ...opts });
  return { device, transport };
}
