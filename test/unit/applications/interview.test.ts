import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { CardFacts } from '../../../contract/applications';
import {
  answer,
  buildFilledForms,
  currentQuestions,
  missingAnswers,
  nextQuestion,
  planInterview,
  review,
  type InterviewState,
} from '../../../main/applications/interview';
import { isMyNumberField, maskMyNumber } from '../../../main/applications/mask-my-number';

const TODAY = '2025-06-10';
// Fictional person; 123456789018 is the textbook example with a valid check digit.
const CARD: CardFacts = {
  name: '北九　太郎',
  address: '福岡県北九州市小倉北区浅野一丁目1番1号',
  birthDate: '1985-04-02',
  sex: 'male',
  myNumber: '123456789018',
};

const ANSWERS: Record<string, unknown> = {
  hasKokuho: true,
  hasChildren: true,
  hasEmployerInsurance: false,
  nameKana: 'きたきゅう たろう',
  moveDate: '2025-06-08',
  newPostal: '802-0001',
  newAddress: '福岡県北九州市小倉北区浅野二丁目2番2号',
  movingCount: 2,
  isHouseholder: true,
  phone: '093-000-0000',
  insuredNumber: '1234567',
  child1Name: '北九 次郎',
  child1NameKana: 'キタキュウ ジロウ',
  child1BirthDate: '2018-05-05',
  child1LivesWith: true,
  hasChild2: false,
  pensionType: 'kosei',
  bankName: '北九銀行',
  bankBranch: '小倉支店',
  accountType: 'futsu',
  accountNumber: '1234567',
  accountHolderKana: 'キタキュウ タロウ',
  kokuhoMembers: 1,
};

function plan(target: Parameters<typeof planInterview>[0], card: CardFacts | null = CARD): InterviewState {
  const r = planInterview(target, card, { today: TODAY });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.state;
}

/** Answers every question with ANSWERS (or its default); returns the state and the ids asked. */
function runThrough(state: InterviewState, overrides: Record<string, unknown> = {}): { state: InterviewState; asked: string[] } {
  const asked: string[] = [];
  const all = { ...ANSWERS, ...overrides };
  for (let q = nextQuestion(state); q; q = nextQuestion(state)) {
    assert.ok(!asked.includes(q.id), `asked twice: ${q.id}`);
    asked.push(q.id);
    const r = answer(state, q.id, q.id in all ? all[q.id] : q.defaultValue);
    assert.ok(r.ok, `${q.id}: ${JSON.stringify(!r.ok && r.error)}`);
    state = r.state;
    assert.ok(asked.length < 80);
  }
  return { state, asked };
}

describe('interview: 市内転居 with a card', () => {
  test('asks nothing the card answered, each shared field once, and fills every form', () => {
    const { state, asked } = runThrough(plan({ eventId: 'move-within-city' }));
    for (const cardField of ['name', 'birthDate', 'sex', 'myNumber', 'currentAddress']) assert.ok(!asked.includes(cardField), cardField);
    assert.ok(!asked.includes('moveType'), 'moveType is preset by the procedure');
    assert.ok(!asked.includes('kokuhoReason') && !asked.includes('jidoClaimType'));
    assert.deepEqual(asked.slice(0, 2), ['hasKokuho', 'hasChildren'], 'screening first');
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.deepEqual(
      built.forms.map((f) => f.templateId),
      ['jumin-ido-todoke', 'kokuho-ido', 'jido-teate'],
    );
    // The shared answers reach every form.
    for (const f of built.forms) {
      assert.equal(f.values.nameKana, 'キタキュウ　タロウ');
      assert.equal(f.values.name, CARD.name);
      assert.equal(f.values.phone, '093-000-0000');
    }
    const jumin = built.forms[0]!.values;
    assert.equal(jumin.moveType, 'tenkyo');
    assert.equal(jumin.notifyDate, TODAY);
    assert.equal(jumin.householderPrinted, CARD.name, '世帯主 defaults to the applicant');
    assert.equal(jumin.relationshipPrinted, '本人（世帯主）');
    assert.equal(jumin.newPostal, '8020001');
    assert.equal(jumin.destinationAddress, undefined, '転出先 only for 転出');
    assert.equal(built.forms[1]!.values.registeredAddress, ANSWERS.newAddress, '国保 prints the new address');
    assert.equal(built.forms[1]!.values.kokuhoDatePrinted, '2025-06-08', '国保 date derived from the move date');
    assert.equal(built.forms[2]!.values.bankName, undefined, 'bank account only for a new claim');
  });
  test('conditional questions appear only when their condition holds', () => {
    let s = plan({ eventId: 'move-within-city' });
    const before = currentQuestions(s).map((q) => q.id);
    assert.ok(!before.includes('householderName'));
    assert.ok(!before.includes('child2Name'));
    ({ state: s } = runThrough(s, {
      isHouseholder: false,
      householderName: '北九 花子',
      relationship: '夫',
      hasChild2: true,
      child2Name: '北九 三郎',
      child2NameKana: 'キタキュウ サブロウ',
      child2BirthDate: '2021-01-01',
    }));
    const after = currentQuestions(s).map((q) => q.id);
    for (const id of ['householderName', 'relationship', 'child2Name', 'child2NameKana', 'child2BirthDate']) assert.ok(after.includes(id), id);
    const built = buildFilledForms(s);
    assert.ok(built.ok);
    assert.equal(built.forms[0]!.values.householderPrinted, '北九　花子');
    assert.equal(built.forms[0]!.values.relationshipPrinted, '夫');
  });
  test('screening "no" drops the procedure, its forms and their questions', () => {
    const { state, asked } = runThrough(plan({ eventId: 'move-within-city' }), { hasKokuho: false, hasChildren: false });
    for (const id of ['insuredNumber', 'child1Name', 'hasChild2']) assert.ok(!asked.includes(id), id);
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.deepEqual(
      built.forms.map((f) => f.templateId),
      ['jumin-ido-todoke'],
    );
  });
  test('changing an earlier answer makes dependent answers moot, never printed', () => {
    let { state } = runThrough(plan({ eventId: 'move-within-city' }), { isHouseholder: false, householderName: '北九 花子', relationship: '夫' });
    const r = answer(state, 'isHouseholder', true);
    assert.ok(r.ok);
    state = r.state;
    assert.equal(nextQuestion(state), null);
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.equal(built.forms[0]!.values.householderName, undefined);
    assert.equal(built.forms[0]!.values.householderPrinted, CARD.name);
  });
  test('review lists every form with sources and edit links only for interview answers', () => {
    const { state } = runThrough(plan({ eventId: 'move-within-city' }));
    const forms = review(state);
    assert.equal(forms.length, 3);
    const jumin = forms[0]!.fields;
    const byId = new Map(jumin.map((f) => [f.fieldId, f]));
    assert.equal(byId.get('name')!.source, 'card');
    assert.equal(byId.get('name')!.editQuestionId, undefined);
    assert.equal(byId.get('moveType')!.source, 'preset');
    assert.equal(byId.get('moveType')!.display, '転居（市内で）');
    assert.equal(byId.get('birthDate')!.display, '昭和60年4月2日');
    assert.equal(byId.get('moveDate')!.display, '令和7年6月8日');
    assert.equal(byId.get('newPostal')!.display, '〒802-0001');
    assert.equal(byId.get('nameKana')!.editQuestionId, 'nameKana');
  });
  test('review values carry what another language needs: the ISO day, the choice in every language, yes/no', () => {
    const { state } = runThrough(plan({ eventId: 'move-within-city' }));
    const byId = new Map(review(state)[0]!.fields.map((f) => [f.fieldId, f]));
    assert.deepEqual(byId.get('birthDate')!.value, { kind: 'date', iso: '1985-04-02' });
    assert.deepEqual(byId.get('moveDate')!.value, { kind: 'date', iso: '2025-06-08' });
    assert.deepEqual(byId.get('moveType')!.value, { kind: 'choice', label: { ja: '転居（市内で）', en: 'Move within the city' } });
    assert.equal(byId.get('sex')!.value?.kind, 'choice');
    assert.equal(byId.get('name')!.value, undefined, 'a name is shown as printed');
    assert.equal(byId.get('myNumber')!.value, undefined, 'the 個人番号 travels masked only');
  });
  test('review shows the 個人番号 masked but for its last 4 digits; the filled forms keep it whole', () => {
    const { state } = runThrough(plan({ eventId: 'move-within-city' }));
    const forms = review(state);
    const shown = forms.flatMap((f) => f.fields).filter((f) => f.fieldId === 'myNumber');
    assert.ok(shown.length > 0, 'the move notification asks the 個人番号');
    for (const f of shown) assert.equal(f.display, '●●●●●●●●9018');
    assert.ok(!JSON.stringify(forms).includes(CARD.myNumber!), 'the full number is nowhere in the review view');
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.equal(built.forms[0]!.values.myNumber, CARD.myNumber, 'printing and submission are unaffected');
  });
  test('a 個人番号 typed without a card is masked on the review as well', () => {
    assert.equal(maskMyNumber('382719460526'), '●●●●●●●●0526');
    assert.equal(maskMyNumber('12345'), '●●●●●');
    assert.equal(maskMyNumber(''), '');
    assert.ok(isMyNumberField({ source: 'interview', validation: { checkDigit: 'myNumber' } }));
    assert.ok(!isMyNumberField({ source: 'card.name', validation: {} }));
  });
  test('forms are refused while a question is unanswered', () => {
    const s = plan({ eventId: 'move-within-city' });
    const r = buildFilledForms(s);
    assert.ok(!r.ok);
    assert.deepEqual(r.error.missing, missingAnswers(s));
    assert.ok(r.error.missing.includes('hasKokuho'));
  });
});

describe('interview: without a card, other events', () => {
  test('no card: the card fields are asked (manual entry), My Number checked', () => {
    const s = plan({ eventId: 'move-within-city' }, null);
    const ids = currentQuestions(s).map((q) => q.id);
    for (const id of ['name', 'birthDate', 'sex', 'myNumber', 'currentAddress']) assert.ok(ids.includes(id), id);
    const bad = answer(s, 'myNumber', '123456789012');
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'bad-check-digit');
    const { state } = runThrough(s, {
      name: '北九 太郎',
      birthDate: { era: '昭和', year: 60, month: 4, day: 2 },
      sex: 'male',
      myNumber: '１２３４５６７８９０１８',
      currentAddress: '福岡県北九州市小倉北区浅野一丁目1番1号',
    });
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.equal(built.forms[0]!.values.birthDate, '1985-04-02');
    assert.equal(built.forms[0]!.values.myNumber, '123456789018');
  });
  test('転入 with children: the new claim asks the bank once; 国保 for those without employer insurance', () => {
    const { state, asked } = runThrough(plan({ eventId: 'move-in', include: ['inkan-toroku'] }));
    assert.ok(asked.includes('bankName'));
    assert.ok(asked.includes('kokuhoMembers'));
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.deepEqual(
      built.forms.map((f) => f.templateId),
      ['jumin-ido-todoke', 'kokuho-ido', 'jido-teate', 'inkan-toroku'],
    );
    assert.equal(built.forms[3]!.values.registeredAddress, ANSWERS.newAddress, '印鑑登録 at the new address');
  });
  test('おくやみ: the deceased and the bank are asked once for 国保 and 葬祭費', () => {
    const { state, asked } = runThrough(plan({ eventId: 'death', include: ['shomeisho-joseki'] }), {
      deceasedHadKokuho: true,
      deceasedName: '北九 一郎',
      deceasedBirthDate: '1940-03-03',
      deathDate: '2025-06-01',
      funeralDate: '2025-06-04',
      relationToDeceased: 'ko',
      certPurpose: 'sozoku',
    });
    assert.equal(asked.filter((id) => id === 'deceasedName').length, 1);
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.deepEqual(
      built.forms.map((f) => f.templateId),
      ['kokuho-ido', 'sosaihi-shikyu', 'shomeisho-kofu'],
    );
    assert.equal(built.forms[0]!.values.subjectName, '北九　一郎');
    assert.equal(built.forms[0]!.values.kokuhoDatePrinted, '2025-06-01');
    assert.equal(built.forms[2]!.values.certSubjectName, '北九　一郎');
  });
  test('plan errors are typed', () => {
    assert.deepEqual(planInterview({ eventId: 'nope' }, null, { today: TODAY }), { ok: false, error: { code: 'unknown-event', id: 'nope' } });
    assert.deepEqual(planInterview({ procedureIds: ['shibo-todoke'] }, null, { today: TODAY }), {
      ok: false,
      error: { code: 'not-kiosk-procedure', id: 'shibo-todoke' },
    });
    assert.deepEqual(planInterview({ procedureIds: [] }, null, { today: TODAY }), { ok: false, error: { code: 'nothing-to-fill' } });
    assert.equal((planInterview({ eventId: 'birth' }, { myNumber: 'x' } as unknown as CardFacts, { today: TODAY }) as { ok: boolean }).ok, false);
  });
  test('by procedure ids: one entry, two forms', () => {
    const { state } = runThrough(plan({ procedureIds: ['shomeisho-juminhyo', 'inkan-toroku'] }), { certPurpose: 'kinyu' });
    const built = buildFilledForms(state);
    assert.ok(built.ok);
    assert.deepEqual(
      built.forms.map((f) => f.templateId),
      ['shomeisho-kofu', 'inkan-toroku'],
    );
    assert.equal(built.forms[1]!.values.registeredAddress, CARD.address);
  });
  test('answers to unknown or inapplicable questions are refused', () => {
    const s = plan({ eventId: 'move-within-city' });
    const a = answer(s, 'noSuchQuestion', 'x');
    assert.ok(!a.ok);
    assert.equal(a.error.code, 'unknown-question');
    const b = answer(s, 'householderName', '北九 花子');
    assert.ok(!b.ok);
    assert.equal(b.error.code, 'not-applicable');
    const c = answer(s, 'moveDate', '2025-07-30');
    assert.ok(!c.ok);
    assert.equal(c.error.code, 'date-too-late');
    assert.equal(c.error.params.boundWareki, '令和7年6月24日');
  });
  test('defaults: 異動日 suggests today', () => {
    const s = plan({ eventId: 'move-within-city' });
    assert.equal(currentQuestions(s).find((q) => q.id === 'moveDate')!.defaultValue, TODAY);
  });
});
