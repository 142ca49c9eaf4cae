/**
 * Staff reprint of a sale that took money without a confirmed printout (`paid`, or `printing`
 * whose job did not produce the paper): the SAME serial is printed again from the content the back
 * end still holds for it (GET /v1/certificates/{serial}/content answers only while the serial is
 * issued and unprinted). Not a second issuance: one serial, printed once, then marked printed.
 *
 * Refused (typed `staff.not-allowed`) when the printer says the attempt's job (by id, or by name when
 * no id was journaled) completed or is still running, so a certificate that may already be in the
 * tray is never printed twice.
 */
import { KioskError } from '../../contract/errors';
import type { StaffReason } from '../../contract/staff-console';
import type { WardId } from '../../contract/ward-api';
import type { Printer } from '../../devices/printer/printer';
import { createLogger } from '../../platform/log';
import { askPrinterAboutAttempt } from '../certificates/ask-printer-about-attempt';
import { finishJournaledPrint, issuerOf, printJournaled } from '../certificates/journaled-reprint';
import type { CertificateRenderer } from '../certificates/journey-deps';
import type { StaffAlert } from './staff-alert';
import type { TransactionJournal, TransactionRecord } from '../journal';
import { WardApiError, type WardClient } from '../ward/ward-client';
import { wardOfSerial } from './staff-console';
import type { CertificateReprinter } from './staff-ports';

const log = createLogger('staff-reprint');

export interface StaffReprinterDeps {
  journal: Pick<TransactionJournal, 'now' | 'get' | 'markPrinting' | 'markResend' | 'recordPrintJob' | 'markPrinted' | 'markCardReturned' | 'markDone'>;
  printer: Pick<Printer, 'print' | 'jobStatus' | 'findJobs'>;
  ward: Pick<WardClient, 'issuedContent' | 'markPrinted'>;
  render: CertificateRenderer;
  defaultWard: WardId;
  alertStaff: (alert: StaffAlert) => void;
}

const refuse = (code: string) => new KioskError(code, `staff:errors.${code}`);

export function createStaffReprinter(deps: StaffReprinterDeps): CertificateReprinter {
  const { journal, printer, ward } = deps;
  return {
    async reprint(txId: string, reason: StaffReason): Promise<TransactionRecord> {
      const tx = journal.get(txId);
      if (!tx) throw refuse('staff.not-found');
      const serial = tx.serial;
      if (!serial || (tx.state !== 'paid' && tx.state !== 'printing')) throw refuse('staff.not-allowed');
      if (tx.state === 'printing') {
        // The recorded job, or the attempt's job by name when its id was never journaled. Completed:
        // the paper came out. Still queued or printing: it may yet. Either way, not again. (No answer
        // is left to staff, who can look in the tray; their reason is journaled.)
        const verdict = await askPrinterAboutAttempt(printer, tx, journal.now());
        if (verdict.kind === 'follow' || (verdict.kind === 'fact' && verdict.fact === 'completed')) throw refuse('staff.not-allowed');
      }
      const issuer = issuerOf(tx, wardOfSerial(serial) ?? deps.defaultWard);
      let pdf: Buffer;
      try {
        const answer = await ward.issuedContent(issuer, serial);
        if (answer.outcome !== 'issued' || answer.serial !== serial) throw refuse('staff.backend-refused');
        pdf = await deps.render(answer.certificate, answer.qrPayload);
      } catch (err) {
        if (err instanceof KioskError) throw err;
        const code = err instanceof WardApiError ? err.code : 'render-failed';
        log.warn({ txId, serial, code }, 'reprint content not available');
        throw refuse(code === 'unreachable' || code.startsWith('http-5') ? 'staff.backend-unreachable' : 'staff.backend-refused');
      }
      const result = await printJournaled(deps, tx, serial, pdf, `staff-${reason}`);
      if (result?.outcome !== 'completed') {
        // Stays `printing`: staff may try again once the printer is fixed, or void it.
        deps.alertStaff({ code: 'staff-reprint-failed', severity: 'error', reference: serial });
        log.warn({ txId, serial, outcome: result?.outcome ?? 'error' }, 'staff reprint did not complete');
        return journal.get(txId)!;
      }
      await finishJournaledPrint(deps, txId, serial, issuer, () =>
        deps.alertStaff({ code: 'backend-mark-printed-failed', severity: 'warning', reference: serial }),
      );
      log.info({ txId, serial, reason }, 'staff reprinted a certificate');
      return journal.get(txId)!;
    },
  };
}
