/**
 * Child of crash-between-payment-and-print.test.ts: a whole kiosk runtime (simulated card and
 * cash unit in this process; the ward back end and the IPP printer simulator in the parent, so
 * they outlive this process) driven to `paid` or to `printing`. It prints one line once that
 * state is durable in the journal and waits to be SIGKILLed. `accepted` stops the process dead at
 * the moment the printer has accepted the job and the kiosk is about to journal its id (the
 * journal write blocks forever), so the kill lands exactly in that window.
 *
 * `basket-printing` buys two certificates in one sale and is killed while the second is at the
 * printer (the first printed).
 *
 *   crash-kiosk-child.ts <config overlay JSON> paid|printing|accepted|basket-printing
 */
import { writeSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { mergeConfig, parseConfig } from '../../../main/config/load-config';
import { createKioskRuntime } from '../../../main/kiosk-runtime';
import { TRANSACTION_STATES } from '../../../main/journal/journal-states';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { buyBasketOfTwoInCash, buyOneJuminhyoInCash, call } from '../../support/journey-driver';

/** Two certificates paid in one sale, the card taken; reports once the second's job id is journaled. */
async function basketKilledWhilePrinting(runtime: KioskRuntime): Promise<void> {
  await buyBasketOfTwoInCash(runtime);
  const [first, second] = runtime.journal.list(TRANSACTION_STATES);
  if (!first || !second) throw new Error('the basket was not journaled as two sales');
  await call(runtime, 'simulator.removeCard', {});
  for (;;) {
    const tx = runtime.journal.get(second.id);
    if (tx?.state === 'printing' && tx.printJobId !== undefined) {
      process.stdout.write(`BASKET ${first.id} ${first.serial} ${second.id} ${second.serial} ${tx.printJobId}\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main(): Promise<void> {
  const [overlayJson, mode] = process.argv.slice(2);
  if (!overlayJson || (mode !== 'paid' && mode !== 'printing' && mode !== 'accepted' && mode !== 'basket-printing'))
    throw new Error('usage: crash-kiosk-child <overlay> paid|printing|accepted|basket-printing');
  const config = parseConfig(mergeConfig(DEFAULT_CONFIG, JSON.parse(overlayJson)), 'crash child');
  const runtime = await createKioskRuntime(config, 'browser', { takeCertificateMs: 60_000 });
  if (mode === 'basket-printing') {
    await basketKilledWhilePrinting(runtime);
    setInterval(() => undefined, 1000);
    return;
  }
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
