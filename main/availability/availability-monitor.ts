/**
 * Honest availability before the card: what works now (printer, cash, cashless) and whether the
 * kiosk is within its service hours, so the home screen offers only a journey that can finish
 * (printer out → no certificates; neither cash nor cashless → no paid certificates) and, when
 * closed, says when it opens.
 *
 * Devices are asked only while no citizen session runs (at start, when a session ends, and every
 * `pollMs` while idle): a status query during a payment would find the cash unit busy, and a
 * session's own checks (printer health before any money) cover it while it runs. Every device
 * question is time-limited; an unanswered one counts as not working.
 */
import type { Availability } from '../../contract/kiosk-api';
import type { CashUnit } from '../../devices/payment/cash/cash-unit';
import type { CashlessTerminal } from '../../devices/payment/cashless/cashless-terminal';
import type { Printer } from '../../devices/printer/printer';
import type { Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { serviceHoursAt, type ServiceHours } from '../config/service-hours';

const log = createLogger('availability');

/** Faults that stop the cash unit taking money (the same the unit refuses a payment for). */
const STOPPING_FAULTS = ['jam', 'door-open', 'device-error'];

export interface AvailabilityDeps {
  hours: ServiceHours;
  clock: Clock;
  printer: Pick<Printer, 'health'>;
  cash: Pick<CashUnit, 'status' | 'connected' | 'busy'>;
  cashless: Pick<CashlessTerminal, 'status'> | null;
  /** True while a citizen session runs: devices are not asked then. */
  citizenBusy: () => boolean;
  onChange: (a: Availability) => void;
  /** How often devices are asked while idle (default 60 s). */
  pollMs?: number;
  /** Longest wait for one device's answer (default 5 s). */
  askTimeoutMs?: number;
}

type DeviceState = Availability['devices'];

export class AvailabilityMonitor {
  private devices: DeviceState = { printer: false, cash: false, cashless: false };
  private hoursOverridden = false;
  /** A technician holds the devices (the self-test): no journey is offered meanwhile. */
  private heldForMaintenance = false;
  private last: string | null = null;
  private timer: unknown = null;
  private stopped = false;
  private checking: Promise<void> | null = null;

  constructor(private readonly deps: AvailabilityDeps) {}

  /** The availability now (service hours from the clock, devices as last checked). */
  current(): Availability {
    const hours = serviceHoursAt(this.deps.hours, this.deps.clock.now());
    const open = hours.state === 'open' || this.hoursOverridden;
    const { printer, cash, cashless } = this.devices;
    return {
      hours,
      devices: { ...this.devices },
      journeys: {
        certificate: open && !this.heldForMaintenance && printer && (cash || cashless),
        application: open && !this.heldForMaintenance,
      },
      hoursOverridden: this.hoursOverridden,
    };
  }

  /** First check, then every `pollMs`. */
  async start(): Promise<void> {
    await this.check();
    this.schedule();
  }

  /** Asks the devices again (skipped while a citizen session runs) and pushes any change. */
  check(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.checking ??= this.askDevices().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /**
   * While the self-test runs (it pays out and takes back a coin, prints a page) no journey is
   * offered, so no citizen starts one on devices a technician holds; released, the devices are asked again.
   */
  holdForMaintenance(held: boolean): void {
    this.heldForMaintenance = held;
    if (held) this.publish();
    else void this.check();
  }

  /** Demo: serve outside the service hours (or stop doing so). */
  overrideHours(open: boolean): Availability {
    this.hoursOverridden = open;
    return this.publish();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = this.deps.clock.setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, this.deps.pollMs ?? 60_000);
  }

  private async askDevices(): Promise<void> {
    if (!this.deps.citizenBusy()) {
      const [printer, cash, cashless] = await Promise.all([this.printerWorks(), this.cashWorks(), this.cashlessWorks()]);
      if (this.stopped) return;
      this.devices = { printer, cash, cashless };
    }
    this.publish();
  }

  /** Pushes the availability when it changed (the hours move on by themselves: checked each poll). */
  private publish(): Availability {
    const now = this.current();
    const text = JSON.stringify(now);
    if (text !== this.last) {
      this.last = text;
      log.info({ devices: now.devices, journeys: now.journeys, hours: now.hours.state }, 'availability');
      this.deps.onChange(now);
    }
    return now;
  }

  private async printerWorks(): Promise<boolean> {
    const health = await this.deps.printer.health({ signal: AbortSignal.timeout(this.askTimeoutMs) }).catch((err: unknown) => {
      log.warn({ err: errorCode(err) }, 'printer health not known');
      return null;
    });
    return health?.ready === true;
  }

  private async cashWorks(): Promise<boolean> {
    const { cash } = this.deps;
    if (!cash.connected) return false;
    // Busy (a refund, the staff console): it is answering, so it works; its faults show next time.
    if (cash.busy) return this.devices.cash;
    const status = await this.within(cash.status()).catch(() => null);
    return status !== null && !status.faults.some((f) => STOPPING_FAULTS.includes(f));
  }

  private async cashlessWorks(): Promise<boolean> {
    if (!this.deps.cashless) return false;
    const status = await this.within(this.deps.cashless.status()).catch(() => null);
    return status !== null && status.state !== 'offline';
  }

  private get askTimeoutMs(): number {
    return this.deps.askTimeoutMs ?? 5000;
  }

  private within<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const t = this.deps.clock.setTimeout(() => reject(new Error('device did not answer')), this.askTimeoutMs);
      p.then(resolve, reject).finally(() => this.deps.clock.clearTimeout(t));
    });
  }
}
