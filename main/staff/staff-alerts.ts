/**
 * Alerts for ward staff (paper out, refund voucher, a certificate sent to the counter…).
 * Kept in memory for the staff screen and logged; each carries a code and a reference
 * (serial, voucher), never personal data.
 */
import { createLogger } from '../../platform/log';
import type { StaffAlert } from '../certificates/journey-deps';

const log = createLogger('staff-alerts');
const KEEP = 200;

export type RecordedAlert = StaffAlert & { at: string };

export class StaffAlerts {
  private readonly alerts: RecordedAlert[] = [];

  raise(alert: StaffAlert): void {
    const recorded = { ...alert, at: new Date().toISOString() };
    this.alerts.push(recorded);
    if (this.alerts.length > KEEP) this.alerts.shift();
    log[alert.severity === 'error' ? 'error' : alert.severity === 'warning' ? 'warn' : 'info']({ alert: alert.code, reference: alert.reference }, 'staff alert');
  }

  list(): readonly RecordedAlert[] {
    return this.alerts;
  }
}
