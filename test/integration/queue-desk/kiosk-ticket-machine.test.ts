/**
 * The kiosk as the ward queue's ticket machine, against the real queue service (queue/, PGlite in
 * memory, mutual TLS) on the kiosk's clock: waits on the home screen, a walk-in's ticket printed,
 * the 書かない application's ticket carrying its receipt number (what the clerk's desk sees),
 * a reservation checked in, and with the service gone no number at all.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QueueTicket, QueueTicketOutcome } from '../../../contract/queue-desk';
import { call, startTestRuntime, WITH_QUEUE, type TestRuntime } from '../../support/journey-driver';
import { expectStep, reachMoveWithinCityReview } from '../../support/application-driver';
import { movableClock } from '../../support/kiosk-clock';
import { pdfText } from '../../support/pdf-text';

function ticketOf(outcome: QueueTicketOutcome): QueueTicket {
  if (outcome.outcome !== 'ticket') throw new Error(`no ticket: ${JSON.stringify(outcome)}`);
  return outcome.ticket;
}

/** The ticket's id, from its wait-status page URL (the QR). */
const idOf = (t: QueueTicket) => decodeURIComponent(t.statusUrl.split('/').at(-1) ?? '');

describe('kiosk ticket machine against the queue service (PGlite)', () => {
  let runtime: TestRuntime;
  // From 10:00 in Japan on a weekday, at the host's pace: inside the 10:30 slot's check-in window.
  const clock = movableClock('2026-03-31');
  before(async () => {
    runtime = await startTestRuntime(WITH_QUEUE, { clock });
  });
  after(() => runtime?.stop());

  test('the home screen has the waits per service from the start', () => {
    const state = runtime.queue.current();
    assert.equal(state.enabled, true);
    const certificates = state.waits?.find((w) => w.service === 'certificates');
    assert.deepEqual(certificates, { service: 'certificates', nameJa: '証明書', waiting: 0, estimatedWaitMinutes: 0 });
  });

  test("a walk-in's ticket: the queue's number, printed with its counters and wait; the waits move on", async () => {
    const ticket = ticketOf(await call(runtime, 'queue.takeTicket', { service: 'certificates' }));
    assert.deepEqual([ticket.number, ticket.ahead, ticket.counters, ticket.receiptNumber, ticket.printed], [1, 0, ['1番窓口', '2番窓口'], null, true]);
    const status = await runtime.queueService!.store.ticketStatus(idOf(ticket));
    assert.deepEqual([status.ticket.number, status.ticket.service, status.ticket.state], [1, 'certificates', 'waiting']);
    const slip = runtime.devices.sim.printer!.printed.at(-1)!;
    assert.equal(slip.jobName, 'queue-ticket-1');
    const text = pdfText(slip.pdf).replace(/\s+/g, '');
    for (const s of ['番号札', '証明書', '1番窓口・2番窓口', '0人']) assert.ok(text.includes(s), s);
    const second = ticketOf(await call(runtime, 'queue.takeTicket', { service: 'certificates' }));
    assert.deepEqual([second.number, second.ahead], [2, 1]);
    await runtime.queue.refresh();
    assert.equal(runtime.queue.current().waits?.find((w) => w.service === 'certificates')?.waiting, 2);
  });

  test('「このまま窓口へ」 after a 書かない application: a 住民異動 ticket carrying the receipt number', async () => {
    assert.deepEqual(await call(runtime, 'queue.takeApplicationTicket', {}), { outcome: 'unavailable' }, 'no application done: no ticket');
    await reachMoveWithinCityReview(runtime);
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    const ticket = ticketOf(await call(runtime, 'queue.takeApplicationTicket', {}));
    assert.deepEqual([ticket.service, ticket.receiptNumber], ['resident-moves', done.receiptNumber]);
    // What the clerk who calls it sees: the receipt, so the prepared forms open without asking again.
    const called = await runtime.queueService!.store.callNext({ ward: 'kokurakita', counter: '3' });
    assert.deepEqual([called?.id, called?.receipt], [idOf(ticket), done.receiptNumber]);
    assert.ok(pdfText(runtime.devices.sim.printer!.printed.at(-1)!.pdf).includes(done.receiptNumber));
    await call(runtime, 'session.end', { reason: 'complete' });
  });

  test('a reservation checks in by its number: on time ahead of walk-ins; a wrong number is refused with its reason', async () => {
    const walkIn = ticketOf(await call(runtime, 'queue.takeTicket', { service: 'welfare' }));
    // The 10:30 slot checks in on time from 10:00 to 10:40 (the ward's rule): this file runs in that window.
    const r = await runtime.queueService!.store.reserve({ ward: 'kokurakita', service: 'welfare', day: '2026-03-31', slot: '10:30' });
    const ticket = ticketOf(await call(runtime, 'queue.checkIn', { code: r.code }));
    assert.deepEqual([ticket.timing, ticket.ahead, ticket.service], ['on-time', 0, 'welfare']);
    assert.ok(ticket.number > walkIn.number);
    assert.deepEqual(await call(runtime, 'queue.checkIn', { code: r.code }), { outcome: 'refused', code: 'reservation-already-checked-in' });
    const unknown = r.code === '00000000' ? '00000001' : '00000000';
    assert.deepEqual(await call(runtime, 'queue.checkIn', { code: unknown }), { outcome: 'refused', code: 'reservation-not-found' });
  });

  test('with the queue service gone: no number is invented, and the waits are no longer shown', async () => {
    const printedBefore = runtime.devices.sim.printer!.printed.length;
    await runtime.queueService!.stop();
    assert.deepEqual(await call(runtime, 'queue.takeTicket', { service: 'certificates' }), { outcome: 'unavailable' });
    assert.deepEqual(await call(runtime, 'queue.checkIn', { code: '12345678' }), { outcome: 'unavailable' });
    assert.equal(runtime.devices.sim.printer!.printed.length, printedBefore, 'nothing printed');
    await runtime.queue.refresh();
    assert.deepEqual(runtime.queue.current(), { enabled: true, waits: null });
  });
});
