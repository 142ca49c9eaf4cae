/** The queue requests of the one contract (contract/queue-desk.ts): main answers, the renderer draws. */
import type { RequestHandlers } from '../ipc/request-router';
import type { QueueDesk } from './queue-desk';

export function queueDeskHandlers(
  desk: QueueDesk,
): Pick<RequestHandlers, 'queue.getState' | 'queue.takeTicket' | 'queue.takeApplicationTicket' | 'queue.checkIn'> {
  return {
    'queue.getState': async () => desk.current(),
    'queue.takeTicket': ({ service }) => desk.takeTicket(service),
    'queue.takeApplicationTicket': () => desk.takeApplicationTicket(),
    'queue.checkIn': ({ code }) => desk.checkIn(code),
  };
}
