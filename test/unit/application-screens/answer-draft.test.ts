/**
 * The question screen's pure parts: the draft a question starts with, what is sent for it,
 * the year bounds of the date picker, and where a main-side message key finds its text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Question } from '../../../contract/applications';
import {
  answerToSend,
  boundYear,
  digitsOnlyLength,
  initialDateYear,
  initialDraft,
  numberLength,
  textKeyboardModes,
} from '../../../renderer/screens/application/answer-draft';
import { resolveMessageKey } from '../../../renderer/screens/application/message-text';

function question(type: Question['type'], extra: Partial<Question> = {}): Question {
  return { id: 'q', label: { ja: '質問', en: 'Question' }, type, validation: {}, usedBy: [], screening: false, ...extra };
}

describe('initialDraft', () => {
  test('the answer given before wins over the default and the address start', () => {
    assert.equal(initialDraft(question('address', { defaultValue: 'x' }), '前の答え', '福岡県'), '前の答え');
    assert.equal(initialDraft(question('address', { defaultValue: 'x' }), undefined, '福岡県'), 'x');
    assert.equal(initialDraft(question('address'), undefined, '福岡県北九州市'), '福岡県北九州市');
  });

  test('the address start is offered to address questions only', () => {
    assert.equal(initialDraft(question('text'), undefined, '福岡県'), undefined);
    assert.equal(initialDraft(question('address'), undefined, null), undefined);
  });

  test('a number question starts empty rather than undefined (the pad edits a string)', () => {
    assert.equal(initialDraft(question('number'), undefined, null), '');
    assert.equal(initialDraft(question('number', { defaultValue: 1 }), undefined, null), 1);
  });
});

describe('answerToSend', () => {
  test('nothing picked is nothing to send for yes/no, choices and dates', () => {
    assert.equal(answerToSend(question('checkbox'), undefined), null);
    assert.equal(answerToSend(question('choice'), ''), null);
    assert.equal(answerToSend(question('era-date'), undefined), null);
    assert.equal(answerToSend(question('date'), ''), null);
  });

  test('picked values go as they are; false is an answer', () => {
    assert.equal(answerToSend(question('checkbox'), false), false);
    assert.equal(answerToSend(question('choice'), 'tenkyo'), 'tenkyo');
    assert.equal(answerToSend(question('era-date'), '2026-11-29'), '2026-11-29');
  });

  test('digits of a number question go as a number; anything else as text for main to judge', () => {
    assert.equal(answerToSend(question('number'), '12'), 12);
    assert.equal(answerToSend(question('number'), 3), 3);
    assert.equal(answerToSend(question('number'), ''), '');
    assert.equal(answerToSend(question('number'), '1234567890'), '1234567890');
  });

  test('text kinds always send text, empty included (main answers "required")', () => {
    assert.equal(answerToSend(question('kana'), undefined), '');
    assert.equal(answerToSend(question('postal'), '8030813'), '8030813');
    assert.equal(answerToSend(question('phone'), '0935820001'), '0935820001');
  });
});

describe('date and number bounds', () => {
  test('ISO bounds give their year; an unresolved bound gives none (main resolves today±N)', () => {
    assert.equal(boundYear('1900-01-01'), 1900);
    assert.equal(boundYear('2027-01-13'), 2027);
    assert.equal(boundYear('today+14'), undefined);
    assert.equal(boundYear(undefined), undefined);
    assert.equal(boundYear('yesterday'), undefined);
  });

  test('the number pad allows as many digits as max has, else 9', () => {
    assert.equal(numberLength(question('number', { validation: { min: 1, max: 9 } })), 1);
    assert.equal(numberLength(question('number', { validation: { max: 120 } })), 3);
    assert.equal(numberLength(question('number')), 9);
  });
});

describe('initialDateYear', () => {
  const now = '2026-06-15';
  // Bounds as main sends them: resolved against the filling day.
  const date = (id: string, minDate?: string, maxDate?: string) =>
    question('era-date', { id, validation: { ...(minDate ? { minDate } : {}), ...(maxDate ? { maxDate } : {}) } });

  test('an adult birth date starts 40 years back, not at this year', () => {
    assert.equal(initialDateYear(date('birthDate', '1900-01-01', now), now), 1986);
    assert.equal(initialDateYear(date('subjectBirthDate'), now), 1986, 'no bounds: this year and 1900');
  });

  test("a deceased person's birth date starts further back; a child's in its window", () => {
    assert.equal(initialDateYear(date('deceasedBirthDate', '1890-01-01', now), now), 1951);
    const child = initialDateYear(date('child1BirthDate', '2007-07-03', now), now);
    assert.ok(child >= 2007 && child <= 2026 && child !== 2026, `child birth year ${child}`);
  });

  test('event dates (異動日, 死亡日, 届出日) start this year, inside their bounds', () => {
    assert.equal(initialDateYear(date('moveDate', '2025-06-15', '2026-06-29'), now), 2026);
    assert.equal(initialDateYear(date('deathDate', '2024-06-15', now), now), 2026);
    assert.equal(initialDateYear(question('date', { id: 'notifyDate' }), now), 2026);
    assert.equal(initialDateYear(date('eventDate', '2010-01-01', '2015-12-31'), now), 2015, 'clamped to the bounds');
    assert.equal(initialDateYear(date('birthDate', '1995-01-01', '2000-12-31'), now), 1998, 'a narrow birth window starts in its middle');
  });

  test('the year comes from the filling day main sends, not the host clock', () => {
    assert.equal(initialDateYear(question('date', { id: 'notifyDate' }), '2019-05-01'), 2019);
    assert.equal(initialDateYear(date('birthDate', '1900-01-01', '2031-12-31'), '2031-12-31'), 1991);
  });
});

describe('digitsOnlyLength', () => {
  test('a text of a fixed number of digits gets the number pad; other patterns and types do not', () => {
    assert.equal(digitsOnlyLength(question('text', { validation: { pattern: '\\d{12}' } })), 12);
    assert.equal(digitsOnlyLength(question('text', { validation: { pattern: '\\d{7}' } })), 7);
    assert.equal(digitsOnlyLength(question('text', { validation: { pattern: '\\d{1,4}' } })), null);
    assert.equal(digitsOnlyLength(question('text', { validation: { pattern: '[A-Z]{3}' } })), null);
    assert.equal(digitsOnlyLength(question('text')), null);
    assert.equal(digitsOnlyLength(question('phone', { validation: { pattern: '\\d{12}' } })), null);
  });
});

describe('resolveMessageKey', () => {
  test('each family of keys finds its namespace; unknown families have none (the generic text shows)', () => {
    assert.equal(resolveMessageKey('applications.validation.too-long'), 'application:validation.too-long');
    assert.equal(resolveMessageKey('application.error.wrongPin'), 'application:error.wrongPin');
    assert.equal(resolveMessageKey('certificate.error.printFailed'), 'certificate:error.printFailed');
    assert.equal(resolveMessageKey('printer.mediaEmpty'), 'certificate:printer.mediaEmpty');
    assert.equal(resolveMessageKey('errors.no-session'), 'common:errors.no-session');
    assert.equal(resolveMessageKey('something.else'), null);
  });
});

describe('textKeyboardModes', () => {
  test('the insurance 記号番号 (digits and hyphens) opens the 英数 keyboard alone', () => {
    assert.deepEqual(textKeyboardModes(question('text', { validation: { pattern: '[0-9０-９-]{1,12}' } })), ['alnum']);
  });

  test('a name, a free text or a pattern that admits kana opens ひらがな first', () => {
    assert.deepEqual(textKeyboardModes(question('text')), ['hiragana', 'katakana', 'alnum']);
    assert.deepEqual(textKeyboardModes(question('text', { validation: { pattern: '[ぁ-ん　 ]+' } })), ['hiragana', 'katakana', 'alnum']);
    assert.deepEqual(textKeyboardModes(question('text', { validation: { pattern: '(' } })), ['hiragana', 'katakana', 'alnum'], 'an unreadable pattern');
  });
});
