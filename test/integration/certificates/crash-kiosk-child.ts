/**
 * Child of crash-between-payment-and-print.test.ts: a whole kiosk runtime (simulated card and
 * cash unit in this process; the ward back end and the IPP printer simulator in the parent, so
 * they outlive this process) driven to `paid` or to `printing`. It prints one line once that
 * state is durable in the journal and waits to be SIGKILLed. `accepted` stops the process dead at
 * the moment the printer has accepted the job and the kiosk is about to journal its id (the
 * journal write blocks forever), so the kill lands exactly in that window.
 *
 *   crash-kiosk-child.ts <config overlay JSON> paid|printing|accepted
 */
import { writeSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { mergeConfig, parseConfig } from '../../../main/config/load-config';
import { createKioskRuntime } from '../../../main/kiosk-runtime';
import { buyOneJuminhyoInCash, call } from '../../support/journey-driver';

async function main(): Promise<void> {
  const [overlayJson, mode] = process.argv.slice(2);
  if (!overlayJson || (mode !== 'paid' && mode !== 'printing' && mode !== 'accepted'))
    throw new Error('usage: crash-kiosk-child <overlay> paid|printing|accepted');
  const config = parseConfig(mergeConfig(DEFAULT_CONFIG, JSON.parse(overlayJson)), 'crash child');
  const runtime = await createKioskRuntime(config, 'browser', { takeCertificateMs: 60_000 });
  await buyOneJuminhyoInCash(runtime);
  const [paid] = runtime.journal.list(['paid']);
  if (!paid) throw new Error('not journaled as paid');
  if (mode === 'paid') {
    process.stdout.write(`PAID ${paid.id} ${paid.serial}\n`);
  } else if (mode === 'accepted') {
    runtime.journal.recordPrintJob = (txId: string, jobId: number) => {
      // Synchronous write, then the thread blocks: the id never reaches the journal.
      writeSync(1, `ACCEPTED ${txId} ${paid.serial} ${jobId}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      throw new Error('unreachable');
    };
    await call(runtime, 'simulator.removeCard', {});
    return;
  } else {
    await call(runtime, 'simulator.removeCard', {});
    for (;;) {
      const tx = runtime.journal.get(paid.id);
      if (tx?.state === 'printing' && tx.printJobId !== undefined) {
        process.stdout.write(`PRINTING ${tx.id} ${tx.serial} ${tx.printJobId}\n`);
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  setInterval(() => undefined, 1000);
}

main().catch((err: unknown) => {
  process.stderr.write(`crash child failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
