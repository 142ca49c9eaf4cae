/**
 * The real HID transport: node-hid's `HIDAsync`, opened by path or by vendor/product id.
 *
 * The constructor takes the already-open device object (anything shaped like `HidDeviceLike`),
 * so tests inject a fake that records writes and emits 'data'. `NodeHidTransport.open()` does
 * the node-hid lookup; node-hid is loaded lazily so the simulator path never loads the native
 * binding.
 *
 * Report IDs follow node-hid: writes go out verbatim (byte 0 = report ID, 0x00 for a device
 * without numbered reports). On input, hidapi includes the report ID only for numbered reports;
 * with `numberedReports: false` we prepend 0x00 so byte 0 is always the report ID above us.
 */
import { createLogger, errorCode } from '../../../platform/log';
import { HidTransportError, type HidTransport, type HidTransportEvents } from './hid-transport';
import { TypedEvents } from '../typed-events';

const log = createLogger('payment-hid');

/** The part of node-hid's HIDAsync this transport uses. */
export interface HidDeviceLike {
  write(values: number[] | Buffer): Promise<number>;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): Promise<void>;
}

/** Where to find the device (from kiosk config). `path` wins over vendor/product id. */
export interface NodeHidConfig {
  vendorId?: number;
  productId?: number;
  path?: string;
  /** False for devices whose reports have no report ID (default true). */
  numberedReports?: boolean;
  /** Open without exclusive access (hidapi nonExclusive; default false: a payment device is ours alone). */
  nonExclusive?: boolean;
}

/** The node-hid entry point `open()` needs; injectable for tests. */
export interface NodeHidModule {
  HIDAsync: {
    open(path: string, options?: { nonExclusive?: boolean }): Promise<HidDeviceLike>;
    open(vid: number, pid: number, options?: { nonExclusive?: boolean }): Promise<HidDeviceLike>;
  };
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

export class NodeHidTransport implements HidTransport {
  readonly description: string;
  private open = true;
  private readonly events = new TypedEvents<HidTransportEvents>();
  private writeChain: Promise<unknown> = Promise.resolve();
  private readonly numbered: boolean;

  constructor(
    private readonly device: HidDeviceLike,
    opts: { description?: string; numberedReports?: boolean } = {},
  ) {
    this.description = opts.description ?? 'hid';
    this.numbered = opts.numberedReports ?? true;
    device.on('data', (data: Buffer) => this.onData(data));
    device.on('error', (err: unknown) => this.onReadError(err));
  }

  /** Opens the configured device through node-hid (or an injected module). */
  static async open(config: NodeHidConfig, hid?: NodeHidModule): Promise<NodeHidTransport> {
    const mod = hid ?? ((await import('node-hid')) as unknown as NodeHidModule);
    const options = { nonExclusive: config.nonExclusive ?? false };
    let description: string;
    let device: HidDeviceLike;
    try {
      if (config.path !== undefined) {
        description = 'hid:path';
        device = await mod.HIDAsync.open(config.path, options);
      } else if (config.vendorId !== undefined && config.productId !== undefined) {
        description = `hid:${hex4(config.vendorId)}:${hex4(config.productId)}`;
        device = await mod.HIDAsync.open(config.vendorId, config.productId, options);
      } else {
        throw new HidTransportError('not-found', 'config needs a path or a vendorId and productId');
      }
    } catch (e) {
      if (e instanceof HidTransportError) throw e;
      throw new HidTransportError('open-failed', `cannot open HID device: ${(e as Error)?.message ?? 'unknown'}`);
    }
    log.info({ device: description }, 'HID device opened');
    return new NodeHidTransport(device, { description, numberedReports: config.numberedReports ?? true });
  }

  get isOpen(): boolean {
    return this.open;
  }

  write(report: Uint8Array): Promise<void> {
    if (!this.open) return Promise.reject(new HidTransportError('closed', 'transport is closed'));
    if (report.length < 1) return Promise.reject(new HidTransportError('bad-report', 'empty report'));
    const buf = Buffer.from(report); // a copy: the caller may reuse its array
    const result = this.writeChain.then(async () => {
      if (!this.open) throw new HidTransportError('closed', 'transport is closed');
      let written: number;
      try {
        written = await this.device.write(buf);
      } catch (e) {
        throw new HidTransportError('write-failed', `HID write failed: ${(e as Error)?.message ?? 'unknown'}`);
      }
      // hidapi reports the bytes written including the report ID (Windows pads to the report size).
      if (!Number.isInteger(written) || written < buf.length) {
        throw new HidTransportError('short-write', `wrote ${written} of ${buf.length} bytes`);
      }
    });
    this.writeChain = result.catch(() => undefined);
    return result;
  }

  on<K extends keyof HidTransportEvents>(event: K, listener: HidTransportEvents[K]): () => void {
    return this.events.on(event, listener);
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.shutDown();
    try {
      await this.device.close();
    } catch (e) {
      log.warn({ device: this.description, err: errorCode(e) }, 'HID close failed');
    }
  }

  private onData(data: Buffer): void {
    if (!this.open) return;
    if (!(data instanceof Uint8Array) || data.length === 0) {
      this.events.emit('error', new HidTransportError('bad-report', 'empty input report'));
      return;
    }
    const report = new Uint8Array(data.length + (this.numbered ? 0 : 1));
    report.set(data, this.numbered ? 0 : 1);
    this.events.emit('report', report);
  }

  /** node-hid emits 'error' when the read loop fails, which on every platform means the device is gone. */
  private onReadError(err: unknown): void {
    if (!this.open) return;
    const e = new HidTransportError('disconnected', `HID read failed: ${(err as Error)?.message ?? 'unknown'}`);
    log.warn({ device: this.description, code: e.code }, 'HID device disconnected');
    this.shutDown();
    this.events.emit('disconnect', e);
    this.events.clear();
    this.device.close().catch(() => undefined);
  }

  private shutDown(): void {
    this.open = false;
    this.device.removeAllListeners('data');
    this.device.removeAllListeners('error');
    // Keep an inert error listener: node-hid may still emit while closing, and an EventEmitter
    // 'error' without a listener would throw.
    this.device.on('error', () => undefined);
  }
}
