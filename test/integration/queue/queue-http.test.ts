import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicTicketStatus } from '../../../contract/queue-api';
import { startQueueServer, type QueueServerHandle } from '../../../queue/start-queue-server';
import { call, clerkIdentity, kioskIdentity, untrustedIdentity, type CallOptions } from '../backend/helpers/ward-client';
import { stillClock } from './helpers/queue-engines';

const ca = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'pki', 'kiosk', 'city-ca.cert.pem'), 'utf8');

describe('queue service over HTTPS with mutual TLS (PGlite)', () => {
  let q: QueueServerHandle;
  const clock = stillClock('2026-03-31T10:45:00+09:00');
  before(async () => {
    q = await startQueueServer({ clock });
  });
  after(() => q.stop());
  const api = (path: string, o: Partial<CallOptions> = {}) => call(`${q.url}${path}`, { ca, ...o });
  const clerk = clerkIdentity();

  test('no client certificate, or one from a foreign CA: the TLS handshake is refused', async () => {
    await assert.rejects(api('/v1/health', { identity: null }));
    await assert.rejects(api('/v1/health', { identity: untrustedIdentity() }));
  });

  test("a kiosk takes a ticket; its status page shows the ticket's own state and no receipt", async () => {
    assert.equal((await api('/v1/health')).status, 200);
    const r = await api('/v1/wards/kokurakita/tickets', { body: { service: 'certificates', receipt: 'R-2026-0001' } });
    assert.equal(r.status, 201);
    const t = r.body as PublicTicketStatus;
    assert.deepEqual([t.number, t.state, t.ahead, t.estimatedWaitMinutes, t.day], [1, 'waiting', 0, 0, '2026-03-31']);
    const status = await api(`/v1/tickets/${t.id}`);
    assert.equal(status.status, 200);
    assert.equal(JSON.stringify(status.body).includes('R-2026-0001'), false);
    const est = (await api('/v1/wards/kokurakita/estimates')).body as { services: { service: string; waiting: number }[] };
    assert.equal(est.services.find((s) => s.service === 'certificates')?.waiting, 1);
  });

  test('a clerk calls next and moves the ticket on; an illegal move is a 409 with its code', async () => {
    const t = (await api('/v1/wards/kokurakita/tickets', { body: { service: 'tax' } })).body as PublicTicketStatus;
    const called = await api('/v1/wards/kokurakita/counters/2/call-next', { method: 'POST', identity: clerk });
    assert.equal(called.status, 200);
    const first = (called.body as { ticket: { id: string; counter: string } }).ticket;
    assert.equal(first.counter, '2');
    const again = await api(`/v1/tickets/${first.id}/transition`, { body: { to: 'called', counter: '1' }, identity: clerk });
    assert.deepEqual([again.status, (again.body as { code: string }).code], [409, 'illegal-transition']);
    const serving = await api(`/v1/tickets/${first.id}/transition`, { body: { to: 'serving' }, identity: clerk });
    assert.equal((serving.body as { ticket: { state: string } }).ticket.state, 'serving');
    assert.equal((await api(`/v1/tickets/${t.id}`)).status, 200);
  });

  test("roles: a kiosk cannot call or move tickets, a clerk's desk cannot take them", async () => {
    const k = await api('/v1/wards/kokurakita/counters/1/call-next', { method: 'POST' });
    assert.deepEqual([k.status, (k.body as { code: string }).code], [403, 'clerk-certificate-required']);
    const c = await api('/v1/wards/kokurakita/tickets', { body: { service: 'certificates' }, identity: clerk });
    assert.deepEqual([c.status, (c.body as { code: string }).code], [403, 'kiosk-certificate-required']);
    assert.equal(
      (await api('/v1/wards/kokurakita/tickets', { body: { service: 'certificates' }, identity: kioskIdentity('kiosk-yahatanishi-01') })).status,
      201,
    );
  });

  test('every body is validated: unknown fields, bad values and non-JSON are typed 4xx answers', async () => {
    const extra = await api('/v1/wards/kokurakita/tickets', { body: { service: 'certificates', name: '山田太郎' } });
    assert.deepEqual([extra.status, (extra.body as { code: string }).code], [400, 'validation-failed']);
    assert.equal(JSON.stringify(extra.body).includes('山田太郎'), false, 'a refused value is never echoed');
    const bad = await api('/v1/wards/kokurakita/tickets', { body: { service: 'Certificates!' } });
    assert.equal((bad.body as { code: string }).code, 'validation-failed');
    const raw = await api('/v1/wards/kokurakita/tickets', { rawBody: '{', headers: { 'content-type': 'application/json' } });
    assert.deepEqual([raw.status, (raw.body as { code: string }).code], [400, 'malformed-json']);
    const unknown = await api('/v1/wards/osaka/tickets', { body: { service: 'certificates' } });
    assert.deepEqual([unknown.status, (unknown.body as { code: string }).code], [404, 'unknown-ward']);
    assert.equal((await api('/v1/tickets/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await api('/v1/wards/kokurakita/tickets')).status, 405);
  });

  test('a reservation is made, looked up and checked in once at the kiosk', async () => {
    const made = await api('/v1/wards/kokurakita/reservations', { body: { service: 'welfare', day: '2026-03-31', slot: '11:00' } });
    assert.equal(made.status, 201);
    const code = (made.body as { code: string }).code;
    assert.equal(((await api(`/v1/wards/kokurakita/reservations/${code}`)).body as { state: string }).state, 'booked');
    const ci = await api('/v1/wards/kokurakita/reservations/check-in', { body: { code } });
    assert.equal(ci.status, 201);
    assert.equal((ci.body as { timing: string }).timing, 'on-time');
    const twice = await api('/v1/wards/kokurakita/reservations/check-in', { body: { code } });
    assert.deepEqual([twice.status, (twice.body as { code: string }).code], [409, 'reservation-already-checked-in']);
  });
});
