import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedTransitions, canTransition, isTerminal, statesAllowedBefore, ticketStates, IllegalTransitionError } from '../../../queue/ticket-states';
import { QueueError } from '../../../queue/queue-errors';

test('the allowed moves, exactly', () => {
  const moves = ticketStates.flatMap((from) => ticketStates.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
  assert.deepEqual(moves, ['waiting→called', 'called→waiting', 'called→serving', 'called→no-show', 'serving→done', 'serving→transferred']);
});

test('done, no-show and transferred are terminal; nothing returns to them from nowhere', () => {
  assert.deepEqual(ticketStates.filter(isTerminal), ['done', 'no-show', 'transferred']);
  for (const s of ticketStates) assert.equal(allowedTransitions[s].includes(s), false, `${s} does not move to itself`);
});

test("statesAllowedBefore is the table read backwards (the WHERE of the store's UPDATE)", () => {
  assert.deepEqual(statesAllowedBefore('called'), ['waiting']);
  assert.deepEqual(statesAllowedBefore('serving'), ['called']);
  assert.deepEqual(statesAllowedBefore('waiting'), ['called']);
  assert.deepEqual(statesAllowedBefore('done'), ['serving']);
});

test('an illegal move is a typed QueueError with both states', () => {
  const err = new IllegalTransitionError('done', 'called');
  assert.ok(err instanceof QueueError);
  assert.deepEqual([err.code, err.from, err.to], ['illegal-transition', 'done', 'called']);
});
