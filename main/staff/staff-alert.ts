/**
 * An alert for ward staff: what every part of the kiosk raises (journeys, recovery, devices, the
 * outbox, retention) and the staff console shows, keeps and acknowledges (`staff-alerts.ts`).
 */
export interface StaffAlert {
  code: string;
  severity: 'info' | 'warning' | 'error';
  /** A reference staff can look up (serial, voucher); never personal data. */
  reference?: string;
}
