/**
 * The citizen's way through the ticket machine on the home screen: the waits, a check-in's digit
 * pad, then the ticket (or why there is none). The first touch starts a session, so the idle timer
 * brings the first screen back and the session's end wipes what was shown.
 */
import { useCallback, useState } from 'react';
import type { QueueDeskState, QueueTicketOutcome } from '../../../contract/queue-desk';
import { useKiosk } from '../../app/kiosk-context';
import { useQueueDesk } from '../../app/use-queue-desk';

export type QueueFlowView = { kind: 'home' } | { kind: 'check-in' } | { kind: 'outcome'; outcome: QueueTicketOutcome };

export interface QueueFlow {
  state: QueueDeskState;
  view: QueueFlowView;
  busy: boolean;
  touch: () => void;
  take: (service: string) => void;
  openCheckIn: () => void;
  checkIn: (code: string) => void;
  backHome: () => void;
  finish: () => void;
}

/** A call that failed on the way (bridge down, refused by main) gives no number either. */
const UNAVAILABLE: QueueTicketOutcome = { outcome: 'unavailable' };

export function useQueueFlow(): QueueFlow {
  const { client } = useKiosk();
  const state = useQueueDesk(client);
  const [view, setView] = useState<QueueFlowView>({ kind: 'home' });
  const [busy, setBusy] = useState(false);
  const touch = useCallback(() => void client.call('session.start', { journey: null }).catch(() => undefined), [client]);
  const run = useCallback(async (ask: () => Promise<QueueTicketOutcome>) => {
    setBusy(true);
    const outcome = await ask().catch(() => UNAVAILABLE);
    setBusy(false);
    setView({ kind: 'outcome', outcome });
  }, []);
  return {
    state,
    view,
    busy,
    touch,
    take: (service) => void run(() => client.call('queue.takeTicket', { service })),
    openCheckIn: () => {
      touch();
      setView({ kind: 'check-in' });
    },
    checkIn: (code) => void run(() => client.call('queue.checkIn', { code })),
    backHome: () => setView({ kind: 'home' }),
    // The session's end wipes the screen (back to the first screen, as after any journey).
    finish: () => {
      setView({ kind: 'home' });
      void client.call('session.end', { reason: 'complete' }).catch(() => undefined);
    },
  };
}
