import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clampObservation,
  displayMinutes,
  estimatedServiceMs,
  estimatedWaitMs,
  MAX_OBSERVATION_MS,
  MIN_OBSERVATION_MS,
  PRIOR_WEIGHT,
} from '../../../queue/wait-estimator';

const MIN = 60_000;

test('with no service finished today the estimate is the prior', () => {
  assert.equal(estimatedServiceMs(10 * MIN, { count: 0, totalMs: 0 }), 10 * MIN);
});

test("the day's mean is shrunk toward the prior by PRIOR_WEIGHT pseudo-observations", () => {
  assert.equal(PRIOR_WEIGHT, 5);
  // One 40-minute case against a 10-minute prior: (5·10 + 40) / 6 = 15 minutes, not 40.
  assert.equal(estimatedServiceMs(10 * MIN, { count: 1, totalMs: 40 * MIN }), 15 * MIN);
  // Many days-own observations dominate: 95 cases of 20 minutes → (50 + 1900) / 100 = 19.5.
  assert.equal(estimatedServiceMs(10 * MIN, { count: 95, totalMs: 95 * 20 * MIN }), 19.5 * MIN);
});

test('an observation is clamped so a ticket left serving over lunch cannot poison the day', () => {
  assert.equal(clampObservation(5_000), MIN_OBSERVATION_MS);
  assert.equal(clampObservation(10 * 3_600_000), MAX_OBSERVATION_MS);
  assert.equal(clampObservation(7 * MIN), 7 * MIN);
});

test('the wait shares the people ahead among the counters handling the service', () => {
  assert.equal(estimatedWaitMs(6 * MIN, 0, 2), 0);
  assert.equal(estimatedWaitMs(6 * MIN, 1, 2), 6 * MIN);
  assert.equal(estimatedWaitMs(6 * MIN, 3, 2), 12 * MIN);
  assert.equal(estimatedWaitMs(6 * MIN, 4, 2), 12 * MIN);
  assert.equal(estimatedWaitMs(6 * MIN, 1, 0), Number.POSITIVE_INFINITY);
});

test('minutes shown round up; no counter means no estimate', () => {
  assert.equal(displayMinutes(0), 0);
  assert.equal(displayMinutes(1), 1);
  assert.equal(displayMinutes(5 * MIN), 5);
  assert.equal(displayMinutes(5 * MIN + 1), 6);
  assert.equal(displayMinutes(Number.POSITIVE_INFINITY), null);
});
