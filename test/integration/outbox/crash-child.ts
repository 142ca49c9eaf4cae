/**
 * Child process of crash.test.ts: a kiosk that queues submissions in a loop and delivers them to a
 * flapping back end until the parent SIGKILLs it. `ACK <key> <receipt>` is printed only after
 * `enqueue` returned (committed and fsync'd): that is the moment the citizen would see the receipt.
 * stdout is a pipe, written synchronously on Linux, so an ACK the parent reads is never ahead of the disk.
 *
 * Env: OUTBOX_DB, OUTBOX_KEY, BACKEND_URL, CHILD_MODE ('submit' | 'drain'), CHILD_TAG.
 */
import { Dispatcher } from '../../../main/outbox/dispatcher';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { createHttpSender } from '../../../main/outbox/http-sender';
import { Outbox } from '../../../main/outbox/outbox';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing ${name}`);
  return v;
}

async function main(): Promise<void> {
  const outbox = Outbox.open({ path: env('OUTBOX_DB'), keyProvider: new FileKeyProvider(env('OUTBOX_KEY')), receiptPrefix: 'KK01' });
  const base = env('BACKEND_URL');
  const dispatcher = new Dispatcher({
    outbox,
    sender: createHttpSender({ baseUrlFor: () => base, timeoutMs: 500 }),
    backoff: { baseMs: 5, capMs: 60 },
    concurrency: 4,
  });
  dispatcher.start();
  process.stdout.write('READY\n');
  if (env('CHILD_MODE') === 'drain') {
    for (;;) {
      for (const d of outbox.queuedDestinations()) dispatcher.notifyReachable(d);
      if (outbox.status().queued === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await dispatcher.stop();
    outbox.close();
    process.stdout.write('DRAINED\n');
    return;
  }
  const tag = env('CHILD_TAG');
  for (let i = 0; ; i++) {
    const r = outbox.enqueue({ destination: i % 3 === 0 ? 'ward-b' : 'ward-a', kind: 'moving-in', payload: { cycle: `${tag}-${i}`, pad: 'x'.repeat(i % 200) } });
    process.stdout.write(`ACK ${r.idempotencyKey} ${r.receiptNumber}\n`);
    await new Promise((res) => setTimeout(res, Math.random() * 8));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-child failed: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown'}\n`);
  process.exit(2);
});
