/**
 * Renders a filled application form (書かない窓口) to an A4 PDF with its receipt number and a
 * QR code of it. Throws FormRenderError, MissingGlyphError (glyph-check.ts), FormLayoutError
 * (form-plan.ts) or TextOverflowError (pdf-kit/text.ts); never returns a partial document.
 */
import { filledFormSchema, type FilledForm } from '../../../contract/applications';
import { wardIdSchema, type WardId } from '../../../contract/ward-api';
import { createLogger } from '../../../platform/log';
import { formRegistry } from '../../applications/form-templates';
import type { FormTemplate } from '../../applications/form-template-schema';
import { documentFonts, type DocumentFonts } from '../fonts';
import { assertGlyphs, missingGlyphFacts } from '../glyph-check';
import { paintPdf } from '../pdf-kit/paint-pdf';
import { textsOf } from '../pdf-kit/plan';
import { auditForm, type FormAuditIssue } from './form-audit';
import { layoutForm } from './form-plan';

const log = createLogger('documents.forms');

export class FormRenderError extends Error {
  constructor(
    readonly code: 'invalid-form' | 'unknown-template' | 'bad-receipt-number' | 'unknown-ward' | 'layout-check-failed',
    /** With `layout-check-failed`: what the audit found (element indexes and field ids, no values). */
    readonly issues: readonly FormAuditIssue[] = [],
  ) {
    super(`form not rendered: ${code}${issues.length ? ` (${issues.map((i) => `${i.code}@${i.element ?? '-'}`).join(', ')})` : ''}`);
    this.name = 'FormRenderError';
  }
}

export interface RenderFormOptions {
  /** The receipt number printed on the form and encoded in its QR (e.g. `KK-20250610-0001`). */
  readonly receiptNumber: string;
  /**
   * The ward the application was sent to: its code goes into the QR (format 2), so the clerk's
   * `form:lookup` asks that ward's back end only. Absent: the older QR without a ward.
   */
  readonly ward?: WardId;
  /** Defaults to the template registered under `form.templateId`. */
  readonly template?: FormTemplate;
  readonly fonts?: DocumentFonts;
  /** PDF creation date (default now); fixed in tests for reproducible output. */
  readonly creationDate?: Date;
}

export async function renderFormPdf(form: FilledForm, opts: RenderFormOptions): Promise<Buffer> {
  const parsed = filledFormSchema.safeParse(form);
  if (!parsed.success) throw new FormRenderError('invalid-form');
  if (!/^[A-Z0-9][A-Z0-9-]{3,31}$/.test(opts.receiptNumber)) throw new FormRenderError('bad-receipt-number');
  if (opts.ward !== undefined && !wardIdSchema.safeParse(opts.ward).success) throw new FormRenderError('unknown-ward');
  const template = opts.template ?? formRegistry().templates.get(parsed.data.templateId);
  if (!template || template.id !== parsed.data.templateId) throw new FormRenderError('unknown-template');
  const fonts = opts.fonts ?? documentFonts();
  const layout = layoutForm(template, parsed.data, opts.receiptNumber, fonts, opts.ward);
  // A sheet the clerk would reject (text over a rule, outside its box, too small...) is refused
  // here, with the elements named, rather than printed for the citizen to sign.
  const issues = auditForm(layout, fonts, opts.receiptNumber);
  if (issues.length > 0) {
    log.warn({ template: template.id, receipt: opts.receiptNumber, code: 'layout-check-failed', issues }, 'form refused before printing');
    throw new FormRenderError('layout-check-failed', issues);
  }
  const plan = layout.plan;
  try {
    assertGlyphs(textsOf(plan), fonts);
  } catch (e) {
    log.warn({ template: template.id, receipt: opts.receiptNumber, code: 'missing-glyph', ...missingGlyphFacts(e) }, 'form refused before printing');
    throw e;
  }
  const pdf = await paintPdf(plan, fonts, opts.creationDate);
  log.info({ template: template.id, receipt: opts.receiptNumber, bytes: pdf.length }, 'form rendered');
  return pdf;
}
