/**
 * Follows the main side's staff session (`staff.changed`), and reports staff touches while the
 * console is open so the staff idle timer restarts (throttled; the main side owns the timer,
 * so a console left open still closes).
 */
import { useEffect, useRef, useState } from 'react';
import type { StaffState } from '../../../contract/staff-console';
import type { KioskClient } from '../../kiosk-client/kiosk-client';

const ACTIVITY_THROTTLE_MS = 2000;

export function useStaffState(client: KioskClient): [StaffState, (s: StaffState) => void] {
  const [state, setState] = useState<StaffState>({ phase: 'closed' });
  const open = useRef(false);
  open.current = state.phase === 'open';

  useEffect(() => {
    const off = client.on('staff.changed', setState);
    client.call('staff.getState', {}).then(setState, () => undefined);
    return off;
  }, [client]);

  useEffect(() => {
    let last = 0;
    const onTouch = () => {
      const now = Date.now();
      if (!open.current || now - last < ACTIVITY_THROTTLE_MS) return;
      last = now;
      client.call('staff.activity', {}).catch(() => undefined);
    };
    window.addEventListener('pointerdown', onTouch, true);
    window.addEventListener('keydown', onTouch, true);
    return () => {
      window.removeEventListener('pointerdown', onTouch, true);
      window.removeEventListener('keydown', onTouch, true);
    };
  }, [client]);

  return [state, setState];
}
