/**
 * Opens the renderer in the system Chromium in kiosk mode, with a throw-away profile.
 *
 * Three things keep the session secret and the kiosk safe here:
 * - The start address (with its single-use bootstrap token) is never on Chromium's command
 *   line, where any local user reads it in `ps` or /proc and could race the page to the
 *   token. Chromium starts on about:blank with `--remote-debugging-pipe`, and main opens the
 *   address over that pipe (fds 3 and 4, private to this process; no debugging port is
 *   opened), then closes the blank tab. A file or URL handed over on disk would be readable by
 *   the same user for as long as it exists; the pipe leaves nothing behind.
 * - Chromium is never started with `--no-sandbox`. As root it runs as the unprivileged
 *   system user KIOSK_BROWSER_USER (made by build/scripts/system-deps.sh); without that user
 *   it refuses to start and says how to fix it.
 * - Kiosk policies are written into the fresh profile's Preferences, the per-profile
 *   equivalent of Chromium's managed policies (which only exist system-wide, in
 *   /etc/chromium/policies/managed, and would also bind every other Chromium on the machine,
 *   the tests' included): DeveloperToolsAvailability = 2 (devtools.availability) and
 *   URLBlocklist ["*"] with URLAllowlist [the kiosk's origin] (policy.url_blocklist /
 *   url_allowlist). Checked by hand on Chromium 156: another origin fails with
 *   ERR_BLOCKED_BY_ADMINISTRATOR and attaching devtools to the page is "Not allowed".
 *
 * The quiet flags keep Chromium from reaching the network on its own (on closed networks those
 * attempts are refused many times a second) and from showing prompts or bubbles to a citizen.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createLogger, errorCode } from '../../platform/log';
import { ConfigError } from '../config/load-config';
import { openCdpPipe } from './cdp-pipe';

const log = createLogger('browser-shell');

export const CHROMIUM_PATH = process.env.MADOGUCHI_CHROMIUM ?? '/usr/bin/chromium';

/** The unprivileged system user the kiosk's Chromium runs as when Madoguchi runs as root. */
export const KIOSK_BROWSER_USER = 'madoguchi-browser';

/** Flags for every Chromium the project starts, the kiosk's and the tests'. */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--disable-quic',
  '--metrics-recording-only',
];

/** The kiosk Chromium's arguments. Pure; holds no address and no secret, and never --no-sandbox. */
export function kioskChromiumArgs(profileDir: string, kiosk: boolean): string[] {
  const args = [
    ...QUIET_CHROMIUM_FLAGS,
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-pipe',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--deny-permission-prompts',
    '--autoplay-policy=user-gesture-required',
  ];
  if (kiosk) args.push('--kiosk');
  args.push('about:blank');
  return args;
}

/** The profile's Preferences: the kiosk policies (see the file comment). */
export function kioskProfilePreferences(origin: string): Record<string, unknown> {
  return {
    devtools: { availability: 2 },
    policy: { url_blocklist: ['*'], url_allowlist: [origin] },
  };
}

export interface BrowserIdentity {
  uid: number;
  gid: number;
}

/**
 * Who runs Chromium: the current user (null) unless that is root, then KIOSK_BROWSER_USER
 * from /etc/passwd's text. Throws a ConfigError saying how to fix it when that user is missing.
 */
export function chromiumIdentity(currentUid: number | undefined, passwd: string, user = KIOSK_BROWSER_USER): BrowserIdentity | null {
  if (currentUid !== 0) return null;
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name !== user) continue;
    const identity = { uid: Number(uid), gid: Number(gid) };
    if (Number.isInteger(identity.uid) && identity.uid > 0 && Number.isInteger(identity.gid) && identity.gid > 0) return identity;
  }
  throw new ConfigError(
    `Madoguchi is running as root, and its kiosk Chromium never runs as root (that needs --no-sandbox). ` +
      `Create its unprivileged user with \`sudo bash build/scripts/system-deps.sh\` (adds the system user ${user}) ` +
      `and let it use the display (X11: \`xhost +SI:localuser:${user}\`), or start Madoguchi as a normal user, ` +
      'or pass --no-browser and open the address yourself.',
  );
}

export interface LaunchedBrowser {
  readonly process: ChildProcess;
  close(): void;
}

export interface LaunchOptions {
  /** The start address with its bootstrap token: sent over the pipe, never on the command line. */
  startUrl: string;
  kiosk: boolean;
  /** Seams for tests. */
  spawn?: (command: string, args: string[], options: SpawnOptions) => ChildProcess;
  currentUid?: number;
  passwd?: () => string;
}

export function launchChromium(options: LaunchOptions): LaunchedBrowser {
  const identity = chromiumIdentity(options.currentUid ?? process.getuid?.(), (options.passwd ?? (() => readFileSync('/etc/passwd', 'utf8')))());
  const origin = new URL(options.startUrl).origin;
  const profileDir = mkdtempSync(join(tmpdir(), 'madoguchi-chromium-'));
  mkdirSync(join(profileDir, 'Default'));
  writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify(kioskProfilePreferences(origin)));
  if (identity)
    for (const path of [profileDir, join(profileDir, 'Default'), join(profileDir, 'Default', 'Preferences')]) chownSync(path, identity.uid, identity.gid);

  const spawn = options.spawn ?? nodeSpawn;
  const child = spawn(CHROMIUM_PATH, kioskChromiumArgs(profileDir, options.kiosk), {
    // fd 3: commands to Chromium; fd 4: its answers. Its own output is not ours to print.
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    env: browserEnvironment(profileDir),
    ...(identity ?? {}),
  });
  const cleanup = () => rmSync(profileDir, { recursive: true, force: true });
  child.once('exit', cleanup);
  const close = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  openStartPage(child, options.startUrl).catch((err: unknown) => {
    log.error({ err: errorCode(err) }, 'could not open the kiosk page in Chromium; closing it to try again');
    close();
  });
  return { process: child, close };
}

/** Opens the start address in a new tab and closes the blank one Chromium started with. */
async function openStartPage(child: ChildProcess, startUrl: string): Promise<void> {
  const cdp = openCdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const blank = cdp.waitForEvent('Target.targetCreated', (p) => (p.targetInfo as { type?: string } | undefined)?.type === 'page');
  blank.catch(() => undefined); // awaited below; if a command fails first, its time-out is not an unhandled rejection
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const blankId = ((await blank).targetInfo as { targetId: string }).targetId;
  await cdp.send('Target.createTarget', { url: startUrl });
  await cdp.send('Target.closeTarget', { targetId: blankId });
  await cdp.send('Target.setDiscoverTargets', { discover: false });
}

/** Chromium's environment: the display and locale, a home in its profile (a system user has none). */
function browserEnvironment(profileDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { HOME: profileDir };
  for (const key of ['PATH', 'DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'XDG_RUNTIME_DIR', 'LANG', 'LC_ALL', 'TZ']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  return env;
}
