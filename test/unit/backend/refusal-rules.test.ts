import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWardDb, seedWardDb, type WardDb } from '../../../backend/db/ward-db';
import { loadWardFixtures } from '../../../backend/fixtures/load-ward-fixtures';
import { WardRecords } from '../../../backend/certificates/ward-records';
import { requestRefusal, typeRefusal } from '../../../backend/certificates/eligibility';
import type { IssueCertificateRequest } from '../../../contract/ward-api';

const juminhyo = (o: Partial<Extract<IssueCertificateRequest, { type: 'juminhyo' }>['options']> = {}): IssueCertificateRequest => ({
  type: 'juminhyo',
  copies: 1,
  options: { scope: 'self', householdHeadAndRelationship: false, honsekiAndHittosha: false, ...o },
});

describe('refusal rules over the fixture register', () => {
  let db: WardDb;
  let records: WardRecords;
  before(() => {
    db = openWardDb();
    seedWardDb(db, loadWardFixtures());
    records = new WardRecords(db);
  });
  after(() => db.close());

  const refusalFor = (residentId: string, req: IssueCertificateRequest) => requestRefusal(records, records.resident(residentId)!, req)?.reason;

  test('a resident in good standing may get every type', () => {
    for (const type of ['juminhyo', 'inkan', 'koseki-zenbu', 'koseki-kojin', 'fuhyo', 'kazei'] as const) {
      assert.equal(typeRefusal(records, records.resident('res-001')!, type), undefined, type);
    }
  });

  test('転出予定者 (res-014) is refused everything', () => {
    assert.equal(refusalFor('res-014', juminhyo()), 'moved-out-scheduled');
    assert.equal(refusalFor('res-014', { type: 'inkan', copies: 1 }), 'moved-out-scheduled');
  });

  test('DV 支援措置 subject (res-015) is refused everything', () => {
    assert.equal(refusalFor('res-015', juminhyo()), 'dv-support-measure');
    assert.equal(refusalFor('res-015', { type: 'koseki-zenbu', copies: 1 }), 'dv-support-measure');
  });

  test('a deceased resident (res-016) is refused everything', () => {
    assert.equal(refusalFor('res-016', juminhyo()), 'deceased');
    assert.equal(refusalFor('res-016', { type: 'kazei', copies: 1, options: {} }), 'deceased');
  });

  test('印鑑登録証明書 without a registration (res-003) is refused; other types are not', () => {
    assert.equal(refusalFor('res-003', { type: 'inkan', copies: 1 }), 'no-seal-registration');
    assert.equal(refusalFor('res-003', juminhyo()), undefined);
  });

  test('戸籍 and 附票 with 本籍 outside the city and no registration (res-007) are refused', () => {
    for (const type of ['koseki-zenbu', 'fuhyo'] as const) assert.equal(refusalFor('res-007', { type, copies: 1 }), 'honseki-outside-city-unregistered');
    assert.equal(refusalFor('res-007', { type: 'koseki-kojin', copies: 1, options: {} }), 'honseki-outside-city-unregistered');
    assert.equal(refusalFor('res-007', juminhyo()), undefined);
  });

  test('本籍 outside the city with a prior registration (res-005) is allowed', () => {
    assert.equal(refusalFor('res-005', { type: 'koseki-zenbu', copies: 1 }), undefined);
  });

  test('no 戸籍 at all (foreign resident res-008): 戸籍 types and the 本籍 option are refused', () => {
    assert.equal(refusalFor('res-008', { type: 'koseki-zenbu', copies: 1 }), 'no-family-register');
    assert.equal(refusalFor('res-008', juminhyo({ honsekiAndHittosha: true })), 'no-family-register');
    assert.equal(refusalFor('res-008', juminhyo()), undefined);
  });

  test('no tax record (res-009 moved in 2025-04; res-001 asking for 2019)', () => {
    assert.equal(refusalFor('res-009', { type: 'kazei', copies: 1, options: {} }), 'no-tax-record');
    assert.equal(refusalFor('res-001', { type: 'kazei', copies: 1, options: { fiscalYear: 2019 } }), 'no-tax-record');
    assert.equal(refusalFor('res-001', { type: 'kazei', copies: 1, options: { fiscalYear: 2024 } }), undefined);
  });

  test('世帯の一部 and 個人事項 only for members of the household / register', () => {
    assert.equal(refusalFor('res-001', juminhyo({ scope: 'partial', memberIds: ['ward-101'] })), undefined);
    assert.equal(refusalFor('res-001', juminhyo({ scope: 'partial', memberIds: ['res-002'] })), 'member-not-in-household');
    assert.equal(refusalFor('res-001', { type: 'koseki-kojin', copies: 1, options: { memberId: 'ward-102' } }), undefined);
    assert.equal(refusalFor('res-001', { type: 'koseki-kojin', copies: 1, options: { memberId: 'res-002' } }), 'member-not-in-register');
  });
});
