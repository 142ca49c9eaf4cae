import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { digitsOnly, formatNumber, formatPhone, formatPostal, phoneGroups } from '../../../renderer/widgets/number-format';

describe('number-format: postal', () => {
  test('〒 and the hyphen appear as digits come', () => {
    assert.equal(formatPostal(''), '');
    assert.equal(formatPostal('8'), '〒8');
    assert.equal(formatPostal('802'), '〒802');
    assert.equal(formatPostal('8020'), '〒802-0');
    assert.equal(formatPostal('8020001'), '〒802-0001');
  });
});

describe('number-format: phone', () => {
  const cases: [string, string][] = [
    ['09012345678', '090-1234-5678'],
    ['0901', '090-1'],
    ['090', '090'],
    ['0312345678', '03-1234-5678'],
    ['0935821234', '093-582-1234'],
    ['0120123456', '0120-123-456'],
    ['05012345678', '050-1234-5678'],
    ['0570012345', '0570-012-345'],
    ['08001234567', '0800-123-4567'],
    ['0', '0'],
    ['1234', '1234'],
    ['', ''],
  ];
  for (const [digits, shown] of cases) test(`${digits || '(empty)'} → ${shown || '(empty)'}`, () => assert.equal(formatPhone(digits), shown));

  test('digits are never lost, whatever the grouping', () => {
    for (const d of ['0901234567890', '09358212345', '031']) assert.equal(digitsOnly(formatPhone(d)), d);
  });

  test('phoneGroups by prefix', () => {
    assert.deepEqual(phoneGroups('080'), [3, 4, 4]);
    assert.deepEqual(phoneGroups('06'), [2, 4, 4]);
    assert.deepEqual(phoneGroups('0800'), [4, 3, 4]);
    assert.deepEqual(phoneGroups('092'), [3, 3, 4]);
    assert.deepEqual(phoneGroups('5'), []);
  });
});

describe('number-format: plain', () => {
  test('non-digits are dropped', () => {
    assert.equal(formatNumber('12a3', 'plain'), '123');
    assert.equal(formatNumber('〒802-0001', 'postal'), '〒802-0001');
    assert.equal(digitsOnly('１２3'), '3', 'full-width digits are not ASCII digits');
  });
});
