import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpSender, interpretResponse } from '../../../main/outbox/http-sender';
import type { OutboxItem } from '../../../main/outbox/sender';
import { startIdempotentSubmissionServer, type IdempotentSubmissionServer } from '../../support/idempotent-submission-server';

const item = (over: Partial<OutboxItem> = {}): OutboxItem => ({
  id: 1,
  receiptNumber: 'KK01-20261128-0001',
  idempotencyKey: 'idem-key-000000000001',
  destination: 'ward-a',
  kind: 'moving-in',
  payload: { form: 'x' },
  attempts: 0,
  createdAt: Date.UTC(2026, 10, 28),
  ...over,
});

describe('interpretResponse (total over any status and body)', () => {
  const b = (v: unknown): Buffer => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));
  const cases: Array<[number, Buffer | undefined, unknown]> = [
    [201, b({ receiptNumber: 'W-1' }), { status: 'delivered', remoteReceipt: 'W-1' }],
    [200, b({ receiptNumber: 'W-1', extra: true }), { status: 'delivered', remoteReceipt: 'W-1' }],
    [200, b({ receiptNumber: '' }), { status: 'retry', reason: 'malformed-success-body' }],
    [200, b({ receiptNumber: 'a b' }), { status: 'retry', reason: 'malformed-success-body' }],
    [200, b('not json'), { status: 'retry', reason: 'malformed-success-body' }],
    [200, undefined, { status: 'retry', reason: 'malformed-success-body' }],
    [200, b([1]), { status: 'retry', reason: 'malformed-success-body' }],
    [422, b({ code: 'validation-failed' }), { status: 'rejected', httpStatus: 422, code: 'validation-failed' }],
    [400, b({ code: 'has spaces' }), { status: 'rejected', httpStatus: 400, code: 'http-400' }],
    [409, undefined, { status: 'rejected', httpStatus: 409, code: 'http-409' }],
    [429, undefined, { status: 'retry', reason: 'http-429' }],
    [408, undefined, { status: 'retry', reason: 'http-408' }],
    [503, b({ code: 'x' }), { status: 'retry', reason: 'http-503' }],
    [302, undefined, { status: 'retry', reason: 'http-302' }],
    [0, undefined, { status: 'retry', reason: 'http-0' }],
  ];
  for (const [status, body, expected] of cases) {
    test(`${status} ${body?.toString() ?? '(no body)'}`, () => assert.deepEqual(interpretResponse(status, body), expected));
  }
});

describe('HTTP sender against a loopback idempotent server', () => {
  let server: IdempotentSubmissionServer;
  before(async () => {
    server = await startIdempotentSubmissionServer();
  });
  after(() => server.close());

  test('posts JSON with the Idempotency-Key header; repeats return the same receipt', async () => {
    const send = createHttpSender({ baseUrlFor: () => server.baseUrl });
    server.mode = 'up';
    const first = await send(item());
    const again = await send(item());
    assert.deepEqual(first, again);
    assert.equal(first.status, 'delivered');
    const stored = server.stored.get('idem-key-000000000001');
    assert.equal(stored?.stores, 1);
    assert.equal(stored?.requests, 2);
    assert.deepEqual(stored?.body, {
      kind: 'moving-in',
      destination: 'ward-a',
      localReceiptNumber: 'KK01-20261128-0001',
      createdAt: '2026-11-28T00:00:00.000Z',
      payload: { form: 'x' },
    });
  });

  test('cut connections, 500s and commits without answer are retries; 422 is a rejection', async () => {
    const send = createHttpSender({ baseUrlFor: () => server.baseUrl });
    server.mode = 'down';
    assert.equal((await send(item({ idempotencyKey: 'idem-key-000000000002' }))).status, 'retry');
    server.mode = 'error500';
    assert.deepEqual(await send(item({ idempotencyKey: 'idem-key-000000000002' })), { status: 'retry', reason: 'http-500' });
    server.mode = 'drop-after-commit';
    assert.equal((await send(item({ idempotencyKey: 'idem-key-000000000002' }))).status, 'retry');
    server.mode = 'reject';
    assert.deepEqual(await send(item({ idempotencyKey: 'idem-key-000000000003' })), { status: 'rejected', httpStatus: 422, code: 'validation-failed' });
    server.mode = 'up';
    const done = await send(item({ idempotencyKey: 'idem-key-000000000002' }));
    assert.equal(done.status, 'delivered');
    assert.equal(server.stored.get('idem-key-000000000002')?.stores, 1);
  });

  test('a refused port and a hanging server are retries, not exceptions', async () => {
    const hanging = http.createServer(() => undefined);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const port = (hanging.address() as AddressInfo).port;
    try {
      const slow = createHttpSender({ baseUrlFor: () => `http://127.0.0.1:${port}`, timeoutMs: 100 });
      assert.deepEqual(await slow(item()), { status: 'retry', reason: 'timeout' });
    } finally {
      hanging.closeAllConnections();
      await new Promise((r) => hanging.close(r));
    }
    const refused = createHttpSender({ baseUrlFor: () => `http://127.0.0.1:${port}` });
    assert.deepEqual(await refused(item()), { status: 'retry', reason: 'unreachable: ECONNREFUSED' });
    const badUrl = createHttpSender({ baseUrlFor: () => 'not a url' });
    assert.deepEqual(await badUrl(item()), { status: 'retry', reason: 'bad-base-url' });
  });
});
