/**
 * Renders every form template for every sample person (fictional) to PDF and PNG, to look at
 * them as a ward clerk would: `npx tsx build/scripts/render-form-samples.ts [out-dir]`
 * (default /tmp/madoguchi-form-samples). Needs pdftoppm (poppler-utils) for the PNGs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formRegistry } from '../../main/applications/form-templates';
import { renderFormPdf } from '../../main/documents/forms/render-form';
import { SAMPLE_PEOPLE, SAMPLE_RECEIPT, sampleForm, stressPerson } from '../../test/support/form-samples';

async function main(): Promise<void> {
  const out = process.argv[2] ?? '/tmp/madoguchi-form-samples';
  mkdirSync(out, { recursive: true });
  let failed = 0;
  const templates = [...formRegistry().templates.values()];
  const people = { ...SAMPLE_PEOPLE, stress: stressPerson(templates) };
  for (const t of templates) {
    for (const [who, person] of Object.entries(people)) {
      const base = join(out, `${t.id}.${who}`);
      try {
        const pdf = await renderFormPdf(sampleForm(t, person), { receiptNumber: SAMPLE_RECEIPT, creationDate: new Date('2026-11-28T00:00:00Z') });
        writeFileSync(`${base}.pdf`, pdf);
        execFileSync('pdftoppm', ['-r', '100', '-png', `${base}.pdf`, base]);
        console.log(`ok   ${base}.pdf`);
      } catch (e) {
        failed++;
        const err = e as Error & { field?: string };
        console.log(`FAIL ${base}: ${err.name} ${err.message}${err.field ? ` field=${err.field}` : ''}`);
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
