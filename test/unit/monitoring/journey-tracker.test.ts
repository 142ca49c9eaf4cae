/**
 * The journeys as the metrics see them, from the views alone: a step lasts until the next one, a
 * journey that reaches its last step is completed once, and one the wipe takes back to idle before
 * that is abandoned at the step it was on.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JourneyTracker, type JourneyObserver } from '../../../main/metrics/journey-tracker';

function tracked() {
  let now = 1_000_000;
  const seen: string[] = [];
  const observer: JourneyObserver = {
    stepEnded: (j, s, sec) => seen.push(`${j}:${s}:${sec}s`),
    completed: (j) => seen.push(`completed:${j}`),
    abandoned: (j, s) => seen.push(`abandoned:${j}:${s}`),
    sessionStarted: () => seen.push('session'),
    sessionEnded: (r) => seen.push(`ended:${r}`),
  };
  const tracker = new JourneyTracker({ now: () => now, setTimeout: () => 0, clearTimeout: () => undefined }, observer);
  return { seen, at: (ms: number) => void (now += ms), view: (channel: string, payload: unknown) => tracker.sink(channel, payload) };
}

describe('journey tracker', () => {
  test('an application submitted is completed once; its steps are timed', () => {
    const t = tracked();
    t.view('session.changed', { phase: 'active', sessionId: 's1', journey: 'application' });
    t.view('application.changed', { step: 'guide', events: [] });
    t.at(4000);
    t.view('application.changed', { step: 'question', answers: { name: '山田' } });
    t.at(10_000);
    t.view('application.changed', { step: 'done', receiptNumber: 'X' });
    t.view('application.changed', { step: 'done', receiptNumber: 'X' });
    t.at(2000);
    t.view('application.changed', { step: 'idle' });
    t.view('session.changed', { phase: 'idle', endedReason: 'complete' });
    assert.deepEqual(t.seen, ['session', 'application:guide:4s', 'application:question:10s', 'completed:application', 'application:done:2s', 'ended:complete']);
  });

  test('a certificate journey wiped at the PIN is abandoned there; a prompt does not start a second session', () => {
    const t = tracked();
    t.view('session.changed', { phase: 'active', sessionId: 's2', journey: 'certificate' });
    t.view('certificate.changed', { step: 'pin', triesLeft: 3 });
    t.view('session.changed', { phase: 'prompt', sessionId: 's2', journey: 'certificate', remainingMs: 1000 });
    t.at(30_000);
    t.view('certificate.changed', { step: 'idle' });
    t.view('session.changed', { phase: 'idle', endedReason: 'timeout' });
    assert.deepEqual(t.seen, ['session', 'certificate:pin:30s', 'abandoned:certificate:pin', 'ended:timeout']);
  });
});
