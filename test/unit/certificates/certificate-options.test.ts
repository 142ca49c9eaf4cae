/**
 * Every option the back end offers reaches it, and nothing it would refuse is sent: the choice's
 * mapping to the ward request, the check against the options endpoint's answer, and the choose
 * screen's draft (what one touch starts on, what 「次へ」 sends).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certificateChoiceSchema, type CertificateChoice, type CertificateOptionsView } from '../../../contract/certificate-journey';
import { certificateOptionsResponseSchema, issueCertificateRequestSchema } from '../../../contract/ward-api';
import { choiceProblem, toIssueRequest, toOptionsView } from '../../../main/certificates/issue-request';
import { draftFromChoice, draftToChoice, honsekiPossible, initialDraft, toggleMember, withScope } from '../../../renderer/screens/certificate/choice-draft';

const options: CertificateOptionsView = {
  juminhyoScopes: ['self', 'household', 'partial'],
  household: [
    { id: 'res-001', name: '高橋　健太', relationship: '世帯主', self: true, honseki: true },
    { id: 'ward-101', name: '高橋　由美', relationship: '妻', self: false, honseki: true },
    { id: 'ward-102', name: '高橋　翔', relationship: '子', self: false, honseki: false },
  ],
  register: [
    { id: 'res-001', name: '高橋　健太', self: true },
    { id: 'ward-101', name: '高橋　由美', self: false },
  ],
  taxYears: [2025, 2024],
};

const choice = (c: Partial<CertificateChoice> & Pick<CertificateChoice, 'type'>): CertificateChoice => certificateChoiceSchema.parse({ copies: 1, ...c });

describe('the choice as a ward request', () => {
  test('世帯の一部 sends its members; 本人 and 世帯全員 send none', () => {
    const partial = toIssueRequest(choice({ type: 'juminhyo', scope: 'partial', memberIds: ['res-001', 'ward-101'], householdHead: true }));
    assert.deepEqual(partial, {
      type: 'juminhyo',
      copies: 1,
      options: { scope: 'partial', memberIds: ['res-001', 'ward-101'], householdHeadAndRelationship: true, honsekiAndHittosha: false },
    });
    assert.ok(issueCertificateRequestSchema.safeParse(partial).success);
    const household = toIssueRequest(choice({ type: 'juminhyo', scope: 'household', honseki: true }));
    assert.deepEqual(household.type === 'juminhyo' && household.options, { scope: 'household', householdHeadAndRelationship: false, honsekiAndHittosha: true });
    assert.ok(issueCertificateRequestSchema.safeParse(household).success);
  });

  test('the 戸籍 person and the 課税年度 are sent', () => {
    assert.deepEqual(toIssueRequest(choice({ type: 'koseki-kojin', personId: 'ward-101' })), {
      type: 'koseki-kojin',
      copies: 1,
      options: { memberId: 'ward-101' },
    });
    assert.deepEqual(toIssueRequest(choice({ type: 'kazei', fiscalYear: 2024, copies: 2 })), { type: 'kazei', copies: 2, options: { fiscalYear: 2024 } });
    assert.deepEqual(toIssueRequest(choice({ type: 'fuhyo' })), { type: 'fuhyo', copies: 1 });
  });
});

describe('nothing the back end would refuse is sent', () => {
  test('every offered option passes', () => {
    for (const c of [
      choice({ type: 'juminhyo' }),
      choice({ type: 'juminhyo', scope: 'household', householdHead: true }),
      choice({ type: 'juminhyo', scope: 'partial', memberIds: ['ward-101', 'res-001'], honseki: true }),
      choice({ type: 'koseki-kojin', personId: 'ward-101' }),
      choice({ type: 'koseki-kojin' }),
      choice({ type: 'kazei', fiscalYear: 2024 }),
      choice({ type: 'inkan', copies: 3 }),
    ])
      assert.equal(choiceProblem(c, options), null, JSON.stringify(c));
  });

  test('a member outside the household, a person outside the 戸籍 and a year not offered are refused', () => {
    assert.equal(choiceProblem(choice({ type: 'juminhyo', scope: 'partial', memberIds: ['res-999'] }), options), 'certificate.refusal.member-not-in-household');
    assert.equal(choiceProblem(choice({ type: 'koseki-kojin', personId: 'ward-102' }), options), 'certificate.refusal.member-not-in-register');
    assert.equal(choiceProblem(choice({ type: 'kazei', fiscalYear: 2023 }), options), 'certificate.refusal.no-tax-record');
    assert.equal(choiceProblem(choice({ type: 'kazei' }), { ...options, taxYears: [] }), 'certificate.refusal.no-tax-record');
  });

  test('本籍・筆頭者 is refused when anyone shown has no 本籍', () => {
    assert.equal(choiceProblem(choice({ type: 'juminhyo', scope: 'household', honseki: true }), options), 'certificate.refusal.no-family-register');
    assert.equal(
      choiceProblem(choice({ type: 'juminhyo', scope: 'partial', memberIds: ['ward-102'], honseki: true }), options),
      'certificate.refusal.no-family-register',
    );
    assert.equal(choiceProblem(choice({ type: 'juminhyo', honseki: true }), { ...options, household: [] }), 'certificate.refusal.no-family-register');
  });

  test('a scope not offered, members without 世帯の一部, duplicates and options of another type are refused', () => {
    assert.equal(
      choiceProblem(choice({ type: 'juminhyo', scope: 'partial', memberIds: ['res-001'] }), { ...options, juminhyoScopes: ['self'] }),
      'certificate.error.notOffered',
    );
    assert.equal(choiceProblem(choice({ type: 'juminhyo', scope: 'household', memberIds: ['res-001'] }), options), 'certificate.choose.pickMembers');
    assert.equal(choiceProblem(choice({ type: 'juminhyo', scope: 'partial' }), options), 'certificate.choose.pickMembers');
    assert.equal(choiceProblem(choice({ type: 'juminhyo', scope: 'partial', memberIds: ['res-001', 'res-001'] }), options), 'certificate.choose.pickMembers');
    assert.equal(choiceProblem(choice({ type: 'juminhyo', fiscalYear: 2025 }), options), 'certificate.error.notOffered');
    assert.equal(choiceProblem(choice({ type: 'kazei', scope: 'household' }), options), 'certificate.error.notOffered');
    assert.equal(choiceProblem(choice({ type: 'koseki-kojin', fiscalYear: 2025 }), options), 'certificate.error.notOffered');
    assert.equal(choiceProblem(choice({ type: 'inkan', personId: 'res-001' }), options), 'certificate.error.notOffered');
  });
});

describe('the options endpoint as the kiosk reads it', () => {
  const body = {
    ward: 'kokurakita',
    types: [],
    juminhyoScopes: ['self', 'partial'],
    householdMembers: [{ residentId: 'res-001', name: '高橋　健太', relationship: '世帯主', self: true, honseki: true }],
    registerMembers: [{ memberId: 'kf-1', name: '高橋　健太', self: true }],
    taxYears: [2025, 2024],
  };

  test('a valid answer becomes the choose view (ids, names, years)', () => {
    const view = toOptionsView(certificateOptionsResponseSchema.parse(body));
    assert.deepEqual(
      view.household.map((m) => m.id),
      ['res-001'],
    );
    assert.deepEqual(view.register, [{ id: 'kf-1', name: '高橋　健太', self: true }]);
    assert.deepEqual(view.taxYears, [2025, 2024]);
  });

  test('years out of order, ids that are not opaque and missing flags are refused', () => {
    assert.equal(certificateOptionsResponseSchema.safeParse({ ...body, taxYears: [2024, 2025] }).success, false);
    assert.equal(certificateOptionsResponseSchema.safeParse({ ...body, taxYears: [2025, 2025] }).success, false);
    assert.equal(certificateOptionsResponseSchema.safeParse({ ...body, registerMembers: [{ memberId: '../x', name: 'a', self: true }] }).success, false);
    assert.equal(
      certificateOptionsResponseSchema.safeParse({ ...body, householdMembers: [{ residentId: 'res-1', name: 'a', relationship: '子' }] }).success,
      false,
    );
    assert.equal(certificateOptionsResponseSchema.safeParse({ ...body, juminhyoScopes: [] }).success, false);
  });
});

describe('the choose screen draft', () => {
  test('starts on 本人, the citizen in the 戸籍 and the newest year: one touch for the common choice', () => {
    assert.deepEqual(draftToChoice(initialDraft('juminhyo', options)), choice({ type: 'juminhyo' }));
    assert.deepEqual(draftToChoice(initialDraft('koseki-kojin', options)), choice({ type: 'koseki-kojin', personId: 'res-001' }));
    assert.deepEqual(draftToChoice(initialDraft('kazei', options)), choice({ type: 'kazei', fiscalYear: 2025 }));
  });

  test('世帯の一部 starts with the citizen ticked, keeps household order, and cannot go on with nobody', () => {
    let d = withScope(initialDraft('juminhyo', options), 'partial', options);
    d = toggleMember(d, 'ward-102', options);
    assert.deepEqual(draftToChoice(d), choice({ type: 'juminhyo', scope: 'partial', memberIds: ['res-001', 'ward-102'] }));
    d = toggleMember(toggleMember(d, 'res-001', options), 'ward-102', options);
    assert.equal(draftToChoice(d), null);
  });

  test('back from the fee screen, every detail chosen opens again as it was left', () => {
    for (const left of [
      choice({ type: 'juminhyo', copies: 3, scope: 'partial', memberIds: ['res-001', 'ward-101'], householdHead: true, honseki: true }),
      choice({ type: 'koseki-kojin', copies: 2, personId: 'ward-101' }),
      choice({ type: 'kazei', fiscalYear: 2024 }),
    ])
      assert.deepEqual(draftToChoice(draftFromChoice(left, options)), left);
  });

  test('本籍・筆頭者 is offered only when everyone shown has a 本籍, and unticked when someone without is added', () => {
    let d = { ...withScope(initialDraft('juminhyo', options), 'partial', options), honseki: true };
    assert.equal(honsekiPossible(d, options), true);
    d = toggleMember(d, 'ward-102', options);
    assert.equal(honsekiPossible(d, options), false);
    assert.equal(d.honseki, false);
    assert.equal(honsekiPossible(withScope(d, 'household', options), options), false);
    assert.equal(honsekiPossible(withScope(d, 'self', options), options), true);
    const sent = draftToChoice(d);
    assert.ok(sent && choiceProblem(sent, options) === null);
  });

  test('no year on record or nobody in the 戸籍: nothing to send', () => {
    assert.equal(draftToChoice(initialDraft('kazei', { ...options, taxYears: [] })), null);
    assert.equal(draftToChoice(initialDraft('koseki-kojin', { ...options, register: [] })), null);
  });
});
