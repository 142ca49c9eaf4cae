/**
 * The queue store's behaviour, one test body for both engines (PGlite and a PostgreSQL server):
 * numbering per ward and Japanese day, the state table enforced by the database, estimates,
 * reservations, and correctness with many clients at once.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadQueueConfig } from '../../../../queue/queue-config';
import { QueueError } from '../../../../queue/queue-errors';
import { PRIORITY_AHEAD, PRIORITY_WALK_IN, QueueStore } from '../../../../queue/queue-store';
import { IllegalTransitionError } from '../../../../queue/ticket-states';
import { stillClock, type TestDatabase } from './queue-engines';

const config = loadQueueConfig();

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => err instanceof QueueError && err.code === code);
}

export function queueStoreSuite(name: string, open: () => Promise<TestDatabase>): void {
  describe(`queue store on ${name}`, () => {
    let db: TestDatabase;
    const clock = stillClock('2026-03-31T10:00:00+09:00');
    let store: QueueStore;
    before(async () => {
      db = await open();
      store = new QueueStore(await db.connect(), config, clock);
    });
    after(() => db.stop());
    beforeEach(async () => {
      await db.reset();
      clock.set('2026-03-31T10:00:00+09:00');
    });

    test('numbers count up per ward from 1, independently for each ward', async () => {
      const a1 = await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      const a2 = await store.takeTicket({ ward: 'kokurakita', service: 'resident-moves' });
      const b1 = await store.takeTicket({ ward: 'yahatanishi', service: 'certificates' });
      assert.deepEqual([a1.ticket.number, a2.ticket.number, b1.ticket.number], [1, 2, 1]);
      assert.equal(a1.ticket.state, 'waiting');
      assert.equal(a1.ticket.day, '2026-03-31');
    });

    test('the day restarts at midnight in Japan: 23:59:59 JST is still the old day, 00:00:00 JST the new one', async () => {
      clock.set('2026-03-31T23:59:58+09:00');
      await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      clock.set('2026-03-31T14:59:59Z'); // 23:59:59 JST
      const last = await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      clock.set('2026-03-31T15:00:00Z'); // 00:00:00 JST on 4月1日
      const first = await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      assert.deepEqual([last.ticket.day, last.ticket.number], ['2026-03-31', 2]);
      assert.deepEqual([first.ticket.day, first.ticket.number], ['2026-04-01', 1]);
      // Yesterday's waiting tickets are not today's queue: nobody is ahead of the new day's first.
      assert.equal(first.ahead, 0);
    });

    test('a ticket goes waiting → called → serving → done; a move the table forbids is refused and changes nothing', async () => {
      const t = await store.takeTicket({ ward: 'kokurakita', service: 'certificates', receipt: 'R-0001' });
      const called = await store.callNext({ ward: 'kokurakita', counter: '1' });
      assert.equal(called?.id, t.ticket.id);
      assert.equal(called?.state, 'called');
      assert.equal(called?.counter, '1');
      await assert.rejects(
        store.transition({ id: t.ticket.id, to: 'done' }),
        (err: unknown) => err instanceof IllegalTransitionError && err.from === 'called' && err.to === 'done',
      );
      clock.set('2026-03-31T10:01:00+09:00');
      assert.equal((await store.transition({ id: t.ticket.id, to: 'serving' })).ticket.state, 'serving');
      clock.set('2026-03-31T10:11:00+09:00');
      const done = (await store.transition({ id: t.ticket.id, to: 'done' })).ticket;
      assert.deepEqual([done.state, done.receipt, done.finishedAt! - done.servingAt!], ['done', 'R-0001', 600_000]);
      await assert.rejects(
        store.transition({ id: t.ticket.id, to: 'called', counter: '1' }),
        (err: unknown) => err instanceof IllegalTransitionError && err.from === 'done',
      );
      assert.equal((await store.ticketStatus(t.ticket.id)).ticket.state, 'done');
      await rejectsWith(store.ticketStatus('00000000-0000-4000-8000-000000000000'), 'ticket-not-found');
    });

    test("call next takes only the counter's services, by priority then number, and answers null when none wait", async () => {
      const moves = await store.takeTicket({ ward: 'kokurakita', service: 'resident-moves' });
      const cert = await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      assert.equal((await store.callNext({ ward: 'kokurakita', counter: '1' }))?.id, cert.ticket.id);
      assert.equal(await store.callNext({ ward: 'kokurakita', counter: '1' }), null);
      assert.equal((await store.callNext({ ward: 'kokurakita', counter: '3' }))?.id, moves.ticket.id);
      await rejectsWith(store.callNext({ ward: 'kokurakita', counter: '99' }), 'unknown-counter');
      await rejectsWith(store.takeTicket({ ward: 'kokurakita', service: 'fishing-licence' }), 'unknown-service');
      await rejectsWith(store.takeTicket({ ward: 'moji', service: 'certificates' }), 'unknown-ward');
    });

    test('a transfer ends the ticket and queues a linked one for the other service ahead of walk-ins', async () => {
      const walkIn = await store.takeTicket({ ward: 'kokurakita', service: 'insurance-pension' });
      const t = await store.takeTicket({ ward: 'kokurakita', service: 'resident-moves', receipt: 'R-0002' });
      await store.callNext({ ward: 'kokurakita', counter: '3' });
      await store.transition({ id: t.ticket.id, to: 'serving' });
      await rejectsWith(store.transition({ id: t.ticket.id, to: 'transferred' }), 'transfer-target-required');
      const { ticket, transferredTicket } = await store.transition({ id: t.ticket.id, to: 'transferred', transferTo: 'insurance-pension' });
      assert.deepEqual([ticket.state, ticket.transferredTo], ['transferred', 'insurance-pension']);
      assert.deepEqual([transferredTicket?.transferredFrom, transferredTicket?.receipt, transferredTicket?.priority], [t.ticket.id, 'R-0002', PRIORITY_AHEAD]);
      assert.equal((await store.callNext({ ward: 'kokurakita', counter: '5' }))?.id, transferredTicket?.id);
      assert.equal((await store.ticketStatus(walkIn.ticket.id)).ahead, 0);
    });

    test("estimates start from the prior and follow the day's own service times", async () => {
      const before = (await store.estimates('kokurakita')).find((e) => e.service === 'certificates')!;
      assert.deepEqual([before.serviceMinutes, before.waiting, before.counters, before.estimatedWaitMinutes], [5, 0, 2, 0]);
      // One citizen at a certificates counter for 35 minutes: (5·5 + 35) / 6 = 10 minutes.
      const t = await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      await store.callNext({ ward: 'kokurakita', counter: '1' });
      await store.transition({ id: t.ticket.id, to: 'serving' });
      clock.set('2026-03-31T10:35:00+09:00');
      await store.transition({ id: t.ticket.id, to: 'done' });
      for (let i = 0; i < 3; i++) await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      const after = (await store.estimates('kokurakita')).find((e) => e.service === 'certificates')!;
      assert.deepEqual([after.serviceMinutes, after.waiting], [10, 3]);
      // A new ticket has 3 ahead shared by 2 counters: ceil(3/2) · 10 minutes.
      assert.equal(after.estimatedWaitMinutes, 20);
      const fourth = await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      assert.deepEqual([fourth.ahead, fourth.estimatedWaitMinutes], [3, 20]);
      // Another ward's day is its own: its estimate is still the prior.
      assert.equal((await store.estimates('yahatanishi')).find((e) => e.service === 'certificates')!.serviceMinutes, 5);
    });

    test("reservations: capacity per slot, and check-in placed by the ward's rule", async () => {
      const slot = { ward: 'kokurakita', service: 'welfare', day: '2026-03-31', slot: '11:00' };
      const r1 = await store.reserve(slot);
      await store.reserve(slot);
      await rejectsWith(store.reserve(slot), 'slot-full');
      await rejectsWith(store.reserve({ ...slot, slot: '11:10' }), 'slot-invalid');
      await rejectsWith(store.reserve({ ...slot, slot: '09:30' }), 'slot-invalid'); // already past at 10:00
      await rejectsWith(store.reserve({ ...slot, day: '2026-04-31' }), 'slot-invalid'); // no such day
      await rejectsWith(store.reserve({ ...slot, service: 'certificates' }), 'reservation-not-offered');
      const tomorrow = await store.reserve({ ...slot, day: '2026-04-01' });
      assert.match(r1.code, /^\d{8}$/);

      await rejectsWith(store.checkIn({ ward: 'kokurakita', code: r1.code }), 'check-in-too-early'); // 10:00 < 10:30
      const walkIn = await store.takeTicket({ ward: 'kokurakita', service: 'welfare' });
      clock.set('2026-03-31T10:45:00+09:00');
      const on = await store.checkIn({ ward: 'kokurakita', code: r1.code, kiosk: 'kiosk-kokurakita-01' });
      assert.deepEqual([on.timing, on.status.ticket.priority, on.status.ticket.reservationId], ['on-time', PRIORITY_AHEAD, r1.id]);
      assert.equal(on.status.ahead, 0, 'an on-time reservation goes before the earlier walk-in');
      assert.equal((await store.ticketStatus(walkIn.ticket.id)).ahead, 1);
      await rejectsWith(store.checkIn({ ward: 'kokurakita', code: r1.code }), 'reservation-already-checked-in');
      assert.equal((await store.reservation('kokurakita', r1.code)).ticketId, on.status.ticket.id);
      await rejectsWith(store.checkIn({ ward: 'kokurakita', code: tomorrow.code }), 'reservation-not-today');
      await rejectsWith(store.checkIn({ ward: 'kokurakita', code: '00000000' }), 'reservation-not-found');

      const r2 = await store.reserve({ ...slot, slot: '11:30' });
      clock.set('2026-03-31T11:41:00+09:00'); // 11 minutes after its start: past the 10-minute grace
      const late = await store.checkIn({ ward: 'kokurakita', code: r2.code });
      assert.deepEqual([late.timing, late.status.ticket.priority], ['late', PRIORITY_WALK_IN]);
    });

    test('20 clients taking 10 tickets each at once get the numbers 1..200, each once', async () => {
      const clients = await Promise.all(Array.from({ length: 20 }, async () => new QueueStore(await db.connect(1), config, clock)));
      const numbers = (
        await Promise.all(
          clients.map(async (c, i) => {
            const mine: number[] = [];
            for (let k = 0; k < 10; k++) {
              mine.push((await c.takeTicket({ ward: 'kokurakita', service: 'certificates', kiosk: `kiosk-${i}` })).ticket.number);
            }
            return mine;
          }),
        )
      ).flat();
      assert.deepEqual(
        [...numbers].sort((a, b) => a - b),
        Array.from({ length: 200 }, (_, i) => i + 1),
      );
    });

    test('the same waiting ticket called by 10 clerks at once: exactly one wins, the rest are refused', async () => {
      const t = await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      const clerks = await Promise.all(Array.from({ length: 10 }, async () => new QueueStore(await db.connect(1), config, clock)));
      const results = await Promise.allSettled(clerks.map((c, i) => c.transition({ id: t.ticket.id, to: 'called', counter: i % 2 === 0 ? '1' : '2' })));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(won.length, 1);
      assert.ok(lost.every((r) => r.reason instanceof IllegalTransitionError && r.reason.from === 'called'));
    });

    test('counters calling next at once never get the same ticket', async () => {
      for (let i = 0; i < 3; i++) await store.takeTicket({ ward: 'kokurakita', service: 'certificates' });
      const counters = await Promise.all(Array.from({ length: 6 }, async () => new QueueStore(await db.connect(1), config, clock)));
      const called = await Promise.all(counters.map((c, i) => c.callNext({ ward: 'kokurakita', counter: i % 2 === 0 ? '1' : '2' })));
      const ids = called.filter((t) => t !== null).map((t) => t.id);
      assert.equal(ids.length, 3);
      assert.equal(new Set(ids).size, 3);
    });
  });
}
