/**
 * Group commit's crash window: the back end acknowledged, the kiosk died before the group holding
 * the acknowledgement was committed. After the restart those rows are still queued with their
 * payloads, are resent under the same idempotency keys, and the back end answers with the same
 * receipts: nothing stored twice, the kiosk's record ends with the back end's receipt. (The SIGKILL
 * crash test covers the same window among its random kills; this one lands in it every time.)
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../platform/clock';
import { Dispatcher } from '../../../main/outbox/dispatcher';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { createHttpSender } from '../../../main/outbox/http-sender';
import { Outbox } from '../../../main/outbox/outbox';
import type { SendResult, Sender } from '../../../main/outbox/sender';
import { startIdempotentSubmissionServer } from '../../support/idempotent-submission-server';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-uncommitted-acks-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Real time, but timers that do not hold the process open (the "crashed" dispatcher is abandoned). */
const unrefClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

describe('acknowledgements not yet committed when the kiosk dies', () => {
  test('are resent after the restart under the same keys and get the same receipts', { timeout: 30_000 }, async () => {
    const server = await startIdempotentSubmissionServer('up');
    const open = (): Outbox =>
      Outbox.open({ path: join(dir, 'db', 'outbox.db'), keyProvider: new FileKeyProvider(join(dir, 'keys', 'k')), receiptPrefix: 'KK01' });
    const http = createHttpSender({ baseUrlFor: () => server.baseUrl, timeoutMs: 2_000 });
    let outbox = open();
    try {
      // One send that never ends keeps the queue busy, so only the (hour-long) group delay could commit.
      const firstLife: Sender = (item) => (item.kind === 'slow' ? new Promise<SendResult>(() => undefined) : http(item));
      const crashed = new Dispatcher({ outbox, sender: firstLife, clock: unrefClock, ackGroupMs: 3_600_000 });
      crashed.start();
      outbox.enqueue({ destination: 'ward-a', kind: 'slow', payload: { n: 0 } });
      const receipts = [1, 2, 3, 4, 5].map((n) => outbox.enqueue({ destination: 'ward-a', kind: 'moving-in', payload: { n } }));
      const end = Date.now() + 10_000;
      while (server.stored.size < 5 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      assert.equal(server.stored.size, 5, 'the back end stored and acknowledged all five');
      for (const r of receipts) assert.equal(outbox.receipt(r.receiptNumber)?.state, 'queued', 'acknowledgement held in the group');

      // "Crash": the database goes away under the dispatcher (abandoned, never stopped); its group is never committed.
      outbox.close();

      outbox = open();
      for (const r of receipts) {
        const local = outbox.receipt(r.receiptNumber);
        assert.equal(local?.state, 'queued');
        assert.equal(local?.payloadStored, true, 'payload kept until an acknowledgement is committed');
      }
      const restarted = new Dispatcher({ outbox, sender: http });
      restarted.start();
      try {
        for (const r of receipts) {
          assert.equal(await restarted.waitForOutcome(r.receiptNumber, 5_000), 'delivered');
          const stored = server.stored.get(r.idempotencyKey);
          assert.equal(stored?.stores, 1, 'stored once');
          assert.equal(stored?.requests, 2, 'sent twice: before the crash and after it');
          const local = outbox.receipt(r.receiptNumber);
          assert.equal(local?.remoteReceipt, stored?.receiptNumber, 'the same receipt as the first answer');
          assert.equal(local?.payloadStored, false, 'purged once the acknowledgement is committed');
        }
      } finally {
        await restarted.stop();
      }
      assert.equal(server.stored.size, 6, 'five resent submissions plus the slow one, each stored once');
    } finally {
      outbox.close();
      await server.close();
    }
  });
});
