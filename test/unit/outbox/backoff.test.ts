import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { backoffCeiling, fullJitterDelay } from '../../../main/outbox/backoff';

const policy = { baseMs: 100, capMs: 5_000 };

describe('exponential backoff with full jitter', () => {
  test('the ceiling doubles from the base and stops at the cap', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 100, 5000].map((a) => backoffCeiling(a, policy)),
      [100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000],
    );
  });

  test('the delay is random() times the ceiling (injected random)', () => {
    assert.equal(
      fullJitterDelay(3, policy, () => 0),
      0,
    );
    assert.equal(
      fullJitterDelay(3, policy, () => 0.5),
      400,
    );
    assert.equal(
      fullJitterDelay(10, policy, () => 0.25),
      1250,
    );
    assert.equal(
      fullJitterDelay(0, policy, () => 0.999),
      99,
    );
  });

  test('any attempt and random value gives a delay in [0, min(cap, base*2^n))', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = fullJitterDelay(attempt, policy, () => r);
        return Number.isInteger(d) && d >= 0 && d < Math.max(1, backoffCeiling(attempt, policy));
      }),
    );
  });

  test('a misbehaving random source is clamped, never negative or above the ceiling', () => {
    assert.equal(
      fullJitterDelay(1, policy, () => -3),
      0,
    );
    assert.equal(
      fullJitterDelay(1, policy, () => 7),
      200,
    );
  });
});
