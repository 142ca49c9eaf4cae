/**
 * The outbox against the reference ward back end (HTTPS + mTLS, its own idempotency and fault
 * injection): down → queued → back → delivered once; commit-then-cut and 500s → still one receipt;
 * a validation error → dead letter with a staff alert.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWardBackend } from '../../../backend/start-ward-backend';
import { Dispatcher, type DeadLetterAlert } from '../../../main/outbox/dispatcher';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { createHttpSender } from '../../../main/outbox/http-sender';
import { Outbox } from '../../../main/outbox/outbox';

const pki = join(__dirname, '../../../fixtures/pki/kiosk');
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-outbox-ward-'));
type Ward = Awaited<ReturnType<typeof startWardBackend>>;
let ward: Ward;
before(async () => {
  ward = await startWardBackend({ port: 0, host: '127.0.0.1', faults: true });
});
after(async () => {
  await ward.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbox → reference ward back end', () => {
  test('outage, lost answers and 500s end in exactly one stored submission per receipt; 4xx is dead-lettered', async () => {
    const outbox = Outbox.open({ path: join(dir, 'db', 'outbox.db'), keyProvider: new FileKeyProvider(join(dir, 'keys', 'k')), receiptPrefix: 'KK01' });
    const alerts: DeadLetterAlert[] = [];
    const dispatcher = new Dispatcher({
      outbox,
      sender: createHttpSender({
        baseUrlFor: (d) => ward.wardUrl(d as 'kokurakita'),
        requestOptions: {
          ca: readFileSync(join(pki, 'city-ca.cert.pem')),
          cert: readFileSync(join(pki, 'clients', 'kiosk-kokurakita-01.cert.pem')),
          key: readFileSync(join(pki, 'clients', 'kiosk-kokurakita-01.key.pem')),
        },
        timeoutMs: 2_000,
      }),
      backoff: { baseMs: 20, capMs: 100 },
      onDeadLetter: (a) => alerts.push(a),
    });
    dispatcher.start();
    const faults = ward.faults;
    assert.ok(faults, 'started with faults: true');
    try {
      await faults.apply({ mode: 'down', durationMs: 600 });
      const a = await dispatcher.submit({ destination: 'kokurakita', kind: 'moving-in', payload: { form: 'A' } }, 200);
      assert.equal(a.outcome, 'queued');
      assert.equal(await dispatcher.waitForOutcome(a.receiptNumber, 10_000), 'delivered');

      await faults.apply({ mode: 'drop-after-commit', count: 2 });
      await faults.apply({ mode: 'http500', count: 1 });
      const b = await dispatcher.submit({ destination: 'kokurakita', kind: 'moving-in', payload: { form: 'B' } }, 10_000);
      assert.equal(b.outcome, 'delivered');
      assert.ok((outbox.receipt(b.receiptNumber)?.attempts ?? 0) >= 2, 'the first answers were lost');
      const remote = outbox.receipt(b.receiptNumber)?.remoteReceipt;
      assert.ok(remote);
      const stored = ward.db.prepare('SELECT receipt_number AS r FROM submissions WHERE idempotency_key = ?').all(b.idempotencyKey) as Array<{ r: string }>;
      assert.deepEqual(stored, [{ r: remote }], 'one stored submission, the receipt the kiosk kept');

      const bad = await dispatcher.submit({ destination: 'kokurakita', kind: 'bad_kind', payload: 1 }, 10_000);
      assert.equal(bad.outcome, 'dead');
      assert.deepEqual(
        alerts.map((x) => [x.receiptNumber, x.httpStatus, x.code]),
        [[bad.receiptNumber, 400, 'validation-failed']],
      );
      assert.equal(outbox.status().delivered, 2);
      assert.equal((ward.db.prepare('SELECT count(*) AS c FROM submissions').get() as { c: number }).c, 2);
    } finally {
      await faults.clear();
      await dispatcher.stop();
      outbox.close();
    }
  });
});
