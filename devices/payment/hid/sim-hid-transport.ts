/**
 * The simulated HID transport: an in-process device on the other end of the same byte-level
 * contract as `NodeHidTransport`. The device (e.g. the simulated cash unit) sees each output
 * report as bytes and answers with input-report bytes; nothing typed crosses this boundary, so
 * the code above `HidTransport` runs exactly as with hardware.
 *
 * Like hardware it is asynchronous: a write reaches the device on a later macrotask and each
 * input report is delivered on its own later macrotask, in order (setImmediate, or a timer
 * when `latencyMs` > 0). `recording` keeps every report
 * in both directions (hex) for byte-exact tests.
 */
import { HidTransportError, type HidTransport, type HidTransportEvents } from './hid-transport';
import { TypedEvents } from '../typed-events';

/** What the transport offers the simulated device. */
export interface SimHidHost {
  /** Queues one input report to the host (report ID first). Ignored once disconnected. */
  sendInputReport(report: Uint8Array): void;
  /** Simulates unplugging: the host sees `disconnect`, and further writes fail. */
  unplug(): void;
}

/** A simulated HID device: receives output reports as bytes. */
export interface SimHidDevice {
  /** Called once when the transport is created. */
  attach(host: SimHidHost): void;
  /** One output report written by the host (the device's own copy). */
  receiveOutputReport(report: Uint8Array): void;
}

export interface SimHidOptions {
  /** Output report size the device expects; other sizes are refused like a real descriptor would. */
  reportLength?: number;
  /** Delay per report in ms (0 = next macrotask). */
  latencyMs?: number;
  description?: string;
}

export interface RecordedReport {
  dir: 'out' | 'in';
  hex: string;
}

export class SimHidTransport implements HidTransport {
  readonly description: string;
  /** Every report that crossed the transport, in order. */
  readonly recording: RecordedReport[] = [];
  private open = true;
  private unplugged = false;
  private readonly events = new TypedEvents<HidTransportEvents>();
  private readonly timers = new Set<NodeJS.Timeout | NodeJS.Immediate>();
  private readonly reportLength: number;
  private readonly latencyMs: number;

  constructor(
    private readonly device: SimHidDevice,
    opts: SimHidOptions = {},
  ) {
    this.description = opts.description ?? 'sim:hid';
    this.reportLength = opts.reportLength ?? 64;
    this.latencyMs = opts.latencyMs ?? 0;
    device.attach({
      sendInputReport: (r) => this.deliver(r),
      unplug: () => this.unplug(),
    });
  }

  get isOpen(): boolean {
    return this.open && !this.unplugged;
  }

  write(report: Uint8Array): Promise<void> {
    if (this.unplugged) return Promise.reject(new HidTransportError('disconnected', 'device unplugged'));
    if (!this.open) return Promise.reject(new HidTransportError('closed', 'transport is closed'));
    if (report.length !== this.reportLength) {
      return Promise.reject(new HidTransportError('bad-report', `output report must be ${this.reportLength} bytes`));
    }
    const copy = Uint8Array.from(report);
    this.recording.push({ dir: 'out', hex: Buffer.from(copy).toString('hex') });
    this.later(() => this.device.receiveOutputReport(copy));
    return Promise.resolve();
  }

  on<K extends keyof HidTransportEvents>(event: K, listener: HidTransportEvents[K]): () => void {
    return this.events.on(event, listener);
  }

  async close(): Promise<void> {
    this.open = false;
    for (const t of this.timers) {
      clearTimeout(t as NodeJS.Timeout);
      clearImmediate(t as NodeJS.Immediate);
    }
    this.timers.clear();
    this.events.clear();
  }

  private deliver(report: Uint8Array): void {
    if (!this.isOpen) return;
    const copy = Uint8Array.from(report);
    this.later(() => {
      this.recording.push({ dir: 'in', hex: Buffer.from(copy).toString('hex') });
      this.events.emit('report', Uint8Array.from(copy));
    });
  }

  /**
   * Reports the device sent before the unplug still arrive (they were on the wire), then the
   * host sees `disconnect`; from the unplug on, writes fail and the device can send nothing.
   */
  private unplug(): void {
    if (this.unplugged || !this.open) return;
    this.unplugged = true;
    const err = new HidTransportError('disconnected', 'device unplugged');
    this.later(() => {
      this.open = false;
      this.events.emit('disconnect', err);
      this.events.clear();
    });
  }

  /** Runs `fn` after the latency (0 = next macrotask), in FIFO order. */
  private later(fn: () => void): void {
    const run = (): void => {
      this.timers.delete(t);
      if (this.open) fn();
    };
    const t = this.latencyMs > 0 ? setTimeout(run, this.latencyMs) : setImmediate(run);
    this.timers.add(t);
  }
}
