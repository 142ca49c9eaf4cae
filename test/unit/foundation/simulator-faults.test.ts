/**
 * The simulator panel's fault requests on the main side: each device's fault only while that
 * device is a simulator, the back end down for a bounded minute, and a back end that takes no
 * fault injection (any real one) refused as "not available" rather than as an internal error.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KioskError } from '../../../contract/errors';
import type { FaultRequest } from '../../../contract/ward-api';
import type { KioskDevices } from '../../../main/devices/kiosk-devices';
import { BACKEND_DOWN_MS, simulatorHandlers } from '../../../main/devices/simulator-controls';
import { WardApiError } from '../../../main/ward/ward-client';

const noSimulators = { sim: { card: null, cash: null, printer: null, cashless: null } } as unknown as KioskDevices;

function printerSim() {
  const faults: string[] = [];
  return {
    faults,
    devices: {
      sim: {
        card: null,
        cash: null,
        cashless: null,
        printer: { injectFault: (f: string) => faults.push(f), clearFaults: () => faults.splice(0) },
      },
    } as unknown as KioskDevices,
  };
}

const refusingWard = {
  injectFault: async (): Promise<never> => {
    throw new WardApiError('faults-disabled', 403);
  },
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof KioskError ? err.code : 'other';
  }
}

describe('simulator faults', () => {
  test('a device fault is refused while that device is real', async () => {
    const handlers = simulatorHandlers(noSimulators, refusingWard);
    for (const f of [
      { device: 'printer', fault: 'media-empty' },
      { device: 'cash', fault: 'jam' },
      { device: 'cashless', fault: 'offline' },
    ] as const) {
      assert.equal(await codeOf(handlers['simulator.fault'](f)), 'not-available', f.device);
    }
  });

  test('the printer simulator takes the fault and clears it', async () => {
    const { faults, devices } = printerSim();
    const handlers = simulatorHandlers(devices, refusingWard);
    await handlers['simulator.fault']({ device: 'printer', fault: 'media-jam' });
    assert.deepEqual(faults, ['media-jam']);
    await handlers['simulator.fault']({ device: 'printer', fault: 'clear' });
    assert.deepEqual(faults, []);
  });

  test('the back end goes down for one bounded minute; one without fault injection is "not available"', async () => {
    const sent: FaultRequest[] = [];
    const ward = {
      injectFault: async (req: FaultRequest) => {
        sent.push(req);
        return { applied: req.mode };
      },
    };
    await simulatorHandlers(noSimulators, ward)['simulator.fault']({ device: 'backend', fault: 'down' });
    assert.deepEqual(sent, [{ mode: 'down', durationMs: BACKEND_DOWN_MS }]);
    assert.equal(BACKEND_DOWN_MS, 60_000);
    assert.equal(await codeOf(simulatorHandlers(noSimulators, refusingWard)['simulator.fault']({ device: 'backend', fault: 'down' })), 'not-available');
  });
});
