/**
 * Follows the main side's staff session (`staff.changed`), and reports staff touches while the
 * console is open so the staff idle timer restarts (throttled; the main side owns the timer,
 * so a console left open still closes).
 */
import type { StaffState } from '../../../contract/staff-console';
import { useActivityReports, useMainState } from '../../app/use-main-state';
import type { KioskClient } from '../../kiosk-client/kiosk-client';

const ACTIVITY_THROTTLE_MS = 2000;

export function useStaffState(client: KioskClient): [StaffState, (s: StaffState) => void] {
  const [state, setState] = useMainState(client, 'staff', { phase: 'closed' });
  useActivityReports(client, 'staff', state.phase === 'open', ACTIVITY_THROTTLE_MS);
  return [state, setState];
}
