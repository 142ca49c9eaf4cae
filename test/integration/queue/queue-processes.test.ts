import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PublicTicketStatus } from '../../../contract/queue-api';
import { startTestPostgres } from '../../support/postgres-server';
import { call } from '../backend/helpers/ward-client';

const root = join(__dirname, '..', '..', '..');
const ca = readFileSync(join(root, 'fixtures', 'pki', 'kiosk', 'city-ca.cert.pem'), 'utf8');

/** `npm run queue` as its own process; resolves with its URL once it prints it. */
async function startQueueProcess(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'queue', 'server-cli.ts'), '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MADOGUCHI_LOG_LEVEL: 'silent', QUEUE_DATABASE_URL: databaseUrl },
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    if (/^https:\/\/127\.0\.0\.1:\d+$/.test(line)) return { child, url: line };
  }
  throw new Error('the queue process printed no URL');
}

async function stopByPid(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

test('two queue processes on one PostgreSQL server share one numbering; a killed one loses nothing; each stops on SIGTERM', async () => {
  const pg = await startTestPostgres();
  const children: ChildProcess[] = [];
  try {
    const a = await startQueueProcess(pg.connectionString);
    children.push(a.child);
    const b = await startQueueProcess(pg.connectionString);
    children.push(b.child);
    const taken: PublicTicketStatus[] = [];
    for (let i = 0; i < 6; i++) {
      const url = i % 2 === 0 ? a.url : b.url;
      const r = await call(`${url}/v1/wards/yahatanishi/tickets`, { ca, body: { service: 'certificates' } });
      assert.equal(r.status, 201);
      taken.push(r.body as PublicTicketStatus);
    }
    // Real time here: should the run straddle midnight in Japan, each day counts from 1 on its own.
    const days = [...new Set(taken.map((t) => t.day))];
    for (const day of days) {
      const numbers = taken.filter((t) => t.day === day).map((t) => t.number);
      assert.deepEqual(
        numbers,
        numbers.map((_, i) => i + 1),
        `numbers of ${day}`,
      );
    }
    assert.equal(await stopByPid(a.child), 0);

    // A process killed outright loses nothing: every answered ticket was committed, and the next
    // process carries on from the database alone.
    b.child.kill('SIGKILL');
    await once(b.child, 'exit');
    const c = await startQueueProcess(pg.connectionString);
    children.push(c.child);
    const last = taken.at(-1)!;
    const again = await call(`${c.url}/v1/tickets/${last.id}`, { ca });
    assert.deepEqual([again.status, (again.body as PublicTicketStatus).number], [200, last.number]);
    const next = await call(`${c.url}/v1/wards/yahatanishi/tickets`, { ca, body: { service: 'certificates' } });
    const n = next.body as PublicTicketStatus;
    if (n.day === last.day) assert.equal(n.number, last.number + 1);
    assert.equal(await stopByPid(c.child), 0);
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await pg.stop();
  }
});
