/**
 * The review in the citizen's language: in English a date reads in the Western form, a choice by
 * its English label, a checkbox as Yes/No; in Japanese every value reads as the form prints it.
 * And each fact once: what several forms print is shared and names them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReviewField, ReviewForm } from '../../../contract/applications';
import { groupReviewFacts } from '../../../renderer/screens/application/review-facts';
import { reviewValueText } from '../../../renderer/screens/application/review-value';

const words = { yes: 'Yes', no: 'No' };
const label = { ja: 'ラベル', en: 'Label' };
const moveDate: ReviewField = { fieldId: 'moveDate', label, display: '令和8年12月8日', source: 'interview', value: { kind: 'date', iso: '2026-12-08' } };
const moveType: ReviewField = {
  fieldId: 'moveType',
  label,
  display: '転居（市内で）',
  source: 'preset',
  value: { kind: 'choice', label: { ja: '転居（市内で）', en: 'Move within the city', ko: '시내 이사' } },
};
const sex: ReviewField = { fieldId: 'sex', label, display: '女', source: 'card', value: { kind: 'choice', label: { ja: '女', en: 'Female' } } };
const kokuho: ReviewField = { fieldId: 'hasKokuho', label, display: 'はい', source: 'interview', value: { kind: 'yes-no', yes: true } };
const name: ReviewField = { fieldId: 'name', label, display: '髙橋 花子', source: 'card' };

describe('review values in the citizen language', () => {
  test('English: Western date, English choices, Yes; names as printed', () => {
    assert.equal(reviewValueText(moveDate, 'en', words), 'December 8, 2026');
    assert.equal(reviewValueText(moveType, 'en', words), 'Move within the city');
    assert.equal(reviewValueText(sex, 'en', words), 'Female');
    assert.equal(reviewValueText(kokuho, 'en', words), 'Yes');
    assert.equal(reviewValueText(name, 'en', words), '髙橋 花子');
    for (const f of [moveDate, moveType, sex]) assert.doesNotMatch(reviewValueText(f, 'en', words), /[令和年月日転居女]/);
  });

  test('another language: its own label where the content has one, else English; its own date form', () => {
    assert.equal(reviewValueText(moveType, 'ko', words), '시내 이사');
    assert.equal(reviewValueText(sex, 'vi', words), 'Female');
    assert.equal(reviewValueText(moveDate, 'pt-BR', words), '8 de dezembro de 2026');
  });

  test('Japanese and やさしい日本語 read the printed value', () => {
    for (const lang of ['ja', 'ja-x-easy']) {
      assert.equal(reviewValueText(moveDate, lang, words), '令和8年12月8日');
      assert.equal(reviewValueText(sex, lang, words), '女');
    }
  });
});

describe('review facts', () => {
  const form = (templateId: string, fields: ReviewField[]): ReviewForm => ({
    templateId,
    procedureId: templateId,
    title: { ja: templateId, en: templateId },
    fields,
  });

  test('what several forms print is shown once, naming them; the rest stays with its form', () => {
    const groups = groupReviewFacts([form('jumin', [name, moveDate, moveType]), form('kokuho', [name, moveDate, kokuho]), form('jido', [name])]);
    assert.deepEqual(
      groups.shared.map((f) => [f.key, f.forms.map((x) => x.templateId)]),
      [
        ['name', ['jumin', 'kokuho', 'jido']],
        ['moveDate', ['jumin', 'kokuho']],
      ],
    );
    assert.deepEqual(
      groups.forms.map((g) => [g.form.templateId, g.facts.map((f) => f.key)]),
      [
        ['jumin', ['moveType']],
        ['kokuho', ['hasKokuho']],
        ['jido', []],
      ],
    );
  });

  test('one field printed differently on two forms stays two facts with their own keys', () => {
    const other = { ...moveDate, display: '2026年12月8日' };
    const groups = groupReviewFacts([form('a', [moveDate]), form('b', [other])]);
    assert.deepEqual(groups.shared, []);
    assert.deepEqual(
      groups.forms.map((g) => g.facts.map((f) => f.key)),
      [['moveDate-a'], ['moveDate-b']],
    );
  });
});
