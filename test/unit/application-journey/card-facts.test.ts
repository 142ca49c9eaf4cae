import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cardFactsFrom } from '../../../main/application-journey/card-facts';
import type { TextApRecord } from '../../../devices/card/mynumber/my-number-card-client';

function record(sex: '0' | '1' | '2' | '9', overrides: Partial<TextApRecord['basicInfo']> = {}): TextApRecord {
  return {
    myNumber: '382719460526',
    basicInfo: { name: '北九　太郎', address: '福岡県北九州市小倉北区魚町３丁目４番５号', birthDate: '19800217', sex, ...overrides },
    integrityVerified: true,
  };
}

describe('card facts', () => {
  test('the basic four and the 個人番号 map to the interview facts', () => {
    assert.deepEqual(cardFactsFrom(record('1')), {
      name: '北九　太郎',
      address: '福岡県北九州市小倉北区魚町３丁目４番５号',
      birthDate: '1980-02-17',
      sex: 'male',
      myNumber: '382719460526',
    });
    assert.equal(cardFactsFrom(record('2')).sex, 'female');
  });

  test('sex 0 (unknown) and 9 (not applicable) are left for the interview to ask', () => {
    assert.equal('sex' in cardFactsFrom(record('9')), false);
    assert.equal('sex' in cardFactsFrom(record('0')), false);
  });

  test('a fact the interview cannot take is dropped alone, the others kept', () => {
    const facts = cardFactsFrom(record('1', { name: 'あ'.repeat(101), birthDate: '1980021' }));
    assert.equal(facts.name, undefined);
    assert.equal(facts.birthDate, undefined);
    assert.equal(facts.address, '福岡県北九州市小倉北区魚町３丁目４番５号');
  });
});
