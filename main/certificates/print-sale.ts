/**
 * Printing a paid certificate, after the card was taken: the job goes out (journaled `printing`
 * first, then its job id), is retried once if the printer says it is ready again, and ends
 * `printed` only when the printer completed it. A job the printer lost contact with is never sent
 * again (it may still come out).
 *
 * If the session was wiped while the printer had the job, the outcome is settled here by what the
 * printer did (nobody is at the machine to take cash): printed → journaled done and staff told a
 * certificate waits in the tray; not printed → voided and the full fee by voucher.
 */
import { randomUUID } from 'node:crypto';
import type { CertificateChoice } from '../../contract/certificate-journey';
import { PrinterError } from '../../devices/printer/printer';
import { createLogger, errorCode } from '../../platform/log';
import type { JournaledSale } from './journaled-sale';
import type { JourneyDeps } from './journey-deps';
import { voidIssuedSerial } from './money-return';

const log = createLogger('certificate-journey');

/** A certificate issued, rendered and journaled, waiting for payment and the printer. */
export type Prepared = { serial: string; pdf: Buffer; dueYen: number; choice: CertificateChoice; printed: boolean };

export interface PrintSaleInput {
  deps: Pick<JourneyDeps, 'printer' | 'ward' | 'alertStaff' | 'journal'>;
  prepared: Prepared;
  /** The sale, journaled with its serial and the ward that issued it. */
  sale: JournaledSale;
  /** What was paid (the unattended voucher's amount). */
  paidYen: number;
  /** False once the session was wiped. */
  sessionCurrent: () => boolean;
  /** True once the runtime stopped: the journal is closed, start-up recovery settles the job. */
  disposed: () => boolean;
  /** Pages done (null: starting), while the session is current. */
  onProgress: (pagesDone: number | null) => void;
}

/**
 * `printed`: journaled and marked at the back end, the citizen still here. `failed`: not printed,
 * the citizen still here (the caller refunds). `ended`: the session ended; settled here.
 */
export type PrintOutcome = 'printed' | 'failed' | 'ended';

export async function printSale(input: PrintSaleInput): Promise<PrintOutcome> {
  const { deps, prepared, sale } = input;
  for (let attempt = 1; attempt <= 2; attempt++) {
    input.onProgress(null);
    let jobRecorded = false;
    let lost = false;
    const result = await deps.printer
      .print(prepared.pdf, {
        // The attempt's name is journaled before the job goes out (recovery finds it by name).
        jobName: sale.jobName(),
        copies: prepared.choice.copies,
        onProgress: (p) => {
          if (!jobRecorded && !input.disposed()) sale.printJob(p.jobId);
          jobRecorded = true;
          if (input.sessionCurrent()) input.onProgress(p.pagesCompleted);
        },
      })
      .catch((err: unknown) => {
        // Contact lost while the printer had the job: it may still come out, so never send it again.
        lost = err instanceof PrinterError && err.code === 'printer.lost-job';
        return null;
      });
    if (!input.sessionCurrent()) return settleUnattended(input, result?.outcome === 'completed');
    if (result?.outcome === 'completed') {
      prepared.printed = true;
      sale.printed();
      await deps.ward.markPrinted(sale.issuer, sale.serial, randomUUID()).catch((err: unknown) => {
        deps.alertStaff({ code: 'backend-mark-printed-failed', severity: 'warning', reference: sale.serial });
        log.warn({ err: errorCode(err) }, 'could not mark the certificate printed');
      });
      return input.sessionCurrent() ? 'printed' : 'ended';
    }
    deps.alertStaff({ code: `print-${lost ? 'lost-job' : (result?.outcome ?? 'error')}`, severity: 'error', reference: sale.serial });
    if (lost) break;
    // One more try only if the printer says it is ready again (a cleared jam, say).
    const health = await deps.printer.health().catch(() => null);
    if (!input.sessionCurrent()) return settleUnattended(input, false);
    if (!health?.ready || attempt === 2) break;
    if (!sale.resend(`print-${result?.outcome ?? 'error'}`)) break;
  }
  return 'failed';
}

async function settleUnattended(input: PrintSaleInput, completed: boolean): Promise<'ended'> {
  const { deps, prepared, sale } = input;
  if (input.disposed()) return 'ended';
  if (completed) {
    prepared.printed = true;
    sale.printedUnattended();
    // Told with the printed state it belongs to, not after the back end's answer.
    deps.alertStaff({ code: 'certificate-left-in-tray', severity: 'warning', reference: sale.serial });
    await deps.ward.markPrinted(sale.issuer, sale.serial, randomUUID()).catch(() => {
      deps.alertStaff({ code: 'backend-mark-printed-failed', severity: 'warning', reference: sale.serial });
    });
  } else {
    const voucher = sale.refundUnattended(input.paidYen, await voidIssuedSerial(deps, sale.issuer, sale.serial, 'print-failed'));
    if (voucher) deps.alertStaff({ code: 'refund-voucher', severity: 'error', reference: voucher });
    // No number could be journaled: staff get the serial and the amount to pay out by hand.
    else deps.alertStaff({ code: 'refund-voucher-unrecorded', severity: 'error', reference: `${sale.serial}/${input.paidYen}yen`.slice(0, 64) });
  }
  prepared.pdf.fill(0);
  return 'ended';
}
