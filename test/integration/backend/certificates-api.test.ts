import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificateOptionsResponseSchema, issueCertificateResponseSchema, issuanceStatusResponseSchema, type WardId } from '../../../contract/ward-api';
import { certificateContentSchema, verifySeal } from '../../../platform/certificate-seal';
import { startTestBackend, type TestBackend } from './helpers/test-backend';
import { certificateChoiceSchema, type CertificateChoice } from '../../../contract/certificate-journey';
import { choiceProblem, toIssueRequest, toOptionsView } from '../../../main/certificates/issue-request';

const pub = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'documents', 'city-seal.pub.pem'), 'utf8');

describe('ward back end: certificates over HTTPS', () => {
  let b: TestBackend;
  let seq = 0;
  before(async () => {
    b = await startTestBackend({ config: { fees: { juminhyo: 250, 'koseki-zenbu': 500 } } });
  });
  after(() => b.handle.stop());

  async function issue(residentId: string, ward: WardId, body: unknown, key = `key-${++seq}-abcdef`) {
    const token = await b.login(b.pki.cards[residentId]!, ward);
    const r = await b.api('/v1/certificates', { ward, body, headers: { authorization: `Bearer ${token}`, 'idempotency-key': key } });
    return { r, token };
  }

  test('options list every type with the configured fees and the selectable members', async () => {
    const token = await b.login(b.pki.cards['res-001']!, 'kokurakita');
    const r = await b.api('/v1/certificates/options', { headers: { authorization: `Bearer ${token}` } });
    const o = certificateOptionsResponseSchema.parse(r.body);
    assert.deepEqual(
      o.types.map((t) => [t.type, t.available, t.unitFeeYen]),
      [
        ['juminhyo', true, 250],
        ['inkan', true, 300],
        ['koseki-zenbu', true, 500],
        ['koseki-kojin', true, 450],
        ['fuhyo', true, 300],
        ['kazei', true, 300],
      ],
    );
    assert.deepEqual(
      o.householdMembers.map((m) => m.relationship),
      ['世帯主', '妻', '子'],
    );
    assert.deepEqual(o.taxYears, [2025, 2024]);
  });

  test('the options say which 住民票 scopes, people and years the resident may ask for', async () => {
    const token = await b.login(b.pki.cards['res-001']!, 'kokurakita');
    const o = certificateOptionsResponseSchema.parse((await b.api('/v1/certificates/options', { headers: { authorization: `Bearer ${token}` } })).body);
    assert.deepEqual(o.juminhyoScopes, ['self', 'household', 'partial']);
    assert.deepEqual(
      o.householdMembers.map((m) => [m.residentId, m.self]),
      [
        ['res-001', true],
        ['ward-101', false],
        ['ward-102', false],
      ],
    );
    assert.equal(o.registerMembers.filter((m) => m.self).length, 1);
    // A household of one is offered 本人 only.
    const alone = await b.login(b.pki.cards['res-003']!, 'yahatanishi');
    const one = certificateOptionsResponseSchema.parse(
      (await b.api('/v1/certificates/options', { ward: 'yahatanishi', headers: { authorization: `Bearer ${alone}` } })).body,
    );
    assert.deepEqual(one.juminhyoScopes, ['self']);
  });

  // The kiosk checks a choice against the options before sending it (main/certificates/issue-request.ts):
  // that check and the back end's must agree, or the kiosk asks what the back end refuses.
  for (const [residentId, ward] of [
    ['res-001', 'kokurakita'],
    ['res-005', 'tobata'],
    ['res-008', 'kokurakita'],
  ] as const) {
    test(`the kiosk's check agrees with the back end on every option offered to ${residentId}`, async () => {
      const token = await b.login(b.pki.cards[residentId]!, ward);
      const o = certificateOptionsResponseSchema.parse((await b.api('/v1/certificates/options', { ward, headers: { authorization: `Bearer ${token}` } })).body);
      const view = toOptionsView(o);
      const available = new Set(o.types.filter((t) => t.available).map((t) => t.type));
      const ids = view.household.map((m) => m.id);
      const subsets = ids.flatMap((_, i) => ids.slice(i).map((__, j) => ids.slice(i, i + j + 1)));
      const choices: CertificateChoice[] = [
        ...view.juminhyoScopes.flatMap((scope) =>
          (scope === 'partial' ? subsets : [undefined]).flatMap((memberIds) =>
            [false, true].map((honseki) => certificateChoiceSchema.parse({ type: 'juminhyo', copies: 1, scope, memberIds, honseki, householdHead: true })),
          ),
        ),
        ...view.register.map((m) => certificateChoiceSchema.parse({ type: 'koseki-kojin', copies: 1, personId: m.id })),
        ...[...view.taxYears, 2019].map((fiscalYear) => certificateChoiceSchema.parse({ type: 'kazei', copies: 1, fiscalYear })),
      ].filter((c) => available.has(c.type));
      assert.ok(choices.length >= 3);
      for (const c of choices) {
        const r = await b.api('/v1/certificates', {
          ward,
          body: toIssueRequest(c),
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': `key-${++seq}-agree` },
        });
        const out = issueCertificateResponseSchema.parse(r.body);
        assert.equal(out.outcome === 'issued', choiceProblem(c, view) === null, `${JSON.stringify(c)}: back end ${out.outcome}`);
      }
    });
  }

  test('options show refusals per type (res-003: no seal registration)', async () => {
    const token = await b.login(b.pki.cards['res-003']!, 'yahatanishi');
    const o = certificateOptionsResponseSchema.parse(
      (await b.api('/v1/certificates/options', { ward: 'yahatanishi', headers: { authorization: `Bearer ${token}` } })).body,
    );
    assert.deepEqual(
      o.types.find((t) => t.type === 'inkan'),
      { type: 'inkan', available: false, refusal: 'no-seal-registration', unitFeeYen: 300 },
    );
  });

  test('an issued certificate is schema-valid, sealed, and priced from configuration', async () => {
    const { r } = await issue('res-001', 'kokurakita', {
      type: 'juminhyo',
      copies: 2,
      options: { scope: 'household', householdHeadAndRelationship: true, honsekiAndHittosha: false },
    });
    assert.equal(r.status, 200);
    const out = issueCertificateResponseSchema.parse(r.body);
    assert.equal(out.outcome, 'issued');
    if (out.outcome !== 'issued') return;
    const content = certificateContentSchema.parse(out.certificate);
    assert.ok(verifySeal(out.qrPayload, pub, { content }).ok);
    assert.deepEqual(out.fee, { unitYen: 250, copies: 2, totalYen: 500 });
    assert.doesNotMatch(JSON.stringify(out), /382719460526/);
  });

  test('each refusal rule answers with its reason code', async () => {
    const cases: [string, WardId, unknown, string][] = [
      ['res-014', 'yahatahigashi', { type: 'juminhyo', copies: 1, options: { scope: 'self' } }, 'moved-out-scheduled'],
      ['res-015', 'kokurakita', { type: 'juminhyo', copies: 1, options: { scope: 'self' } }, 'dv-support-measure'],
      ['res-016', 'kokuraminami', { type: 'juminhyo', copies: 1, options: { scope: 'self' } }, 'deceased'],
      ['res-003', 'yahatanishi', { type: 'inkan', copies: 1 }, 'no-seal-registration'],
      ['res-007', 'yahatahigashi', { type: 'koseki-zenbu', copies: 1 }, 'honseki-outside-city-unregistered'],
      ['res-008', 'kokurakita', { type: 'koseki-kojin', copies: 1 }, 'no-family-register'],
      ['res-009', 'yahatanishi', { type: 'kazei', copies: 1 }, 'no-tax-record'],
    ];
    for (const [resident, ward, body, reason] of cases) {
      const { r } = await issue(resident, ward, body);
      assert.equal(r.status, 200, resident);
      const out = issueCertificateResponseSchema.parse(r.body);
      assert.equal(out.outcome === 'refused' && out.reason, reason, resident);
    }
  });

  test('個人番号 cannot even be asked for: unknown options are a 400', async () => {
    const { r } = await issue('res-001', 'kokurakita', { type: 'juminhyo', copies: 1, options: { scope: 'self', myNumber: true } });
    assert.equal(r.status, 400);
    assert.equal((r.body as { code: string }).code, 'validation-failed');
  });

  test('issue needs an Idempotency-Key and replays the same serial for the same key', async () => {
    const token = await b.login(b.pki.cards['res-001']!, 'kokurakita');
    const body = { type: 'inkan', copies: 1 };
    const missing = await b.api('/v1/certificates', { body, headers: { authorization: `Bearer ${token}` } });
    assert.equal((missing.body as { code: string }).code, 'missing-idempotency-key');
    const h = { authorization: `Bearer ${token}`, 'idempotency-key': 'same-key-0001' };
    const first = await b.api('/v1/certificates', { body, headers: h });
    const second = await b.api('/v1/certificates', { body, headers: h });
    assert.deepEqual(first.body, second.body);
    const reused = await b.api('/v1/certificates', { body: { type: 'inkan', copies: 3 }, headers: h });
    assert.equal(reused.status, 409);
  });

  test('void after a print failure refunds; status and printed endpoints agree', async () => {
    const { r } = await issue('res-001', 'kokurakita', { type: 'kazei', copies: 1, options: { fiscalYear: 2024 } });
    const out = issueCertificateResponseSchema.parse(r.body);
    const serial = out.outcome === 'issued' ? out.serial : 'x';
    const other = await b.api(`/v1/certificates/${serial}/void`, { kiosk: 'kiosk-yahatanishi-01', body: { reason: 'print-failed' } });
    assert.equal(other.status, 403);
    const v = await b.api(`/v1/certificates/${serial}/void`, { body: { reason: 'print-failed' } });
    assert.deepEqual(issuanceStatusResponseSchema.parse(v.body), { serial, status: 'voided', refundYen: 300 });
    assert.equal(issuanceStatusResponseSchema.parse((await b.api(`/v1/certificates/${serial}`)).body).status, 'voided');
    assert.equal((await b.api(`/v1/certificates/${serial}/printed`, { method: 'POST' })).status, 409);
    assert.equal((await b.api(`/v1/certificates/${serial}/void`, { body: { reason: 'melted' } })).status, 400);
  });
});
