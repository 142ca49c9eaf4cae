/**
 * Identical alerts shown as one: three card-left alerts are one problem to look at, so staff see
 * it once with how often and when it happened, and acknowledge it once. Alerts are identical when
 * code and severity match and both are still open (acknowledged ones group among themselves).
 */
import type { StaffAlertView } from '../../../contract/staff-console';

export interface AlertGroup {
  /** Stable key (React, test ids): the oldest alert's id, whatever order the list comes in. */
  key: number;
  code: string;
  severity: StaffAlertView['severity'];
  /** Every alert of the group, in the order the console received them. */
  alerts: StaffAlertView[];
  /** The ones still to acknowledge (empty once staff acknowledged the group). */
  openIds: number[];
  /** Their serial, voucher or receipt numbers, each once. */
  references: string[];
  /** When the first and the last of them were raised (ISO 8601). */
  firstAt: string;
  lastAt: string;
}

export function groupAlerts(alerts: readonly StaffAlertView[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of alerts) {
    const id = `${a.ackedAt ? 'acked' : 'open'}|${a.severity}|${a.code}`;
    let g = groups.get(id);
    if (!g) {
      g = { key: a.id, code: a.code, severity: a.severity, alerts: [], openIds: [], references: [], firstAt: a.at, lastAt: a.at };
      groups.set(id, g);
    }
    g.alerts.push(a);
    g.key = Math.min(g.key, a.id);
    if (!a.ackedAt) g.openIds.push(a.id);
    if (a.reference && !g.references.includes(a.reference)) g.references.push(a.reference);
    if (a.at < g.firstAt) g.firstAt = a.at;
    if (a.at > g.lastAt) g.lastAt = a.at;
  }
  return [...groups.values()];
}
