import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { call } from './helpers/ward-client';

const root = join(__dirname, '..', '..', '..');
const ca = readFileSync(join(root, 'fixtures', 'pki', 'kiosk', 'city-ca.cert.pem'), 'utf8');

test('the back end runs as its own process: prints its URL, serves, stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'backend', 'server-cli.ts'), '--port', '0', '--faults'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MADOGUCHI_LOG_LEVEL: 'silent' },
  });
  try {
    const lines = createInterface({ input: child.stdout! });
    let url = '';
    for await (const line of lines) {
      if (/^https:\/\/127\.0\.0\.1:\d+$/.test(line)) {
        url = line;
        break;
      }
    }
    assert.ok(url, 'no URL line');
    const health = await call(`${url}/wards/moji/v1/health`, { ca });
    assert.equal(health.status, 200);
    const fault = await call(`${url}/v1/_faults`, { ca, body: { mode: 'slow', delayMs: 0 } });
    assert.equal(fault.status, 200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
