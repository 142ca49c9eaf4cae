/** The availability requests: the home screen's question, and the demo's control to serve outside the hours. */
import { KioskError } from '../../contract/errors';
import type { RequestHandlers } from '../ipc/request-router';
import type { AvailabilityMonitor } from './availability-monitor';

export function availabilityHandlers(
  monitor: AvailabilityMonitor,
  simulatedCard: boolean,
): Pick<RequestHandlers, 'kiosk.getAvailability' | 'simulator.openOutsideHours'> {
  return {
    // Asked when a page (re)loads: the devices are asked afresh (not during a session), so a fault
    // cleared since the last check is not still shown as one.
    'kiosk.getAvailability': async () => {
      await monitor.check();
      return monitor.current();
    },
    'simulator.openOutsideHours': async ({ open }) => {
      // Only a demo kiosk (simulated card reader) may ignore its hours; a deployed one never.
      if (!simulatedCard) throw new KioskError('not-available');
      return monitor.overrideHours(open);
    },
  };
}
