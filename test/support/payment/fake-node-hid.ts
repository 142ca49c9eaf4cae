/**
 * A fake node-hid `HIDAsync` device object for tests of NodeHidTransport.
 *
 * It records every write and emits 'data'/'error' like node-hid does. Optionally it is wired to
 * a simulated HID device (e.g. the simulated cash unit), so the full CashUnit contract suite
 * runs through the real transport's code: Buffer writes, 'data' events, read-error disconnects.
 */
import { EventEmitter } from 'node:events';
import type { HidDeviceLike } from '../../../devices/payment/hid/node-hid-transport';
import type { SimHidDevice } from '../../../devices/payment/hid/sim-hid-transport';

export class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  readonly writes: Buffer[] = [];
  closed = false;
  /** When set, write() rejects with this error. */
  failWrites: Error | null = null;
  /** What write() resolves with (default: the buffer length, as hidapi). */
  writeResult: ((buf: Buffer) => number) | null = null;

  constructor(
    private readonly sim?: SimHidDevice,
    private readonly numberedReports = true,
  ) {
    super();
    sim?.attach({
      sendInputReport: (r) =>
        setImmediate(() => {
          if (this.closed) return;
          // hidapi strips nothing for numbered reports; for unnumbered ones the ID is not on the wire.
          this.emit('data', Buffer.from(this.numberedReports ? r : r.subarray(1)));
        }),
      unplug: () => this.unplug(),
    });
  }

  async write(values: number[] | Buffer): Promise<number> {
    const buf = Buffer.from(values);
    if (this.failWrites) throw this.failWrites;
    this.writes.push(buf);
    if (this.sim) {
      const copy = Uint8Array.from(buf);
      setImmediate(() => this.sim?.receiveOutputReport(copy));
    }
    return this.writeResult ? this.writeResult(buf) : buf.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Emits one input report as node-hid would. */
  emitData(bytes: Uint8Array): void {
    this.emit('data', Buffer.from(bytes));
  }

  /** What node-hid does when the device is unplugged: its read loop emits 'error'. */
  unplug(): void {
    setImmediate(() => this.emit('error', new Error('could not read from HID device')));
  }
}
