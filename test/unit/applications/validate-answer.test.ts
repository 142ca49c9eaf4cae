import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { myNumberCheckDigitOk, validateAnswer, withDateBoundsOn, type ValidatableField } from '../../../main/applications/validate-answer';
import { formatMessage, messageKeys } from '../../../main/applications/messages';
import { defaultCatalog } from '../../../main/applications/catalog';
import { validationErrorSchema } from '../../../contract/applications';

const TODAY = '2025-06-10';
const f = (
  type: ValidatableField['type'],
  validation: ValidatableField['validation'] = { required: true },
  options?: { value: string }[],
): ValidatableField => ({ id: 'q', type, validation, ...(options ? { options } : {}) });
const err = (field: ValidatableField, v: unknown) => {
  const r = validateAnswer(field, v, TODAY);
  return r.ok ? null : r.error;
};

describe('answer validation', () => {
  test('required, length and pattern', () => {
    assert.equal(err(f('text'), '  ')?.code, 'required');
    assert.equal(err(f('text', { maxLength: 3 }), 'abcd')?.code, 'too-long');
    assert.deepEqual(err(f('text', { maxLength: 3 }), 'abcd')?.params, { max: 3 });
    assert.equal(err(f('text', { minLength: 2 }), 'a')?.code, 'too-short');
    const phone = f('phone', { required: true, pattern: '0\\d{1,4}-?\\d{1,4}-?\\d{3,4}', patternMessage: 'applications.validation.phoneFormat' });
    assert.equal(err(phone, 'abc')?.messageKey, 'applications.validation.phoneFormat');
    assert.deepEqual(validateAnswer(phone, '０９３－５８２－００００', TODAY), { ok: true, value: '093-582-0000' });
  });
  test('kana: hiragana becomes katakana; kanji is refused', () => {
    assert.deepEqual(validateAnswer(f('kana'), 'きたきゅう　たろう', TODAY), { ok: true, value: 'キタキュウ　タロウ' });
    assert.deepEqual(validateAnswer(f('kana'), 'ｷﾀｷｭｳ ﾀﾛｳ', TODAY), { ok: true, value: 'キタキュウ　タロウ' });
    assert.equal(err(f('kana'), '北九')?.code, 'not-kana');
  });
  test('dates: ISO or 和暦 objects, with ranges relative to today', () => {
    const d = f('era-date', { required: true, minDate: 'today-365', maxDate: 'today+14' });
    assert.deepEqual(validateAnswer(d, { era: '令和', year: 7, month: 6, day: 1 }, TODAY), { ok: true, value: '2025-06-01' });
    assert.deepEqual(validateAnswer(d, '2025/6/1', TODAY), { ok: true, value: '2025-06-01' });
    assert.equal(err(d, { era: '昭和', year: 64, month: 1, day: 8 })?.code, 'invalid-date');
    assert.equal(err(d, '2025-02-30')?.code, 'invalid-date');
    const early = err(d, '2024-01-01');
    assert.equal(early?.code, 'date-too-early');
    assert.equal(early?.params.bound, '2024-06-10');
  });
  test('numbers, choices, checkboxes, postal codes', () => {
    assert.equal(err(f('number', { min: 1, max: 9 }), 0)?.code, 'too-small');
    assert.equal(err(f('number', { min: 1, max: 9 }), '12')?.code, 'too-large');
    assert.deepEqual(validateAnswer(f('number'), '３', TODAY), { ok: true, value: 3 });
    assert.equal(err(f('number'), '1e3')?.code, 'not-a-number');
    assert.equal(err(f('choice', { required: true }, [{ value: 'a' }]), 'b')?.code, 'bad-choice');
    assert.equal(err(f('checkbox'), 'yes')?.code, 'wrong-type');
    assert.deepEqual(validateAnswer(f('checkbox', {}), undefined, TODAY), { ok: true, value: false });
    assert.deepEqual(validateAnswer(f('postal'), '〒８０２－０００１', TODAY), { ok: true, value: '8020001' });
    assert.equal(err(f('postal'), '802-001')?.code, 'bad-postal');
  });
  test('control characters and objects are refused', () => {
    assert.equal(err(f('text'), 'a\u0000b')?.code, 'bad-characters');
    assert.equal(err(f('text'), { toString: 1 })?.code, 'wrong-type');
  });
  test('My Number check digit', () => {
    assert.equal(myNumberCheckDigitOk('123456789018'), true);
    assert.equal(myNumberCheckDigitOk('123456789012'), false);
    assert.equal(myNumberCheckDigitOk('12345678901'), false);
  });
  test('total for every template field and any input (property)', () => {
    const fields = [...defaultCatalog().forms.fields.values()];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), (field, v) => {
        const r = validateAnswer(field, v, TODAY);
        assert.ok(r.ok || typeof r.error.messageKey === 'string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('validation messages', () => {
  test('ja and en have the same keys, and every code and pattern message has a text', () => {
    assert.deepEqual(messageKeys('ja').sort(), messageKeys('en').sort());
    const fields = [...defaultCatalog().forms.fields.values()];
    for (const fld of fields)
      if (fld.validation.patternMessage) assert.ok(messageKeys('ja').includes(fld.validation.patternMessage), fld.validation.patternMessage);
    // Every code the contract can carry, from the contract itself: a new code without a text fails here.
    const codes = validationErrorSchema.shape.code.options;
    for (const c of codes) assert.ok(messageKeys('en').includes(`applications.validation.${c}`), c);
  });
  test('parameters are filled in', () => {
    assert.equal(formatMessage('applications.validation.too-long', { max: 40 }, 'ja'), '40文字以内で入力してください。');
    assert.equal(
      formatMessage('applications.validation.date-too-late', { bound: '2025-06-24', boundWareki: '令和7年6月24日' }, 'en'),
      'Enter a date on or before 2025-06-24.',
    );
    assert.equal(formatMessage('no.such.key', {}, 'en'), 'no.such.key');
  });
});

describe('date bounds as the screen receives them', () => {
  const moveDate: ValidatableField = { id: 'moveDate', type: 'era-date', validation: { required: true, minDate: 'today-365', maxDate: 'today+14' } };

  test('relative bounds are resolved against the filling day, across a year end and an era change', () => {
    assert.deepEqual(withDateBoundsOn(moveDate, '2026-12-31').validation, { required: true, minDate: '2025-12-31', maxDate: '2027-01-14' });
    assert.deepEqual(withDateBoundsOn(moveDate, '2019-05-01').validation, { required: true, minDate: '2018-05-01', maxDate: '2019-05-15' });
  });

  test('an answer at a resolved bound is valid on that day, one day past it is not', () => {
    const today = '2026-12-31';
    const shown = withDateBoundsOn(moveDate, today);
    assert.equal(validateAnswer(moveDate, shown.validation.maxDate, today).ok, true);
    assert.equal(validateAnswer(moveDate, shown.validation.minDate, today).ok, true);
    assert.equal(validateAnswer(moveDate, '2027-01-15', today).ok, false);
  });

  test('ISO bounds and questions without bounds pass unchanged', () => {
    const fixed: ValidatableField = { id: 'd', type: 'date', validation: { minDate: '1900-01-01' } };
    assert.deepEqual(withDateBoundsOn(fixed, '2026-12-31').validation, { minDate: '1900-01-01' });
    const none: ValidatableField = { id: 'n', type: 'text', validation: {} };
    assert.equal(withDateBoundsOn(none, '2026-12-31'), none);
  });
});
