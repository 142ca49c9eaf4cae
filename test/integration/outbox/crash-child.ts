/**
 * Child process of crash.test.ts: a kiosk that queues submissions and delivers them over mTLS to
 * the reference ward back end until the parent SIGKILLs it. It narrates what it is doing on stdout
 * so the parent can aim its kills and tell afterwards where each one landed:
 *
 * - `OPENING` / `READY`           around `Outbox.open` (file creation, inspection, migration, key check);
 * - `ENQ <n>`                     just before `enqueue` (a kill now lands mid-enqueue or just before);
 * - `ACK <key> <receipt>`         only after `enqueue` returned (committed and fsync'd): the moment
 *                                 the citizen would see the receipt;
 * - `SEND <key>` / `SENT <key> <status>`  around each HTTP attempt (a kill between them is mid-send;
 *                                 after SENT but before the dispatcher's commit is "answer not recorded");
 * - `COMMITTED <key>...`          after a group of acknowledgements was committed (a kill after
 *                                 `SENT <key> delivered` and before this line lands in the group-commit window).
 *
 * stdout is a pipe, written synchronously on Linux, so a line the parent reads is never ahead of
 * what the child did. Payloads are synthetic (no personal data).
 *
 * Env: OUTBOX_DB, OUTBOX_KEY, WARD_URL (origin), PKI_DIR, CHILD_MODE ('submit' | 'drain'),
 * CHILD_TAG, CHILD_SEED (this life's PRNG seed: the gaps between submissions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dispatcher } from '../../../main/outbox/dispatcher';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { createHttpSender } from '../../../main/outbox/http-sender';
import { Outbox } from '../../../main/outbox/outbox';
import type { Sender } from '../../../main/outbox/sender';
import { mulberry32 } from './seeded-random';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing ${name}`);
  return v;
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  say('OPENING');
  const outbox = Outbox.open({ path: env('OUTBOX_DB'), keyProvider: new FileKeyProvider(env('OUTBOX_KEY')), receiptPrefix: 'KK01' });
  const origin = env('WARD_URL');
  const pki = env('PKI_DIR');
  const http = createHttpSender({
    baseUrlFor: (destination) => `${origin}/wards/${destination}`,
    requestOptions: {
      ca: readFileSync(join(pki, 'city-ca.cert.pem')),
      cert: readFileSync(join(pki, 'clients', 'kiosk-kokurakita-01.cert.pem')),
      key: readFileSync(join(pki, 'clients', 'kiosk-kokurakita-01.key.pem')),
    },
    // Shorter than the back end's longest injected slowness: some attempts time out while the
    // back end still commits them, so the retry meets an already stored key.
    timeoutMs: 400,
  });
  const keyOf = new Map<number, string>();
  const markDeliveredMany = outbox.markDeliveredMany.bind(outbox);
  outbox.markDeliveredMany = (acks) => {
    const changed = markDeliveredMany(acks);
    say(`COMMITTED ${acks.map((a) => keyOf.get(a.id) ?? '?').join(' ')}`);
    return changed;
  };
  const sender: Sender = async (item) => {
    keyOf.set(item.id, item.idempotencyKey);
    say(`SEND ${item.idempotencyKey}`);
    const result = await http(item);
    say(`SENT ${item.idempotencyKey} ${result.status}`);
    return result;
  };
  const dispatcher = new Dispatcher({ outbox, sender, backoff: { baseMs: 5, capMs: 80 }, concurrency: 4 });
  dispatcher.start();
  say('READY');
  if (env('CHILD_MODE') === 'drain') {
    for (;;) {
      for (const d of outbox.queuedDestinations()) dispatcher.notifyReachable(d);
      if (outbox.status().queued === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await dispatcher.stop();
    outbox.close();
    say('DRAINED');
    return;
  }
  const tag = env('CHILD_TAG');
  const random = mulberry32(Number(env('CHILD_SEED')));
  for (let i = 0; ; i++) {
    say(`ENQ ${i}`);
    const r = outbox.enqueue({
      destination: random() < 0.34 ? 'yahatanishi' : 'kokurakita',
      kind: 'jumin-ido-todoke',
      payload: { cycle: `${tag}-${i}`, form: 'synthetic-crash-test', fields: { note: 'テスト用の架空データ', pad: 'x'.repeat(i % 200) } },
    });
    say(`ACK ${r.idempotencyKey} ${r.receiptNumber}`);
    await new Promise((res) => setTimeout(res, 2 + random() * 20));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-child failed: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown'}\n`);
  process.exit(2);
});
