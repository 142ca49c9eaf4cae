/**
 * Prints an application's filled forms after it is queued: printer checked, every form rendered
 * first (a missing glyph prints nothing rather than half an application), then one IPP job per
 * form, followed to its end. Never throws: the outcome says what the citizen must be told.
 */
import type { FilledForm, LocalizedText } from '../../contract/applications';
import type { WardId } from '../../contract/ward-api';
import { createLogger } from '../../platform/log';
import { MissingGlyphError } from '../documents/glyph-check';
import type { ApplicationDeps } from './application-deps';
import { printerNotReadyCode } from '../staff/printer-alert';

const log = createLogger('application-print');

export type PrintOutcome =
  | { ok: true; printed: LocalizedText[] }
  /** Nothing (or not everything) printed; staff were alerted with the receipt number. */
  | { ok: false; printed: LocalizedText[] };

export interface PrintFormsInput {
  forms: readonly FilledForm[];
  receiptNumber: string;
  /** The ward the application was sent to (its code goes into each form's QR). */
  ward?: WardId;
  /** Called before each job and after each form (formsDone of formsTotal). */
  onProgress: (formsDone: number, formsTotal: number) => void;
  /** False once the session was wiped: stop before the next job. */
  stillCurrent: () => boolean;
}

export async function printForms(deps: Pick<ApplicationDeps, 'printer' | 'renderForm' | 'alertStaff'>, input: PrintFormsInput): Promise<PrintOutcome> {
  const { forms, receiptNumber } = input;
  const printed: LocalizedText[] = [];
  const health = await deps.printer.health().catch(() => null);
  if (!health?.ready) {
    deps.alertStaff({ code: printerNotReadyCode(health), severity: 'error', reference: receiptNumber });
    deps.alertStaff({ code: 'application-not-printed', severity: 'error', reference: receiptNumber });
    return { ok: false, printed };
  }
  const pdfs: Buffer[] = [];
  try {
    for (const form of forms) pdfs.push(await deps.renderForm(form, receiptNumber, input.ward));
  } catch (err) {
    const code = err instanceof MissingGlyphError ? 'application-missing-glyph' : 'application-render-failed';
    log.warn({ receiptNumber, code }, 'a form could not be rendered');
    deps.alertStaff({ code, severity: 'warning', reference: receiptNumber });
    return { ok: false, printed };
  }
  try {
    for (const [i, pdf] of pdfs.entries()) {
      if (!input.stillCurrent()) return { ok: false, printed };
      input.onProgress(i, pdfs.length);
      const result = await deps.printer.print(pdf, { jobName: `application-${receiptNumber}-${i + 1}` }).catch(() => null);
      if (result?.outcome !== 'completed') {
        const reason = result ? result.reason : 'error';
        deps.alertStaff({ code: `print-${result?.outcome ?? 'error'}-${reason}`, severity: 'error', reference: receiptNumber });
        deps.alertStaff({ code: 'application-not-printed', severity: 'error', reference: receiptNumber });
        return { ok: false, printed };
      }
      printed.push(forms[i]!.title);
      input.onProgress(i + 1, pdfs.length);
    }
    return { ok: true, printed };
  } finally {
    for (const pdf of pdfs) pdf.fill(0);
  }
}
