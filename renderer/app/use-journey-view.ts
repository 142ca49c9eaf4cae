/**
 * Follows one journey's current step (certificate or application): applies every `<journey>.changed`
 * event and the answer of every request that moves the journey on.
 *
 * Answers and events travel on the same ordered channel and the main side pushes each change
 * before it answers, so the last one to arrive is always the newest state. The hooks of the
 * journeys (`use-certificate-view.ts`, `use-application-view.ts`) only say which event to follow,
 * how to open the journey and whether a second request may leave while one is on its way.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { KioskError } from '../../contract/errors';
import type { EventName, EventPayload, RequestInput, RequestName, RequestOutput } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';

/** Sends any request; failures show as `callErrorKey` and resolve to null. Never rejects. */
export type JourneyCall = <K extends RequestName>(channel: K, input: RequestInput<K>) => Promise<RequestOutput<K> | null>;

export interface JourneyViewState<V, Q extends RequestName> {
  /** The current step, or null until the first answer arrives. */
  view: V | null;
  /** The message key of the last request that failed (a transport or session problem), cleared by the next success. */
  callErrorKey: string | null;
  /** Sends a request that moves the journey on; its answer becomes the view. Never rejects. */
  send: <K extends Q>(channel: K, input: RequestInput<K>) => Promise<void>;
  /** Sends any other request (guide search, postal look-up, simulator controls); failures show as `callErrorKey`. Never rejects. */
  call: JourneyCall;
}

export interface JourneyViewOptions<E extends EventName> {
  /** The event that carries the journey's every change. */
  changed: E;
  /**
   * Asks for the first view once the event listener is in place; resolves to null when it
   * failed (the failure is already shown through `call`). `live()` turns false once the screen
   * is gone: a second request must then not leave. Must be a stable function (module level).
   */
  open: (client: KioskClient, call: JourneyCall, live: () => boolean) => Promise<EventPayload<E> | null>;
  /**
   * True: while one `send` is on its way, further ones are dropped (a double tap on 「つぎへ」
   * must not answer the next question too). False: every `send` leaves.
   */
  singleFlight: boolean;
}

function errorKeyOf(err: unknown): string {
  return err instanceof KioskError ? err.messageKey : 'errors.internal';
}

export function useJourneyView<E extends EventName, Q extends RequestName>(
  client: KioskClient,
  options: JourneyViewOptions<E>,
): JourneyViewState<EventPayload<E>, Q> {
  type V = EventPayload<E>;
  const { changed, open, singleFlight } = options;
  const [view, setView] = useState<V | null>(null);
  const [callErrorKey, setCallErrorKey] = useState<string | null>(null);
  const inFlight = useRef(false);

  const call = useCallback<JourneyCall>(
    async (channel, input) => {
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
    async <K extends Q>(channel: K, input: RequestInput<K>): Promise<void> => {
      if (singleFlight && inFlight.current) return;
      inFlight.current = true;
      try {
        // Every request named in Q answers with the journey's view (the contract says so).
        const next = (await call(channel, input)) as V | null;
        if (next) setView(next);
      } finally {
        inFlight.current = false;
      }
    },
    [call, singleFlight],
  );

  useEffect(() => {
    let live = true;
    const off = client.on(changed, (next) => {
      if (live) setView(next);
    });
    void open(client, call, () => live).then((first) => {
      if (live && first) setView(first);
    });
    return () => {
      live = false;
      off();
    };
  }, [client, call, changed, open]);

  return { view, callErrorKey, send, call };
}
