/**
 * Recovery's deps for tests on the real journal and an IPP printer (simulator): the back end is
 * faked (content already gone, so nothing can be reprinted; voids recorded) and staff alerts kept.
 */
import { createIppPrinter } from '../../../devices/printer/ipp/ipp-printer';
import type { CertificateRecoveryDeps } from '../../../main/certificates/recover-certificate-sales';
import type { TransactionJournal } from '../../../main/journal/transaction-journal';
import type { StaffAlert } from '../../../main/staff/staff-alert';

export function recoveryWithFakeBackend(
  journal: TransactionJournal,
  printerUri: string,
): { deps: CertificateRecoveryDeps; alerts: StaffAlert[]; voided: string[] } {
  const alerts: StaffAlert[] = [];
  const voided: string[] = [];
  const deps: CertificateRecoveryDeps = {
    journal,
    printer: createIppPrinter(printerUri, { userName: 'madoguchi-kiosk', requestTimeoutMs: 500, pollIntervalMs: 5 }),
    ward: {
      issuedContent: async () => {
        throw Object.assign(new Error('gone'), { code: 'already-printed' });
      },
      markPrinted: async () => ({}) as never,
      voidIssued: async (_w: unknown, serial: string) => {
        voided.push(serial);
        return {} as never;
      },
    },
    defaultWard: 'kokurakita',
    render: async () => {
      throw new Error('nothing is rendered here');
    },
    alertStaff: (a) => alerts.push(a),
    jobSettleMs: 2_000,
    pollMs: 10,
  };
  return { deps, alerts, voided };
}
