import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWardDb, seedWardDb, type WardDb } from '../../../backend/db/ward-db';
import { defaultFixturesDir, loadWardFixtures } from '../../../backend/fixtures/load-ward-fixtures';
import { WardRecords } from '../../../backend/certificates/ward-records';
import { IssuanceService } from '../../../backend/certificates/issuance-service';
import { ApiError } from '../../../platform/http/api-error';
import { resolveWardConfig } from '../../../backend/ward-config';
import { certificateContentSchema, verifySeal } from '../../../platform/certificate-seal';
import type { IssueCertificateRequest } from '../../../contract/ward-api';

const sealKey = createPrivateKey(readFileSync(join(defaultFixturesDir, 'documents', 'city-seal.key.pem')));
const publicKey = readFileSync(join(defaultFixturesDir, 'documents', 'city-seal.pub.pem'), 'utf8');
const residents = (JSON.parse(readFileSync(join(defaultFixturesDir, 'residents.json'), 'utf8')) as { residents: { myNumber: string }[] }).residents;
const NOW = new Date('2025-12-01T01:00:00Z');

const ALL_TYPES: IssueCertificateRequest[] = [
  { type: 'juminhyo', copies: 1, options: { scope: 'self', householdHeadAndRelationship: false, honsekiAndHittosha: false } },
  { type: 'juminhyo', copies: 1, options: { scope: 'household', householdHeadAndRelationship: true, honsekiAndHittosha: true } },
  {
    type: 'juminhyo',
    copies: 1,
    options: { scope: 'partial', memberIds: ['res-001', 'ward-102'], householdHeadAndRelationship: true, honsekiAndHittosha: false },
  },
  { type: 'inkan', copies: 1 },
  { type: 'koseki-zenbu', copies: 1 },
  { type: 'koseki-kojin', copies: 1, options: { memberId: 'ward-101' } },
  { type: 'fuhyo', copies: 1 },
  { type: 'kazei', copies: 1, options: {} },
];

describe('IssuanceService', () => {
  let db: WardDb;
  let svc: IssuanceService;
  const ctx = (key: string, residentId = 'res-001') => ({ ward: 'kokurakita' as const, kioskId: 'kiosk-a', residentId, idempotencyKey: key });

  beforeEach(() => {
    db = openWardDb();
    seedWardDb(db, loadWardFixtures());
    svc = new IssuanceService(db, new WardRecords(db), resolveWardConfig({ fees: { juminhyo: 200 } }), sealKey, () => NOW);
  });
  afterEach(() => db.close());

  test('every type gives schema-valid content with a verifying seal and no My Number', () => {
    ALL_TYPES.forEach((req, i) => {
      const out = svc.issue(ctx(`key-type-${i}`), req);
      assert.equal(out.outcome, 'issued', `${req.type}: ${JSON.stringify(out)}`);
      if (out.outcome !== 'issued') return;
      const content = certificateContentSchema.parse(out.certificate);
      assert.equal(content.type, req.type);
      assert.equal(content.serialNumber, out.serial);
      assert.equal(content.issuedAt, '2025-12-01T10:00:00+09:00');
      assert.equal(content.issuingAuthority.title, '北九州市小倉北区長');
      const seal = verifySeal(out.qrPayload, publicKey, { content });
      assert.ok(seal.ok, `${req.type} seal`);
      const text = JSON.stringify(out);
      assert.doesNotMatch(text, /myNumber|個人番号|kojinBango/i);
      for (const r of residents) assert.ok(!text.includes(r.myNumber), `${req.type} carries a My Number`);
    });
  });

  test('住民票 options: 世帯全員 with 世帯主・続柄 and 本籍・筆頭者; 一部 lists only the chosen members', () => {
    const all = svc.issue(ctx('key-hh-all'), ALL_TYPES[1]!);
    assert.equal(all.outcome, 'issued');
    const c = all.outcome === 'issued' ? (all.certificate as { householdHead: string; members: { relationship: string; honseki: string }[] }) : undefined;
    assert.equal(c?.householdHead, '髙橋\u3000健太');
    assert.deepEqual(
      c?.members.map((m) => m.relationship),
      ['世帯主', '妻', '子'],
    );
    assert.ok(c?.members.every((m) => m.honseki.startsWith('福岡県北九州市')));
    const part = svc.issue(ctx('key-hh-part'), ALL_TYPES[2]!);
    const p = part.outcome === 'issued' ? (part.certificate as { members: { name: string; honseki?: string }[] }) : undefined;
    assert.deepEqual(
      p?.members.map((m) => m.name),
      ['髙橋\u3000健太', '髙橋\u3000陽菜'],
    );
    assert.ok(p?.members.every((m) => m.honseki === undefined));
  });

  test('fees come from configuration and multiply by copies', () => {
    const j = svc.issue(ctx('key-fee-1'), { ...ALL_TYPES[0]!, copies: 3 } as IssueCertificateRequest);
    assert.deepEqual(j.outcome === 'issued' && j.fee, { unitYen: 200, copies: 3, totalYen: 600 });
    const k = svc.issue(ctx('key-fee-2'), { type: 'koseki-zenbu', copies: 2 });
    assert.deepEqual(k.outcome === 'issued' && k.fee, { unitYen: 450, copies: 2, totalYen: 900 });
  });

  test('the same idempotency key replays the same serial; another body with it is a 409', () => {
    const a = svc.issue(ctx('key-idem-1'), { type: 'inkan', copies: 1 });
    const b = svc.issue(ctx('key-idem-1'), { type: 'inkan', copies: 1 });
    assert.deepEqual(a, b);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM issuances').get() as { n: number }).n, 1);
    assert.throws(
      () => svc.issue(ctx('key-idem-1'), { type: 'inkan', copies: 2 }),
      (e: unknown) => e instanceof ApiError && e.code === 'idempotency-key-reused',
    );
  });

  test("the same key and body from another resident on the same kiosk is a 409, never the first resident's certificate", () => {
    const body: IssueCertificateRequest = { type: 'inkan', copies: 1 };
    const first = svc.issue(ctx('key-shared'), body);
    assert.equal(first.outcome, 'issued');
    assert.throws(
      () => svc.issue(ctx('key-shared', 'res-002'), body),
      (e: unknown) => e instanceof ApiError && e.status === 409 && e.code === 'idempotency-key-reused',
    );
    // The other resident is entitled to the same certificate under a key of their own: the 409
    // comes from the key, not from a refusal.
    const own = svc.issue(ctx('key-own', 'res-002'), body);
    assert.equal(own.outcome, 'issued');
    assert.notEqual(own.outcome === 'issued' && own.serial, first.outcome === 'issued' && first.serial);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM issuances').get() as { n: number }).n, 2);
  });

  test('serials count up per ward', () => {
    const s1 = svc.issue(ctx('key-ser-1'), { type: 'inkan', copies: 1 });
    const s2 = svc.issue(ctx('key-ser-2'), { type: 'inkan', copies: 1 });
    assert.equal(s1.outcome === 'issued' && s1.serial, '40106-2025-0000001');
    assert.equal(s2.outcome === 'issued' && s2.serial, '40106-2025-0000002');
  });

  test('void refunds an unprinted serial once; printed cannot be voided; other kiosks cannot touch it', () => {
    const a = svc.issue(ctx('key-void-1'), { type: 'inkan', copies: 2 });
    assert.equal(a.outcome, 'issued');
    const serial = a.outcome === 'issued' ? a.serial : '';
    assert.throws(
      () => svc.void('kokurakita', serial, 'kiosk-b', { reason: 'paper-jam' }),
      (e: unknown) => e instanceof ApiError && e.status === 403,
    );
    assert.deepEqual(svc.void('kokurakita', serial, 'kiosk-a', { reason: 'paper-jam' }), { serial, status: 'voided', refundYen: 600 });
    assert.deepEqual(svc.void('kokurakita', serial, 'kiosk-a', { reason: 'paper-jam' }), { serial, status: 'voided', refundYen: 600 });
    assert.throws(
      () => svc.markPrinted('kokurakita', serial, 'kiosk-a'),
      (e: unknown) => e instanceof ApiError && e.code === 'already-voided',
    );
    const b = svc.issue(ctx('key-void-2'), { type: 'inkan', copies: 1 });
    const serialB = b.outcome === 'issued' ? b.serial : '';
    assert.equal(svc.markPrinted('kokurakita', serialB, 'kiosk-a').status, 'printed');
    assert.throws(
      () => svc.void('kokurakita', serialB, 'kiosk-a', { reason: 'print-failed' }),
      (e: unknown) => e instanceof ApiError && e.code === 'already-printed',
    );
    assert.throws(
      () => svc.status('kokurakita', 'NO-SUCH-1', 'kiosk-a'),
      (e: unknown) => e instanceof ApiError && e.status === 404,
    );
  });

  test('a refusal is an answer and stores nothing', () => {
    const r = svc.issue(ctx('key-refuse', 'res-003'), { type: 'inkan', copies: 1 });
    assert.equal(r.outcome, 'refused');
    assert.equal(r.outcome === 'refused' && r.reason, 'no-seal-registration');
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM issuances').get() as { n: number }).n, 0);
  });
});
