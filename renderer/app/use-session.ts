/**
 * Follows the main side's session state, and reports the citizen's touches so the idle
 * timer (which lives on the main side) restarts. Reports are throttled: one per second.
 */
import type { SessionState } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { useActivityReports, useMainState } from './use-main-state';

const ACTIVITY_THROTTLE_MS = 1000;

export function useSession(client: KioskClient): SessionState {
  const [state] = useMainState(client, 'session', { phase: 'idle' });
  useActivityReports(client, 'session', state.phase === 'active', ACTIVITY_THROTTLE_MS);
  return state;
}
