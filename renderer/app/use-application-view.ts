/**
 * Follows the applications journey's current step: asks for it once and then applies every
 * `application.changed`.
 *
 * The first request is `application.getView`, so a renderer that reloads in the middle of a
 * journey shows the step the main side kept (a question, the review...) instead of restarting
 * it; only when main has no journey running (`idle`) does it ask `application.begin` to open
 * the guide. Answers and events arrive in order on one channel and main pushes each change
 * before it answers, so the last one to arrive is always the newest state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationView } from '../../contract/application-journey';
import { KioskError } from '../../contract/errors';
import type { RequestInput, RequestName, RequestOutput } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';

/** Requests whose answer is the journey's next view. */
export type ApplicationViewRequest =
  | 'application.begin'
  | 'application.getView'
  | 'application.openEvent'
  | 'application.toggleProcedure'
  | 'application.start'
  | 'application.identify'
  | 'application.submitPin'
  | 'application.answer'
  | 'application.back'
  | 'application.edit'
  | 'application.submit';

export interface ApplicationViewState {
  /** The current step, or null until the first answer arrives. */
  view: ApplicationView | null;
  /** The message key of the last request that failed (a transport or session problem), cleared by the next success. */
  callErrorKey: string | null;
  /**
   * Sends a request that moves the journey on; its answer becomes the view. Never rejects.
   * While one is on its way, further ones are dropped: a double tap on 「つぎへ」 or
   * 「送信して印刷する」 must not answer the next question or submit twice.
   */
  send: <K extends ApplicationViewRequest>(channel: K, input: RequestInput<K>) => Promise<void>;
  /** Sends any other request (guide search, postal look-up, simulator controls); failures show as `callErrorKey`. Never rejects. */
  call: <K extends RequestName>(channel: K, input: RequestInput<K>) => Promise<RequestOutput<K> | null>;
}

function errorKeyOf(err: unknown): string {
  return err instanceof KioskError ? err.messageKey : 'errors.internal';
}

export function useApplicationView(client: KioskClient): ApplicationViewState {
  const [view, setView] = useState<ApplicationView | null>(null);
  const [callErrorKey, setCallErrorKey] = useState<string | null>(null);
  const inFlight = useRef(false);

  const call = useCallback(
    async <K extends RequestName>(channel: K, input: RequestInput<K>): Promise<RequestOutput<K> | null> => {
      try {
        const out = await client.call(channel, input);
        setCallErrorKey(null);
        return out;
      } catch (err) {
        setCallErrorKey(errorKeyOf(err));
        return null;
      }
    },
    [client],
  );

  const send = useCallback(
    async <K extends ApplicationViewRequest>(channel: K, input: RequestInput<K>): Promise<void> => {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        const next = (await call(channel, input)) as ApplicationView | null;
        if (next) setView(next);
      } finally {
        inFlight.current = false;
      }
    },
    [call],
  );

  useEffect(() => {
    let live = true;
    const off = client.on('application.changed', (next) => {
      if (live) setView(next);
    });
    void (async () => {
      // getView may fail when no session runs yet (a fresh start): begin then opens the guide.
      const current = await client.call('application.getView', {}).catch(() => null);
      if (!live) return;
      if (current && current.step !== 'idle') {
        setView(current);
        return;
      }
      const begun = await call('application.begin', {});
      if (live && begun) setView(begun);
    })();
    return () => {
      live = false;
      off();
    };
  }, [client, call]);

  return { view, callErrorKey, send, call };
}
