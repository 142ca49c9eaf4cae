/**
 * Crash test: a kiosk child process queues and delivers submissions while the back end flaps
 * (up / connection cut / 500 / commit-then-cut); the test SIGKILLs it at random moments, restarts
 * it, and in the end lets one child drain the queue. Then: every submission the citizen got a
 * receipt for is delivered exactly once (by idempotency key and by content), nothing is lost, and
 * the back end holds nothing the kiosk does not know.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { Outbox } from '../../../main/outbox/outbox';
import { startIdempotentSubmissionServer, type ServerMode } from '../../support/idempotent-submission-server';

const MIN_ACKS = 200;
const MIN_KILLS = 50;
const ROOT = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-crash-'));
const DB = join(dir, 'db', 'outbox.db');
const KEY = join(dir, 'keys', 'outbox.key');
const CHILD_JS = join(dir, 'crash-child.js');
const children = new Set<ChildProcess>();
// Bundled once: a plain `node` start is ~10x faster than tsx, so more kill cycles fit in the time.
before(async () => {
  await build({ entryPoints: [join(__dirname, 'crash-child.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: CHILD_JS, logLevel: 'error' });
});
after(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<number | null>;
  lines: string[];
}

function startChild(mode: 'submit' | 'drain', tag: string, baseUrl: string, acks: Map<string, string>): Run {
  const child = spawn(process.execPath, [CHILD_JS], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), OUTBOX_DB: DB, OUTBOX_KEY: KEY, BACKEND_URL: baseUrl, CHILD_MODE: mode, CHILD_TAG: tag, MADOGUCHI_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines: string[] = [];
  let buf = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      if (line === 'READY') markReady();
      const m = /^ACK (\S+) (\S+)$/.exec(line);
      if (m?.[1] && m[2]) acks.set(m[1], m[2]);
    }
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolveExit) =>
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== null && code !== 0) process.stderr.write(`child exited ${code}: ${stderr.slice(0, 2000)}\n`);
      resolveExit(code);
    }),
  );
  return { child, ready, exited, lines };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('outbox crash safety', () => {
  test(`SIGKILL at random moments over ≥ ${MIN_ACKS} submit cycles while the back end flaps: nothing lost, nothing duplicated`, { timeout: 170_000 }, async () => {
    const server = await startIdempotentSubmissionServer('up');
    const modes: ServerMode[] = ['up', 'up', 'up', 'down', 'error500', 'drop-after-commit'];
    const flap = setInterval(() => {
      server.mode = modes[Math.floor(Math.random() * modes.length)] ?? 'up';
    }, 120);
    const acks = new Map<string, string>();
    let kills = 0;
    let abnormal = 0;
    try {
      for (let life = 0; acks.size < MIN_ACKS || kills < MIN_KILLS; life++) {
        const mode = life % 5 === 4 ? 'drain' : 'submit';
        const run = startChild(mode, `life${life}`, server.baseUrl, acks);
        // Sometimes kill during start-up (opening, migrating, key loading), usually while running.
        if (Math.random() < 0.15) await sleep(Math.random() * 150);
        else {
          await Promise.race([run.ready, run.exited]);
          await sleep(Math.random() * 500);
        }
        run.child.kill('SIGKILL');
        const code = await run.exited;
        if (code !== null && code !== 0) abnormal++;
        kills++;
      }
      clearInterval(flap);
      server.mode = 'up';
      const drain = startChild('drain', 'final', server.baseUrl, acks);
      let guard: NodeJS.Timeout | undefined;
      const code = await Promise.race([drain.exited, new Promise<'timeout'>((r) => (guard = setTimeout(() => r('timeout'), 60_000)))]);
      clearTimeout(guard);
      assert.equal(code, 0, 'the final drain finishes');
      assert.ok(drain.lines.includes('DRAINED'));
    } finally {
      clearInterval(flap);
      await server.close();
    }

    assert.equal(abnormal, 0, 'no child failed on its own (e.g. a locked or corrupt database after a kill)');
    assert.ok(acks.size >= MIN_ACKS, `${acks.size} acknowledged submissions`);
    assert.ok(kills >= MIN_KILLS);

    // Every receipt shown to a citizen names a submission the back end stored exactly once.
    for (const [key, receipt] of acks) {
      const s = server.stored.get(key);
      assert.ok(s, `acknowledged ${receipt} reached the back end`);
      assert.equal(s.stores, 1);
      assert.equal((s.body as { localReceiptNumber: string }).localReceiptNumber, receipt);
    }
    // Nothing duplicated by content either: each cycle id was stored under exactly one key.
    const cycles = [...server.stored.values()].map((s) => (s.body as { payload: { cycle: string } }).payload.cycle);
    assert.equal(new Set(cycles).size, cycles.length, 'no submission stored twice under different keys');

    // The kiosk's own record agrees: all delivered, the receipts match, nothing left or dead.
    const outbox = Outbox.open({ path: DB, keyProvider: new FileKeyProvider(KEY), receiptPrefix: 'KK01' });
    try {
      const status = outbox.status();
      assert.equal(status.queued, 0);
      assert.equal(status.deadLetters, 0);
      assert.equal(status.delivered, server.stored.size, 'the back end holds exactly the rows the kiosk committed');
      for (const [key, s] of server.stored) {
        const local = outbox.receipt((s.body as { localReceiptNumber: string }).localReceiptNumber);
        assert.equal(local?.idempotencyKey, key);
        assert.equal(local?.state, 'delivered');
        assert.equal(local?.remoteReceipt, s.receiptNumber);
        assert.equal(local?.payloadStored, false);
      }
    } finally {
      outbox.close();
    }
    process.stdout.write(`# crash test: ${kills} kills, ${acks.size} acknowledged, ${server.stored.size} stored, ${server.requestCount()} requests\n`);
  });
});
