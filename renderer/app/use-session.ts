/**
 * Follows the main side's session state, and reports the citizen's touches so the idle
 * timer (which lives on the main side) restarts. Reports are throttled: one per second.
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';

const ACTIVITY_THROTTLE_MS = 1000;

export function useSession(client: KioskClient): SessionState {
  const [state, setState] = useState<SessionState>({ phase: 'idle' });
  const phase = useRef(state.phase);
  phase.current = state.phase;

  useEffect(() => {
    const off = client.on('session.changed', setState);
    client.call('session.getState', {}).then(setState, () => undefined);
    return off;
  }, [client]);

  useEffect(() => {
    let last = 0;
    const onTouch = () => {
      const now = Date.now();
      if (phase.current !== 'active' || now - last < ACTIVITY_THROTTLE_MS) return;
      last = now;
      client.call('session.activity', {}).catch(() => undefined);
    };
    window.addEventListener('pointerdown', onTouch, true);
    window.addEventListener('keydown', onTouch, true);
    return () => {
      window.removeEventListener('pointerdown', onTouch, true);
      window.removeEventListener('keydown', onTouch, true);
    };
  }, [client]);

  return state;
}
