/**
 * The kiosk's Chromium launcher: its arguments hold no address or secret and never
 * --no-sandbox; as root it runs Chromium as the unprivileged kiosk-browser user or refuses;
 * the start address goes over the private DevTools pipe; the profile carries the kiosk policies.
 */
import assert from 'node:assert/strict';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { KIOSK_BROWSER_USER, chromiumIdentity, kioskChromiumArgs, kioskProfilePreferences, launchChromium } from '../../../main/browser-shell/launch-chromium';
import { ConfigError } from '../../../main/config/load-config';

const TOKEN = `b.${'5'.repeat(64)}`;
const START_URL = `http://127.0.0.1:40123/#${TOKEN}`;
// As root the test may hand the profile to any uid; as another user only to itself.
const browserUid = process.getuid?.() === 0 ? 4242 : (process.getuid?.() ?? 4242);
const browserGid = process.getgid?.() === 0 ? 4243 : (process.getgid?.() ?? 4243);
const PASSWD = `root:x:0:0:root:/root:/bin/bash\n${KIOSK_BROWSER_USER}:x:${browserUid}:${browserGid}::/nonexistent:/usr/sbin/nologin\n`;

/** A Chromium stand-in: records how it was spawned and answers the DevTools pipe like Chromium 156. */
function fakeChromium() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const received: { id: number; method: string; params: Record<string, unknown> }[] = [];
  const child = Object.assign(new EventEmitter(), {
    stdio: [null, null, null, toBrowser, fromBrowser],
    exitCode: null as number | null,
    killed: false,
    kill() {
      this.killed = true;
      return true;
    },
  });
  let buffered = '';
  const reply = (message: unknown) => fromBrowser.write(`${JSON.stringify(message)}\0`);
  toBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as { id: number; method: string; params: Record<string, unknown> };
      buffered = buffered.slice(end + 1);
      received.push(message);
      reply({ id: message.id, result: message.method === 'Target.createTarget' ? { targetId: 'KIOSK' } : {} });
      if (message.method === 'Target.setDiscoverTargets' && message.params.discover) {
        reply({ method: 'Target.targetCreated', params: { targetInfo: { targetId: 'UI', type: 'browser_ui', url: 'chrome://omnibox-popup.top-chrome/' } } });
        reply({ method: 'Target.targetCreated', params: { targetInfo: { targetId: 'BLANK', type: 'page', url: 'about:blank' } } });
      }
    }
  });
  const spawned: { command: string; args: string[]; options: SpawnOptions }[] = [];
  const spawn = (command: string, args: string[], options: SpawnOptions) => {
    spawned.push({ command, args, options });
    return child as unknown as ChildProcess;
  };
  return { spawn, spawned, received, child };
}

async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error('the launcher did not get there within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('kiosk Chromium launcher', () => {
  test('the arguments carry no address and never --no-sandbox, as root or not, kiosk or maintenance', () => {
    for (const kiosk of [true, false]) {
      const args = kioskChromiumArgs('/tmp/profile', kiosk);
      assert.ok(!args.includes('--no-sandbox'));
      assert.ok(!args.some((a) => a.includes('127.0.0.1') || a.startsWith('--app')));
      assert.ok(args.includes('--remote-debugging-pipe'));
      assert.ok(!args.some((a) => a.startsWith('--remote-debugging-port')), 'no port any local process could reach');
      assert.equal(args.at(-1), 'about:blank');
      assert.equal(args.includes('--kiosk'), kiosk);
    }
  });

  test('the profile policies: devtools off, only the kiosk origin allowed', () => {
    assert.deepEqual(kioskProfilePreferences('http://127.0.0.1:40123'), {
      devtools: { availability: 2 },
      policy: { url_blocklist: ['*'], url_allowlist: ['http://127.0.0.1:40123'] },
    });
  });

  test('a normal user runs Chromium as itself; root runs it as the kiosk-browser user', () => {
    assert.equal(chromiumIdentity(1000, PASSWD), null);
    assert.deepEqual(chromiumIdentity(0, PASSWD), { uid: browserUid, gid: browserGid });
  });

  test('setup creates that user under the name the launcher looks for', () => {
    const script = readFileSync(join(__dirname, '..', '..', '..', 'build', 'scripts', 'system-deps.sh'), 'utf8');
    assert.ok(script.includes(`browser_user=${KIOSK_BROWSER_USER}\n`));
    assert.match(script, /useradd --system [^\n]*"\$browser_user"/);
  });

  test('as root without the kiosk-browser user (or with one that is root) it refuses and says how', () => {
    for (const passwd of ['root:x:0:0:root:/root:/bin/bash\n', `${KIOSK_BROWSER_USER}:x:0:0::/:/bin/sh\n`]) {
      assert.throws(
        () => chromiumIdentity(0, passwd),
        (err: unknown) =>
          err instanceof ConfigError &&
          err.message.includes('build/scripts/system-deps.sh') &&
          err.message.includes(KIOSK_BROWSER_USER) &&
          err.message.includes('--no-browser'),
      );
    }
  });

  test('as root: spawned as the kiosk-browser user, token only over the pipe, blank tab closed, policies in the profile', async () => {
    const chromium = fakeChromium();
    const launched = launchChromium({ startUrl: START_URL, kiosk: true, spawn: chromium.spawn, currentUid: 0, passwd: () => PASSWD });
    try {
      assert.equal(chromium.spawned.length, 1);
      const { args, options } = chromium.spawned[0]!;
      assert.equal(options.uid, browserUid);
      assert.equal(options.gid, browserGid);
      assert.ok(!args.includes('--no-sandbox'));
      const everywhere = JSON.stringify([args, options.env]);
      assert.ok(!everywhere.includes(TOKEN.slice(2)), 'the token is not on the command line or in the environment');
      assert.deepEqual(options.stdio, ['ignore', 'ignore', 'ignore', 'pipe', 'pipe']);

      await until(() => chromium.received.some((m) => m.method === 'Target.setDiscoverTargets' && m.params.discover === false));
      assert.deepEqual(
        chromium.received.map((m) => [m.method, m.params]),
        [
          ['Target.setDiscoverTargets', { discover: true }],
          ['Target.createTarget', { url: START_URL }],
          ['Target.closeTarget', { targetId: 'BLANK' }],
          ['Target.setDiscoverTargets', { discover: false }],
        ],
      );
      const profile = args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
      const prefs = JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8')) as unknown;
      assert.deepEqual(prefs, kioskProfilePreferences('http://127.0.0.1:40123'));
      assert.equal(chromium.child.killed, false);
      chromium.child.emit('exit', 0);
      assert.equal(existsSync(profile), false, 'the throw-away profile is removed');
    } finally {
      launched.close();
    }
  });

  test('a Chromium that refuses to open the page is closed (browser-main then reopens it)', async () => {
    const chromium = fakeChromium();
    chromium.child.stdio[3]!.removeAllListeners('data');
    chromium.child.stdio[3]!.on('data', (chunk: Buffer) => {
      const message = JSON.parse(chunk.toString().replace(/\0$/, '')) as { id: number };
      (chromium.child.stdio[4] as PassThrough).write(`${JSON.stringify({ id: message.id, error: { code: -32000, message: 'Not allowed' } })}\0`);
    });
    launchChromium({ startUrl: START_URL, kiosk: true, spawn: chromium.spawn, currentUid: 1000, passwd: () => PASSWD });
    await until(() => chromium.child.killed);
    chromium.child.emit('exit', null);
  });
});
