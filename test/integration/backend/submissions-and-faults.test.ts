import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { submissionReceiptSchema } from '../../../contract/ward-api';
import { startWardBackend } from '../../../backend/start-ward-backend';
import { call } from './helpers/ward-client';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

const form = (n: number) => ({
  kind: 'jumin-ido-todoke',
  destination: 'kokurakita',
  localReceiptNumber: `KK01-20251201-${String(n).padStart(4, '0')}`,
  payload: { reason: 'moving-in', members: 2 },
});
const rows = (b: TestBackend, key: string) =>
  (b.handle.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key = ?').get(key) as { n: number }).n;

describe('ward back end: submissions and fault injection', () => {
  let b: TestBackend;
  before(async () => {
    b = await startTestBackend();
  });
  after(() => b.handle.stop());
  afterEach(() => b.handle.faults!.clear());

  test('a submission gets a receipt; the same key returns the same receipt and stores one row', async () => {
    const h = { 'idempotency-key': 'sub-key-000001' };
    const first = await b.api('/v1/submissions', { body: form(1), headers: h });
    assert.equal(first.status, 201);
    const receipt = submissionReceiptSchema.parse(first.body);
    assert.match(receipt.receiptNumber, /^40106-\d{8}-000001$/);
    const again = await b.api('/v1/submissions', { body: form(1), headers: h });
    assert.equal(again.status, 200);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal(rows(b, 'sub-key-000001'), 1);
    const lookup = await b.api(`/v1/submissions/${receipt.receiptNumber}`);
    assert.deepEqual(lookup.body, first.body);
    assert.equal((await b.api('/v1/submissions/40106-20000101-999999')).status, 404);
  });

  test('the same key with another body is a 409, not a second submission', async () => {
    const h = { 'idempotency-key': 'sub-key-000002' };
    assert.equal((await b.api('/v1/submissions', { body: form(2), headers: h })).status, 201);
    const clash = await b.api('/v1/submissions', { body: form(3), headers: h });
    assert.equal(clash.status, 409);
    assert.equal((clash.body as { code: string }).code, 'idempotency-key-reused');
    assert.equal(rows(b, 'sub-key-000002'), 1);
  });

  test('validation errors are 4xx with machine-readable bodies', async () => {
    const h = { 'idempotency-key': 'sub-key-000003' };
    const bad = await b.api('/v1/submissions', { body: { kind: 'Bad Kind', payload: {}, extra: 1 }, headers: h });
    assert.equal(bad.status, 400);
    const body = bad.body as { code: string; issues: { path: string }[] };
    assert.equal(body.code, 'validation-failed');
    assert.deepEqual(body.issues.map((i) => i.path).sort(), ['(root)', 'kind']);
    assert.equal((await b.api('/v1/submissions', { body: form(4) })).status, 400);
    assert.equal((await b.api('/v1/submissions', { body: form(4), headers: { 'idempotency-key': 'short' } })).status, 400);
    const big = await b.api('/v1/submissions', { body: { kind: 'x', payload: { blob: 'a'.repeat(70_000) } }, headers: h });
    assert.equal(big.status, 413);
    const text = await b.api('/v1/submissions', { rawBody: 'kind=x', headers: { ...h, 'content-type': 'text/plain' } });
    assert.equal(text.status, 415);
    assert.equal(rows(b, 'sub-key-000003'), 0);
  });

  test('fault http500: the next N requests fail, then service resumes', async () => {
    await b.api('/v1/_faults', { ward: null, body: { mode: 'http500', count: 2 } });
    for (let i = 0; i < 2; i++) {
      const r = await b.api('/v1/health');
      assert.equal(r.status, 500);
      assert.equal((r.body as { code: string }).code, 'injected-fault');
    }
    assert.equal((await b.api('/v1/health')).status, 200);
  });

  test('fault slow: answers are delayed by at least the configured time', async () => {
    await b.api('/v1/_faults', { ward: null, body: { mode: 'slow', delayMs: 300 } });
    const t0 = Date.now();
    assert.equal((await b.api('/v1/health')).status, 200);
    assert.ok(Date.now() - t0 >= 290);
  });

  test('fault drop-after-commit: the socket dies after commit and the retry gets the same receipt', async () => {
    await b.api('/v1/_faults', { ward: null, body: { mode: 'drop-after-commit', count: 1 } });
    const h = { 'idempotency-key': 'sub-key-dropped-1' };
    await assert.rejects(b.api('/v1/submissions', { body: form(9), headers: h }));
    assert.equal(rows(b, 'sub-key-dropped-1'), 1);
    const retry = await b.api('/v1/submissions', { body: form(9), headers: h });
    assert.equal(retry.status, 200);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(rows(b, 'sub-key-dropped-1'), 1);
  });

  test('fault down: connections are refused until the duration passes, on the same URL', async () => {
    const r = await b.api('/v1/_faults', { ward: null, body: { mode: 'down', durationMs: 400 } });
    assert.equal(r.status, 200);
    await new Promise((res) => setTimeout(res, 50));
    await assert.rejects(b.api('/v1/health'), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
    await new Promise((res) => setTimeout(res, 500));
    assert.equal((await b.api('/v1/health')).status, 200);
  });

  test('fault down can be lifted early through the controls', async () => {
    await b.handle.faults!.apply({ mode: 'down', durationMs: 60_000 });
    await assert.rejects(b.api('/v1/health'));
    await b.handle.faults!.clear();
    assert.equal((await b.api('/v1/health')).status, 200);
  });

  test('without faults enabled, /v1/_faults is 403', async () => {
    const plain = await startWardBackend({ jpki: b.pki.trust });
    try {
      const r = await call(`${plain.url}/v1/_faults`, { ca: plain.caCertPem, body: { mode: 'http500', count: 1 } });
      assert.equal(r.status, 403);
      assert.equal(plain.faults, undefined);
    } finally {
      await plain.stop();
    }
  });
});
