/**
 * Alerts for ward staff (paper out, refund voucher, a certificate sent to the counter…).
 * Kept in memory for the staff screen and logged; each carries a code and a reference
 * (serial, voucher), never personal data. Staff acknowledge an alert on the console: it
 * stays listed (marked) until it ages out, so the day's history is visible.
 */
import { createLogger } from '../../platform/log';
import type { StaffAlert } from '../certificates/journey-deps';

const log = createLogger('staff-alerts');
const KEEP = 200;

export type RecordedAlert = StaffAlert & {
  /** Kiosk-unique id (counts up from 1 for this run). */
  id: number;
  /** Raised at, ISO 8601. */
  at: string;
  /** Acknowledged at, ISO 8601, once staff did. */
  ackedAt?: string;
};

export class StaffAlerts {
  private readonly alerts: RecordedAlert[] = [];
  private nextId = 1;

  constructor(private readonly now: () => Date = () => new Date()) {}

  raise(alert: StaffAlert): RecordedAlert {
    const recorded: RecordedAlert = { ...alert, id: this.nextId++, at: this.now().toISOString() };
    this.alerts.push(recorded);
    if (this.alerts.length > KEEP) this.alerts.shift();
    log[alert.severity === 'error' ? 'error' : alert.severity === 'warning' ? 'warn' : 'info']({ alert: alert.code, reference: alert.reference, id: recorded.id }, 'staff alert');
    return recorded;
  }

  /** Oldest first. */
  list(): readonly RecordedAlert[] {
    return this.alerts;
  }

  /** Alerts not acknowledged yet. */
  unacknowledged(): RecordedAlert[] {
    return this.alerts.filter((a) => a.ackedAt === undefined);
  }

  /** Marks one alert acknowledged; false when there is no such alert (aged out or never raised). */
  ack(id: number): boolean {
    const alert = this.alerts.find((a) => a.id === id);
    if (!alert) return false;
    if (alert.ackedAt === undefined) {
      alert.ackedAt = this.now().toISOString();
      log.info({ alert: alert.code, id }, 'staff alert acknowledged');
    }
    return true;
  }
}
