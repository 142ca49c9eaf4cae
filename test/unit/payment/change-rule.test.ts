/**
 * The cash acceptance rule (devices/payment/cash/change-rule.ts): which coins and notes the unit
 * may take for what is still due, given the change it holds. A wrong "yes" keeps a note whose
 * change ends on a voucher; a wrong "no" turns a citizen away with a note the machine could change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptableDenominations, canPayOut, type ChangeInventory } from '../../../devices/payment/cash/change-rule';
import type { Denomination } from '../../../devices/payment/cash/cash-unit-protocol';

const ALL: Denomination[] = [10, 50, 100, 500, 1000, 5000, 10000];
const inv = (counts: Partial<Record<Denomination, number>>): ChangeInventory =>
  Object.entries(counts).map(([d, count]) => ({ denomination: Number(d) as Denomination, count: count ?? 0 }));
const EMPTY = inv({ 10: 0, 50: 0, 100: 0, 500: 0 });
const DEMO = inv({ 10: 50, 50: 20, 100: 50, 500: 10 }); // fixtures/payment/cash-unit-sim.json

test('exact fee: every denomination up to the fee is taken without any change', () => {
  assert.deepEqual(acceptableDenominations(1000, ALL, EMPTY), [10, 50, 100, 500, 1000]);
  assert.deepEqual(acceptableDenominations(300, ALL, EMPTY), [10, 50, 100]);
});

test('nothing left to pay: nothing is taken', () => {
  assert.deepEqual(acceptableDenominations(0, ALL, DEMO), []);
});

test('a 1000-yen note for 300 needs 700 of change: taken with it, refused without', () => {
  assert.ok(acceptableDenominations(300, ALL, inv({ 100: 7 })).includes(1000));
  assert.ok(!acceptableDenominations(300, ALL, inv({ 100: 6, 50: 1, 10: 4 })).includes(1000), '690 is not 700');
  assert.ok(!acceptableDenominations(300, ALL, EMPTY).includes(1000));
});

test('change of 9,000 yen from coins only: a 10,000-yen note for 1,000', () => {
  assert.ok(acceptableDenominations(1000, ALL, DEMO).includes(10000), '10 × 500 + 40 × 100 in the demo recycler');
  assert.ok(!acceptableDenominations(1000, ALL, inv({ 500: 10, 100: 39, 50: 1, 10: 4 })).includes(10000), '8,990 held as the unit pays it');
});

test('change is judged as the unit pays it out: largest first', () => {
  // 60 yen: the unit takes the one 50 first and then needs a 10; three 20s do not exist.
  assert.equal(canPayOut(60, inv({ 50: 1, 10: 1 })), true);
  assert.equal(canPayOut(60, inv({ 50: 1 })), false);
  // 100 yen from two 50s when no 100 is held.
  assert.equal(canPayOut(100, inv({ 100: 0, 50: 2 })), true);
  // 600 from a 500 and a 50: the unit pays the 500, then 50, and has nothing for the last 50.
  assert.equal(canPayOut(600, inv({ 500: 1, 50: 1 })), false);
  assert.equal(canPayOut(0, EMPTY), true);
});

test('a coin that crosses the fee needs change too', () => {
  assert.deepEqual(acceptableDenominations(100, [10, 50, 100, 500], EMPTY), [10, 50, 100]);
  assert.deepEqual(acceptableDenominations(100, [10, 50, 100, 500], inv({ 100: 4 })), [10, 50, 100, 500]);
});

test('only the offered denominations are ever enabled', () => {
  assert.deepEqual(acceptableDenominations(20000, [10, 100, 1000], DEMO), [10, 100, 1000]);
});
