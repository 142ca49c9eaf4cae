/**
 * Runs the Printer contract against the IPP client talking to our simulator, and against a real
 * IPP printer when TEST_PRINTER=ipp://... is set (it then prints real pages).
 */
import { createIppPrinter } from '../../../devices/printer/ipp/ipp-printer';
import { startPrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { printerContract } from './printer-contract';

const fast = { pollIntervalMs: 5, requestTimeoutMs: 2_000 };

printerContract('IPP client + simulator', async () => {
  const sim = await startPrinterSimulator({ msPerPage: 3 });
  const slow = await startPrinterSimulator({ msPerPage: 5_000 });
  return {
    printer: createIppPrinter(sim.uri, fast),
    receivedCount: () => sim.printed.length,
    slowJobs: async () => createIppPrinter(slow.uri, fast),
    teardown: async () => {
      await sim.stop();
      await slow.stop();
    },
  };
});

const real = process.env.TEST_PRINTER;
if (real) {
  console.log(`# also running the printer contract against TEST_PRINTER=${real}`);
  printerContract(`real printer ${real}`, async () => ({
    printer: createIppPrinter(real, { pollIntervalMs: 1_000 }),
    teardown: async () => {},
  }));
}
