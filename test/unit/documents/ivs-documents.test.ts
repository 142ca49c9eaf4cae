import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWardDb, seedWardDb } from '../../../backend/db/ward-db';
import { defaultFixturesDir, loadWardFixtures } from '../../../backend/fixtures/load-ward-fixtures';
import { WardRecords } from '../../../backend/certificates/ward-records';
import { IssuanceService } from '../../../backend/certificates/issuance-service';
import { resolveWardConfig } from '../../../backend/ward-config';
import { sealCertificate, type CertificateContent } from '../../../platform/certificate-seal';
import { renderCertificatePdf } from '../../../main/documents/certificate-pdf';
import { renderFormPdf } from '../../../main/documents/forms/render-form';
import { formRegistry } from '../../../main/applications/form-templates';
import { MissingGlyphError } from '../../../main/documents/glyph-check';
import { pdfText } from '../../support/pdf-text';
import { sampleForm, SAMPLE_RECEIPT, TAKAHASHI } from '../../support/form-samples';
import { sample, SEAL_IMAGE, TEST_PRIVATE_KEY } from './samples';

/** pdftotext -layout writes a drawn U+3000 as spaces: compare with every run of spaces as one. */
const spaced = (s: string) => s.replace(/[\s\u3000]+/gu, ' ');

// res-017 and his household (fixtures): 葛 + U+E0102, the MJ variant IPAmj maps
const KATSURAGI = '葛\u{E0102}城';

describe('IVS names on printed documents', () => {
  test("the back end's 住民票 for a household with an IVS name prints it, and its text gives the sequence back", async () => {
    const db = openWardDb();
    try {
      seedWardDb(db, loadWardFixtures());
      const key = createPrivateKey(readFileSync(join(defaultFixturesDir, 'documents', 'city-seal.key.pem')));
      const svc = new IssuanceService(db, new WardRecords(db), resolveWardConfig({}), key, () => new Date('2025-12-01T01:00:00Z'));
      const out = svc.issue(
        { ward: 'yahatahigashi', kioskId: 'kiosk-a', residentId: 'res-017', idempotencyKey: 'ivs-1' },
        { type: 'juminhyo', copies: 1, options: { scope: 'household', householdHeadAndRelationship: true, honsekiAndHittosha: false } },
      );
      assert.equal(out.outcome, 'issued');
      if (out.outcome !== 'issued') return;
      const content = out.certificate as CertificateContent & { members: { name: string }[] };
      assert.deepEqual(
        content.members.map((m) => m.name),
        [`${KATSURAGI}\u3000太郎`, `${KATSURAGI}\u3000美穂`],
      );
      const pdf = await renderCertificatePdf(content, { qrText: out.qrPayload, sealImagePng: SEAL_IMAGE });
      const text = spaced(pdfText(pdf));
      assert.ok(text.includes(`${KATSURAGI} 太郎`) && text.includes(`${KATSURAGI} 美穂`), 'both names with their selector');
      assert.ok(!text.includes('葛城'), 'never the plain character');
    } finally {
      db.close();
    }
  });

  test('an application form sets an IVS name with its variant, like a certificate', async () => {
    const template = [...formRegistry().templates.values()].find((t) => t.fields.some((f) => f.id === 'name'))!;
    const form = sampleForm(template, { ...TAKAHASHI, name: `${KATSURAGI}\u3000太郎` });
    const pdf = await renderFormPdf(form, { receiptNumber: SAMPLE_RECEIPT, creationDate: new Date('2026-11-28T00:00:00Z') });
    assert.ok(spaced(pdfText(pdf)).includes(`${KATSURAGI} 太郎`));
  });

  test('a certificate whose name needs a sequence the font lacks is refused before any page, the sequence named', async () => {
    const c = sample('juminhyo');
    c.members[1]!.name = '葛\u{E0100}城\u3000花子'; // Adobe-Japan1's 葛: IPAmj has no such sequence
    const qrText = sealCertificate(c, TEST_PRIVATE_KEY).payload;
    await assert.rejects(renderCertificatePdf(c, { qrText, sealImagePng: SEAL_IMAGE }), (e: unknown) => {
      assert.ok(e instanceof MissingGlyphError);
      assert.equal(e.field, 'members[1].name');
      assert.deepEqual(e.missing, [[0x845b, 0xe0100]]);
      assert.match(e.message, /U\+845B U\+E0100/);
      assert.ok(!/[葛城花子]/u.test(e.message));
      return true;
    });
  });
});
