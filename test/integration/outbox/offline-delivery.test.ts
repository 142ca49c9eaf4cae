import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dispatcher } from '../../../main/outbox/dispatcher';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { createHttpSender } from '../../../main/outbox/http-sender';
import { Outbox } from '../../../main/outbox/outbox';
import { startIdempotentSubmissionServer } from '../../support/idempotent-submission-server';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-offline-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('offline → back end returns → delivered exactly once', () => {
  test('queued while down, delivered once when back, nothing resent after a restart', async () => {
    const server = await startIdempotentSubmissionServer('down');
    const open = (): Outbox =>
      Outbox.open({ path: join(dir, 'db', 'outbox.db'), keyProvider: new FileKeyProvider(join(dir, 'keys', 'k')), receiptPrefix: 'KK01' });
    const sender = createHttpSender({ baseUrlFor: () => server.baseUrl, timeoutMs: 2_000 });
    // A long backoff: only notifyReachable can bring the retry forward.
    const backoff = { baseMs: 60_000, capMs: 60_000 };
    let outbox = open();
    let dispatcher = new Dispatcher({ outbox, sender, backoff, random: () => 0.9 });
    dispatcher.start();
    try {
      const a = await dispatcher.submit({ destination: 'ward-a', kind: 'moving-in', payload: { form: 'A' } }, 500);
      assert.equal(a.outcome, 'queued', 'citizen is told: 通信が回復したら自動で送信します');
      assert.match(a.receiptNumber, /^KK01-\d{8}-0001$/);

      // The back end commits but the answer is lost: still only one stored submission afterwards.
      server.mode = 'drop-after-commit';
      dispatcher.notifyReachable('ward-a');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(server.stored.size, 1);
      assert.equal(outbox.receipt(a.receiptNumber)?.state, 'queued');

      server.mode = 'up';
      dispatcher.notifyReachable('ward-a');
      assert.equal(await dispatcher.waitForOutcome(a.receiptNumber, 3_000), 'delivered');
      const stored = server.stored.get(a.idempotencyKey);
      assert.equal(stored?.stores, 1);
      assert.equal(server.stored.size, 1);
      assert.equal(outbox.receipt(a.receiptNumber)?.remoteReceipt, stored?.receiptNumber);

      const b = await dispatcher.submit({ destination: 'ward-a', kind: 'moving-in', payload: { form: 'B' } }, 2_000);
      assert.equal(b.outcome, 'delivered', 'citizen is told: 受け付けました');

      await dispatcher.stop();
      outbox.close();
      const requestsBefore = server.requestCount();
      outbox = open();
      dispatcher = new Dispatcher({ outbox, sender, backoff });
      dispatcher.start();
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(server.requestCount(), requestsBefore, 'delivered submissions are not sent again');
      assert.equal(outbox.status().delivered, 2);
      assert.equal(outbox.receipt(a.receiptNumber)?.payloadStored, false);
    } finally {
      await dispatcher.stop();
      outbox.close();
      await server.close();
    }
  });
});
