/**
 * Every metric the kiosk exports to Prometheus, registered here and nowhere else (names:
 * `madoguchi_` prefix, counters `_total`, durations `_seconds`). Counters move on events (journey
 * views, staff alerts, dead letters); gauges of state (devices, cash, outbox, reachability,
 * heartbeat) are read at each scrape from the same narrow views the staff console uses, so the two
 * never disagree. Labels are kiosk, ward, journey, step, device, state, code and denomination:
 * never a person, a serial or a receipt number.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StaffOverview } from '../../contract/staff-console';
import type { Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import type { StaffAlert } from '../staff/staff-alert';
import { cardTile, cashTile, printerTile, type StaffCardReaders, type StaffCashUnit, type StaffPrinter } from '../staff/staff-device-status';
import { JourneyTracker, type JourneyObserver } from './journey-tracker';

const log = createLogger('metrics');

/** What a scrape reads (each part optional: a kiosk without an outbox simply has no outbox series). */
export interface MetricSources {
  cardReaders?: StaffCardReaders;
  printer?: StaffPrinter;
  cash?: StaffCashUnit | null;
  outbox?: { status(): { byDestination: Record<string, { queued: number; deadLetters: number }> } };
  dispatcher?: { status(): Record<string, { consecutiveFailures: number }> };
  /**
   * True while a citizen's session (or its wipe) holds the devices: the cash unit takes one
   * operation at a time, so a scrape then must not ask it (a payment or refund would find it busy).
   */
  citizenHoldsDevices?: () => boolean;
}

interface DeviceSnapshot {
  card?: StaffOverview['card'];
  printer?: StaffOverview['printer'];
  cash?: StaffOverview['cash'];
}

/** Step durations: a few seconds (a tap) to many minutes (a long interview). */
const STEP_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200];

/** Staff alerts that mean something did not print (printer down, a form, a voucher slip, a reprint). */
export function isPrintFailure(code: string): boolean {
  return /^printer-|print-failed|not-printed|reprint-failed|print-attempts-exhausted|print-outcome-unknown/.test(code);
}

export interface KioskMetricsOptions {
  kioskId: string;
  ward: string;
  version: string;
  clock: Clock;
}

export class KioskMetrics {
  readonly registry = new Registry();
  readonly tracker: JourneyTracker;
  private sources: MetricSources = {};

  private readonly sessionsStarted: Counter;
  private readonly sessionsEnded: Counter<'reason'>;
  private readonly completed: Counter<'journey'>;
  private readonly abandoned: Counter<'journey' | 'step'>;
  private readonly stepSeconds: Histogram<'journey' | 'step'>;
  private readonly alerts: Counter<'code' | 'severity'>;
  private readonly printFailures: Counter<'code'>;
  private readonly deadLettered: Counter<'destination' | 'code'>;
  /** The device tiles read once per scrape (every device gauge reads this one snapshot). */
  private devices: DeviceSnapshot = {};

  constructor(options: KioskMetricsOptions) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ kiosk: options.kioskId, ward: options.ward });
    new Gauge({ name: 'madoguchi_kiosk_info', help: 'Always 1; the kiosk software version as a label.', labelNames: ['version'], registers }).set(
      { version: options.version },
      1,
    );
    new Gauge({
      name: 'madoguchi_heartbeat_timestamp_seconds',
      help: 'The kiosk clock at the scrape (Unix seconds): a stale or missing value means the kiosk is down or its clock is wrong.',
      registers,
      collect() {
        this.set(Math.floor(options.clock.now() / 1000));
      },
    });
    this.sessionsStarted = new Counter({ name: 'madoguchi_sessions_started_total', help: 'Citizen sessions started.', registers });
    this.sessionsEnded = new Counter({ name: 'madoguchi_sessions_ended_total', help: 'Citizen sessions ended, by reason.', labelNames: ['reason'], registers });
    this.completed = new Counter({ name: 'madoguchi_journeys_completed_total', help: 'Journeys that reached their end.', labelNames: ['journey'], registers });
    this.abandoned = new Counter({
      name: 'madoguchi_journeys_abandoned_total',
      help: 'Journeys the session ended before their end, by the step they were on.',
      labelNames: ['journey', 'step'],
      registers,
    });
    this.stepSeconds = new Histogram({
      name: 'madoguchi_journey_step_duration_seconds',
      help: 'Time spent on each journey step.',
      labelNames: ['journey', 'step'],
      buckets: STEP_BUCKETS,
      registers,
    });
    this.alerts = new Counter({ name: 'madoguchi_staff_alerts_total', help: 'Staff alerts raised, by code.', labelNames: ['code', 'severity'], registers });
    this.printFailures = new Counter({
      name: 'madoguchi_print_failures_total',
      help: 'Print failures (staff alerts about the printer or a document that did not print), by code.',
      labelNames: ['code'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'madoguchi_outbox_dead_lettered_total',
      help: 'Submissions the ward refused for good (dead letters), by ward and code.',
      labelNames: ['destination', 'code'],
      registers,
    });
    this.stateGauges(registers);
    const observer: JourneyObserver = {
      stepEnded: (journey, step, seconds) => this.stepSeconds.observe({ journey, step }, seconds),
      completed: (journey) => this.completed.inc({ journey }),
      abandoned: (journey, step) => this.abandoned.inc({ journey, step }),
      sessionStarted: () => this.sessionsStarted.inc(),
      sessionEnded: (reason) => this.sessionsEnded.inc({ reason }),
    };
    this.tracker = new JourneyTracker(options.clock, observer);
    for (const journey of ['certificate', 'application']) this.completed.inc({ journey }, 0);
  }

  /** What gauges read at each scrape (wired once the devices and stores are open). */
  attach(sources: MetricSources): void {
    this.sources = sources;
  }

  /** Every staff alert (the StaffAlerts listener). */
  alertRaised(alert: StaffAlert): void {
    const code = alert.code.slice(0, 64);
    this.alerts.inc({ code, severity: alert.severity });
    if (isPrintFailure(code)) this.printFailures.inc({ code });
  }

  /** A submission dead-lettered (the dispatcher's callback). */
  deadLetter(destination: string, code: string): void {
    this.deadLettered.inc({ destination: destination.slice(0, 32), code: code.slice(0, 64) });
  }

  /** The text exposition of one scrape: the devices are read once (bounded waits), then every metric. */
  async scrape(): Promise<string> {
    const s = this.sources;
    // During a citizen's session the cash unit keeps the state last read while it was free.
    const askCash = s.cash !== undefined && !(s.citizenHoldsDevices?.() ?? false);
    const [printer, cash] = await Promise.all([s.printer ? printerTile(s.printer) : undefined, askCash ? cashTile(s.cash!) : this.devices.cash]);
    this.devices = { ...(s.cardReaders ? { card: cardTile(s.cardReaders) } : {}), ...(printer ? { printer } : {}), ...(cash ? { cash } : {}) };
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private stateGauges(registers: Registry[]): void {
    const sources = () => this.sources;
    const devices = () => this.devices;
    new Gauge({
      name: 'madoguchi_device_up',
      help: 'Whether each device is present and ready (1) or not (0).',
      labelNames: ['device'],
      registers,
      collect() {
        this.reset();
        const d = devices();
        if (d.card) this.set({ device: 'card-reader' }, d.card.readerPresent ? 1 : 0);
        if (d.printer) this.set({ device: 'printer' }, d.printer.ready ? 1 : 0);
        if (d.cash) this.set({ device: 'cash' }, d.cash.state === 'ok' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'madoguchi_device_state',
      help: 'The state each device reports (1 for the current state).',
      labelNames: ['device', 'state'],
      registers,
      collect() {
        this.reset();
        const d = devices();
        if (d.card) this.set({ device: 'card-reader', state: d.card.cardPresent ? 'card-present' : d.card.readerPresent ? 'idle' : 'absent' }, 1);
        if (d.printer) this.set({ device: 'printer', state: d.printer.state }, 1);
        if (d.cash) this.set({ device: 'cash', state: d.cash.state }, 1);
      },
    });
    new Gauge({
      name: 'madoguchi_cash_level',
      help: 'Notes or coins the cash unit holds, by denomination (yen).',
      labelNames: ['denomination'],
      registers,
      collect() {
        this.reset();
        for (const l of devices().cash?.levels ?? []) this.set({ denomination: String(l.denomination) }, l.count);
      },
    });
    const byWard = (name: string, help: string, pick: (d: { queued: number; deadLetters: number }) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['destination'],
        registers,
        collect() {
          this.reset();
          const outbox = sources().outbox;
          if (!outbox) return;
          try {
            for (const [destination, d] of Object.entries(outbox.status().byDestination)) this.set({ destination }, pick(d));
          } catch (err) {
            log.warn({ err: errorCode(err) }, 'outbox status not readable for metrics');
          }
        },
      });
    byWard('madoguchi_outbox_queued', 'Submissions waiting to be delivered, per ward.', (d) => d.queued);
    byWard('madoguchi_outbox_dead_letters', 'Dead letters waiting for staff, per ward.', (d) => d.deadLetters);
    new Gauge({
      name: 'madoguchi_ward_reachable',
      help: 'Whether the ward back end the outbox delivers to answered its last send or probe (1) or not (0), per ward.',
      labelNames: ['destination'],
      registers,
      collect() {
        this.reset();
        for (const [destination, d] of Object.entries(sources().dispatcher?.status() ?? {})) this.set({ destination }, d.consecutiveFailures === 0 ? 1 : 0);
      },
    });
  }
}
