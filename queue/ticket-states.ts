/**
 * A ticket's life: waiting → called → serving → done, with no-show and transfer on the way. The
 * table below is the only place that says which move is allowed; the store turns it into the
 * `WHERE state = ANY(...)` of its conditional UPDATE, so the database refuses an illegal or a
 * lost-race move atomically, and a refused move is a typed `IllegalTransitionError`.
 */
import { queueTicketStates } from '../contract/queue-api';
import { QueueError } from './queue-errors';

export const ticketStates = queueTicketStates;
export type TicketState = (typeof ticketStates)[number];

/** Allowed moves: from → the states it may go to. Terminal states go nowhere. */
export const allowedTransitions: Readonly<Record<TicketState, readonly TicketState[]>> = {
  // Calling is the counter's own step ("call next" or a recall of a skipped number).
  waiting: ['called'],
  // A called citizen comes to the counter (serving), never comes (no-show), or is sent back to
  // wait (the clerk recalls later, e.g. the citizen went to fetch a document).
  called: ['serving', 'no-show', 'waiting'],
  // At the counter the matter ends here, or continues at another service's counter.
  serving: ['done', 'transferred'],
  done: [],
  'no-show': [],
  transferred: [],
};

export function canTransition(from: TicketState, to: TicketState): boolean {
  return allowedTransitions[from].includes(to);
}

/** The states a ticket must be in for a move to `to` to be allowed. */
export function statesAllowedBefore(to: TicketState): TicketState[] {
  return ticketStates.filter((from) => canTransition(from, to));
}

export function isTerminal(state: TicketState): boolean {
  return allowedTransitions[state].length === 0;
}

/** A move the table does not allow, or a ticket that moved on before this request got to it. */
export class IllegalTransitionError extends QueueError {
  constructor(
    readonly from: TicketState,
    readonly to: TicketState,
  ) {
    super('illegal-transition', `a ${from} ticket cannot become ${to}`);
    this.name = 'IllegalTransitionError';
  }
}
