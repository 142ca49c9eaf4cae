/**
 * The simulator panel's requests (demo and technicians): insert a fixture card, take it out,
 * insert coins, choose the cashless terminal's next answer. Each works only while that device's
 * binding is `sim`.
 */
import { KioskError } from '../../contract/errors';
import type { RequestHandlers } from '../ipc/request-router';
import { listCardFixtures, readCardFixture } from '../../devices/card/sim/virtual-card/card-fixture';
import { loadCardFixture, VirtualMyNumberCard } from '../../devices/card/sim/virtual-card';
import { fixturesDir } from '../config/project-paths';
import type { KioskDevices } from './kiosk-devices';

type SimulatorHandlers = Pick<
  RequestHandlers,
  'simulator.listCards' | 'simulator.insertCard' | 'simulator.removeCard' | 'simulator.insertCash' | 'simulator.cashlessNext'
>;

export function simulatorHandlers(devices: KioskDevices): SimulatorHandlers {
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
  };
}

function notAvailable(): never {
  throw new KioskError('not-available');
}
