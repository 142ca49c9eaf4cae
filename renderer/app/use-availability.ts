/** What works now and the service hours, as main pushes them (null until its first answer). */
import type { Availability } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { useMainState } from './use-main-state';

/** Stands for "not known yet": never sent by main (its hours state is always computed). */
const UNKNOWN = {} as Availability;

export function useAvailability(client: KioskClient): Availability | null {
  const [state] = useMainState(client, 'availability', UNKNOWN);
  return state === UNKNOWN ? null : state;
}
