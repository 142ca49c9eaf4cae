/** The ward queue's waits as main pushes them; disabled until main first answers. */
import type { QueueDeskState } from '../../contract/queue-desk';
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { useMainState } from './use-main-state';

const NOT_YET: QueueDeskState = { enabled: false, waits: null };

export function useQueueDesk(client: KioskClient): QueueDeskState {
  return useMainState(client, 'queue', NOT_YET)[0];
}
