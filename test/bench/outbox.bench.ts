/**
 * Outbox benchmark (`npm run bench -- outbox`). Prints, beside peers measured in the same run:
 * 1. durable enqueue latency p50/p99 (Outbox: WAL + synchronous=FULL + AES-GCM) vs a plain
 *    unencrypted better-sqlite3 insert with synchronous=FULL, the same with NORMAL, and a plain
 *    append + fsync of the same bytes;
 * 2. drain rate of a 10,000-item backlog to the reference ward back end (HTTPS + mTLS, SQLite)
 *    (acknowledgements group-committed) vs a raw HTTPS POST loop of as many submissions to the
 *    same back end (no outbox), vs the same drain committing each acknowledgement on its own (the
 *    way it was before group commit), and vs the outbox draining to a bare loopback HTTP server;
 * 3. start-up time with 100,000 queued rows (Outbox.open incl. the read-only quick_check, then
 *    Dispatcher.start) vs a bare better-sqlite3 open + count and vs Outbox.open of an empty outbox.
 * Nothing here asserts a speed.
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import https from 'node:https';
import { join } from 'node:path';
import { startWardBackend } from '../../backend/start-ward-backend';
import { Dispatcher } from '../../main/outbox/dispatcher';
import { FileKeyProvider } from '../../main/outbox/file-key-provider';
import { createHttpSender } from '../../main/outbox/http-sender';
import { Outbox } from '../../main/outbox/outbox';
import { associatedData, seal } from '../../main/outbox/payload-cipher';
import type { Sender } from '../../main/outbox/sender';
import { startIdempotentSubmissionServer } from '../support/idempotent-submission-server';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'madoguchi-outbox-bench-'));
const PAYLOAD = { form: 'moving-in', fields: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, `value-${i}-${'x'.repeat(20)}`])) };
const rows: string[][] = [];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (x: number): string => x.toFixed(2);

function outboxAt(name: string): { open: () => Outbox; path: string; keyPath: string } {
  const path = join(work, name, 'db', 'outbox.db');
  const keyPath = join(work, name, 'keys', 'outbox.key');
  return { path, keyPath, open: () => Outbox.open({ path, keyProvider: new FileKeyProvider(keyPath), receiptPrefix: 'KK01' }) };
}

/** Fills an outbox with `n` queued, properly sealed rows in one transaction (set-up only, not measured). */
function fillBacklog(name: string, n: number, destination: string): { open: () => Outbox } {
  const box = outboxAt(name);
  box.open().close(); // creates schema and key
  const key = readFileSync(box.keyPath);
  const db = new Database(box.path);
  const plain = Buffer.from(JSON.stringify(PAYLOAD));
  const insert = db.prepare(
    'INSERT INTO submissions (receipt_number, idempotency_key, destination, kind, created_at, sealed, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = { idempotencyKey: `bench-${name}-${String(i).padStart(8, '0')}`, receiptNumber: `KK01-20261128-${i + 1}`, destination, kind: 'moving-in' };
      insert.run(id.receiptNumber, id.idempotencyKey, destination, 'moving-in', now, seal(key, associatedData(id), plain), now);
    }
  })();
  db.close();
  return box;
}

function benchEnqueue(n: number): void {
  const box = outboxAt('enqueue').open();
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    box.enqueue({ destination: 'kokurakita', kind: 'moving-in', payload: PAYLOAD });
    lat.push(performance.now() - t);
  }
  box.close();

  const blob = Buffer.alloc(JSON.stringify(PAYLOAD).length + 29, 7);
  /** A plain insert of the same size, unencrypted, no triggers or receipt counter. */
  const plainInserts = (file: string, synchronous: 'FULL' | 'NORMAL'): number[] => {
    const db = new Database(join(work, file));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('CREATE TABLE s (id INTEGER PRIMARY KEY, k TEXT UNIQUE, payload BLOB)');
    const ins = db.prepare('INSERT INTO s (k, payload) VALUES (?, ?)');
    const lat: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      ins.run(`k${i}`, blob);
      lat.push(performance.now() - t);
    }
    db.close();
    return lat;
  };
  const latF = plainInserts('full.db', 'FULL');
  const latN = plainInserts('normal.db', 'NORMAL');

  const fd = openSync(join(work, 'append.log'), 'a');
  const latA: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    writeSync(fd, blob);
    fsyncSync(fd);
    latA.push(performance.now() - t);
  }
  closeSync(fd);
  for (const [label, l] of [
    ['Outbox.enqueue (WAL, FULL, AES-GCM)', lat],
    ['peer: plain unencrypted better-sqlite3 insert, WAL, synchronous=FULL', latF],
    ['peer: the same plain insert, synchronous=NORMAL (not durable)', latN],
    ['peer: append + fsync of the same bytes', latA],
  ] as const) {
    const s = [...l].sort((a, b) => a - b);
    rows.push([`enqueue x${n}: ${label}`, `p50 ${ms(pct(s, 50))} ms`, `p99 ${ms(pct(s, 99))} ms`]);
  }
}

async function drain(label: string, name: string, n: number, destination: string, sender: Sender, concurrency: number, ackGroupSize?: number): Promise<void> {
  const box = fillBacklog(name, n, destination).open();
  const dispatcher = new Dispatcher({ outbox: box, sender, concurrency, backoff: { baseMs: 10, capMs: 200 }, ...(ackGroupSize ? { ackGroupSize } : {}) });
  const t = performance.now();
  dispatcher.start();
  // Polls through the partial index (cheap): `status()` scans the whole table and, every 20 ms,
  // would steal a quarter of the drain's own thread and measure the poll instead of the drain.
  while (box.nextDueAt(destination) !== undefined) await new Promise((r) => setTimeout(r, 20));
  const secs = (performance.now() - t) / 1000;
  await dispatcher.stop();
  const delivered = box.status().delivered;
  box.close();
  rows.push([`drain ${n} (concurrency ${concurrency}): ${label}`, `${(delivered / secs).toFixed(0)} items/s`, `${secs.toFixed(1)} s`]);
}

/**
 * Peer for the drain: the same N submissions POSTed straight to the same back end (same TLS
 * options, same concurrency, fresh idempotency keys), with no outbox: no decrypt, no row updates,
 * no purge. The gap to the outbox drain is what durability costs.
 */
async function rawPostLoop(base: string, tls: https.RequestOptions, n: number, concurrency: number): Promise<void> {
  const url = new URL('v1/submissions', `${base}/`);
  const post = (i: number): Promise<number> =>
    new Promise((resolvePost) => {
      const body = Buffer.from(JSON.stringify({ kind: 'moving-in', destination: 'kokurakita', localReceiptNumber: `RAW-${i}`, payload: PAYLOAD }));
      const req = https.request(
        url,
        {
          ...tls,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length, 'idempotency-key': `raw-peer-${String(i).padStart(8, '0')}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolvePost(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolvePost(0));
      req.end(body);
    });
  let next = 0;
  let ok = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const status = await post(next++);
        if (status >= 200 && status < 300) ok++;
      }
    }),
  );
  const secs = (performance.now() - t) / 1000;
  rows.push([
    `drain ${n} (concurrency ${concurrency}): peer: raw HTTPS POST loop to the same back end, no outbox`,
    `${(ok / secs).toFixed(0)} items/s`,
    `${secs.toFixed(1)} s`,
  ]);
}

async function benchDrain(n: number): Promise<void> {
  const ward = await startWardBackend({ port: 0, host: '127.0.0.1' });
  const pki = join(root, 'fixtures', 'pki', 'kiosk');
  try {
    const tls: https.RequestOptions = {
      ca: readFileSync(join(pki, 'city-ca.cert.pem')),
      cert: readFileSync(join(pki, 'clients', 'kiosk-kokurakita-01.cert.pem')),
      key: readFileSync(join(pki, 'clients', 'kiosk-kokurakita-01.key.pem')),
    };
    const sender = createHttpSender({ baseUrlFor: (d) => ward.wardUrl(d as 'kokurakita'), requestOptions: tls });
    await drain('reference ward back end (HTTPS, mTLS), acknowledgements group-committed', 'drain-ward', n, 'kokurakita', sender, 8);
    await rawPostLoop(ward.wardUrl('kokurakita'), tls, n, 8);
    // The old way, one fsync'd transaction per acknowledgement; a smaller backlog (it is slow).
    const m = Math.min(n, Number(process.env.BENCH_DRAIN_SINGLE ?? 3_000));
    await drain('peer: the same drain, one commit per acknowledgement (ackGroupSize 1)', 'drain-single', m, 'kokurakita', sender, 8, 1);
  } finally {
    await ward.stop();
  }
  const plain = await startIdempotentSubmissionServer('up');
  try {
    await drain('peer: bare loopback HTTP server', 'drain-plain', n, 'kokurakita', createHttpSender({ baseUrlFor: () => plain.baseUrl }), 8);
  } finally {
    await plain.close();
  }
}

async function benchStartup(n: number): Promise<void> {
  const box = fillBacklog('startup', n, 'kokurakita');
  const t = performance.now();
  const outbox = box.open();
  const opened = performance.now();
  const never: Sender = () => new Promise(() => undefined);
  const dispatcher = new Dispatcher({ outbox, sender: never });
  dispatcher.start();
  const started = performance.now();
  const queued = outbox.status().queued;
  void dispatcher.stop();
  outbox.close();
  const t2 = performance.now();
  const raw = new Database(outboxAt('startup').path);
  raw.prepare("SELECT count(*) FROM submissions WHERE state = 'queued'").get() as unknown;
  const rawMs = performance.now() - t2;
  raw.close();
  rows.push([`start-up with ${queued} queued: Outbox.open (incl. quick_check)`, `${ms(opened - t)} ms`, '']);
  rows.push([`start-up with ${queued} queued: + Dispatcher.start (first batch decrypted)`, `${ms(started - t)} ms`, '']);
  rows.push([`start-up: peer bare better-sqlite3 open + count of the same file`, `${ms(rawMs)} ms`, '']);
  const empty = outboxAt('startup-empty');
  empty.open().close(); // created (schema, key) outside the measurement
  const t3 = performance.now();
  empty.open().close();
  rows.push([`start-up: peer Outbox.open of an empty outbox (same checks)`, `${ms(performance.now() - t3)} ms`, '']);
}

async function main(): Promise<void> {
  try {
    benchEnqueue(Number(process.env.BENCH_ENQUEUE ?? 500));
    await benchDrain(Number(process.env.BENCH_DRAIN ?? 10_000));
    await benchStartup(Number(process.env.BENCH_STARTUP ?? 100_000));
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i] ?? 0)).join('  '));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
