/**
 * The simulator panel's requests (demo and technicians): insert a fixture card, take it out,
 * insert coins, choose the cashless terminal's next answer, inject the faults the simulators model
 * (printer out of paper, jam, cover open; cash unit jam, door open; cashless terminal offline) and
 * take the back end down for a minute. Each device's works only while its binding is `sim`; the
 * back end's only when it was started with fault injection (the demo's).
 */
import { KioskError } from '../../contract/errors';
import type { SimulatorFault } from '../../contract/kiosk-api';
import { WardApiError, type WardClient } from '../ward/ward-client';
import type { RequestHandlers } from '../ipc/request-router';
import { listCardFixtures, readCardFixture } from '../../devices/card/sim/virtual-card/card-fixture';
import { loadCardFixture, VirtualMyNumberCard } from '../../devices/card/sim/virtual-card';
import { fixturesDir } from '../config/project-paths';
import type { KioskDevices } from './kiosk-devices';

type SimulatorHandlers = Pick<
  RequestHandlers,
  'simulator.listCards' | 'simulator.insertCard' | 'simulator.removeCard' | 'simulator.insertCash' | 'simulator.cashlessNext' | 'simulator.fault'
>;

/** How long the panel's "back end down" lasts: the back end listens again by itself (nothing can reach it to say so). */
export const BACKEND_DOWN_MS = 60_000;

type FaultDeps = { devices: KioskDevices; ward: Pick<WardClient, 'injectFault'> };

export function simulatorHandlers(devices: KioskDevices, ward: Pick<WardClient, 'injectFault'>): SimulatorHandlers {
  const simCard = () => devices.sim.card ?? notAvailable();
  return {
    'simulator.listCards': async () => {
      simCard();
      // Fictional test cards: the panel shows the card id and its test PIN, never the holder's name.
      return listCardFixtures(fixturesDir()).map((cardId) => {
        const pin = readCardFixture(cardId, fixturesDir()).pins.jpkiAuthPin;
        return { cardId, label: pin ? `${cardId} · PIN ${pin}` : `${cardId} · no JPKI` };
      });
    },
    'simulator.insertCard': async ({ cardId }) => {
      const reader = simCard();
      if (!listCardFixtures(fixturesDir()).includes(cardId)) throw new KioskError('invalid-request');
      reader.insertCard(new VirtualMyNumberCard(loadCardFixture(cardId, fixturesDir())));
      return {};
    },
    'simulator.removeCard': async () => {
      simCard().removeCard();
      return {};
    },
    'simulator.insertCash': async ({ yen }) => {
      const cash = devices.sim.cash ?? notAvailable();
      if (yen >= 1000) cash.insertNote(yen);
      else cash.insertCoin(yen);
      return {};
    },
    'simulator.cashlessNext': async ({ outcome }) => {
      const terminal = devices.sim.cashless ?? notAvailable();
      // Queued: the demo picks the answer before the citizen taps the terminal (it answers in 300 ms).
      terminal.queue(outcome === 'approve' ? { outcome } : { outcome, reason: 'insufficient-funds' });
      return {};
    },
    'simulator.fault': async (fault) => {
      await injectFault(fault, { devices, ward });
      return {};
    },
  };
}

async function injectFault(f: SimulatorFault, { devices, ward }: FaultDeps): Promise<void> {
  switch (f.device) {
    case 'printer': {
      const printer = devices.sim.printer ?? notAvailable();
      if (f.fault === 'clear') printer.clearFaults();
      else printer.injectFault(f.fault);
      return;
    }
    case 'cash': {
      const cash = devices.sim.cash ?? notAvailable();
      if (f.fault === 'clear') for (const active of cash.model.activeFaults) cash.clearFault(active);
      else cash.injectFault(f.fault);
      return;
    }
    case 'cashless':
      (devices.sim.cashless ?? notAvailable()).setOffline(f.fault === 'offline');
      return;
    case 'backend':
      try {
        await ward.injectFault({ mode: 'down', durationMs: BACKEND_DOWN_MS });
      } catch (err) {
        // A back end without fault injection (any real one) refuses: the panel says it is not available.
        if (err instanceof WardApiError && err.status === 403) notAvailable();
        throw err;
      }
      return;
  }
}

function notAvailable(): never {
  throw new KioskError('not-available');
}
