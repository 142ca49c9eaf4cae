/**
 * Follows the certificate journey's current step: asks for it once (`certificate.begin`,
 * which also starts waiting for the card) and then applies every `certificate.changed`.
 *
 * Answers and events are applied in the order they arrive. Both travel on the same ordered
 * channel and the main side pushes each change before it answers, so the last one to arrive
 * is always the newest state.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CertificateView } from '../../contract/certificate-journey';
import { KioskError } from '../../contract/errors';
import type { RequestInput, RequestName, RequestOutput } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';

/** Requests whose answer is the journey's next view. */
type ViewRequest = 'certificate.begin' | 'certificate.getView' | 'certificate.submitPin' | 'certificate.choose' | 'certificate.pay' | 'certificate.back';

export interface CertificateViewState {
  /** The current step, or null until the first answer arrives. */
  view: CertificateView | null;
  /** The message key of the last request that failed (a transport or session problem), cleared by the next success. */
  callErrorKey: string | null;
  /** Sends a request that moves the journey on; its answer becomes the view. Never rejects. */
  send: <K extends ViewRequest>(channel: K, input: RequestInput<K>) => Promise<void>;
  /** Sends any other request (simulator controls); failures show as `callErrorKey`. Never rejects. */
  call: <K extends RequestName>(channel: K, input: RequestInput<K>) => Promise<RequestOutput<K> | null>;
}

function errorKeyOf(err: unknown): string {
  return err instanceof KioskError ? err.messageKey : 'errors.internal';
}

export function useCertificateView(client: KioskClient): CertificateViewState {
  const [view, setView] = useState<CertificateView | null>(null);
  const [callErrorKey, setCallErrorKey] = useState<string | null>(null);

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
    async <K extends ViewRequest>(channel: K, input: RequestInput<K>): Promise<void> => {
      const next = (await call(channel, input)) as CertificateView | null;
      if (next) setView(next);
    },
    [call],
  );

  useEffect(() => {
    let live = true;
    const off = client.on('certificate.changed', (next) => {
      if (live) setView(next);
    });
    void call('certificate.begin', {}).then((next) => {
      if (live && next) setView(next);
    });
    return () => {
      live = false;
      off();
    };
  }, [client, call]);

  return { view, callErrorKey, send, call };
}
