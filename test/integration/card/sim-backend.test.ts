/** The card contract against the in-process simulator backend (built through the registry). */
import { createCardReaderManager } from '../../../devices/card/card-reader-registry';
import { waitForCard, waitForReader } from '../../../devices/card/wait-for-reader';
import { cardContract } from './card-contract';

cardContract('in-process simulator', async () => {
  const sim = createCardReaderManager({ backend: 'sim' });
  await sim.start();
  return {
    label: 'sim',
    manager: sim,
    readerName: sim.readerName,
    async insert(card) {
      sim.insertCard(card);
      await waitForCard(sim, 2000, sim.readerName);
    },
    async remove() {
      sim.removeCard();
    },
    async unplugReader() {
      sim.unplugReader();
    },
    async plugReader() {
      sim.plugReader();
      await waitForReader(sim, (r) => r.name === sim.readerName, 2000);
    },
    async teardown() {
      await sim.stop();
    },
  };
});
