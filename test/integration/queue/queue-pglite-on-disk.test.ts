import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteEngine } from '../../../queue/db/pglite-engine';
import { migrateQueueSchema } from '../../../queue/db/queue-schema';
import { loadQueueConfig } from '../../../queue/queue-config';
import { QueueStore } from '../../../queue/queue-store';
import { stillClock } from './helpers/queue-engines';

test("embedded PGlite kept in a folder: the day's tickets and numbering survive a restart", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-queue-'));
  const clock = stillClock('2026-03-31T09:00:00+09:00');
  try {
    const first = await openPgliteEngine(dir);
    await migrateQueueSchema(first);
    const t = await new QueueStore(first, loadQueueConfig(), clock).takeTicket({ ward: 'kokurakita', service: 'tax' });
    await first.close();

    const second = await openPgliteEngine(dir);
    await migrateQueueSchema(second); // idempotent on an existing database
    const store = new QueueStore(second, loadQueueConfig(), clock);
    assert.equal((await store.ticketStatus(t.ticket.id)).ticket.number, 1);
    assert.equal((await store.takeTicket({ ward: 'kokurakita', service: 'tax' })).ticket.number, 2);
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
