/**
 * Opens the renderer in the system Chromium in app/kiosk mode, with a throw-away profile.
 *
 * The flags keep Chromium from reaching the network on its own (this is a kiosk, and on
 * closed networks those attempts are refused many times a second), and from showing
 * prompts, translation bars or crash bubbles to a citizen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.MADOGUCHI_CHROMIUM ?? '/usr/bin/chromium';

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

export function kioskChromiumArgs(url: string, profileDir: string, kiosk: boolean): string[] {
  const args = [
    ...QUIET_CHROMIUM_FLAGS,
    `--user-data-dir=${profileDir}`,
    `--app=${url}`,
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--deny-permission-prompts',
    '--autoplay-policy=user-gesture-required',
  ];
  if (kiosk) args.push('--kiosk');
  // Chromium refuses to run as root without this; a deployed kiosk runs as an unprivileged user.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

export interface LaunchedBrowser {
  readonly process: ChildProcess;
  close(): void;
}

export function launchChromium(url: string, kiosk: boolean): LaunchedBrowser {
  const profileDir = mkdtempSync(join(tmpdir(), 'madoguchi-chromium-'));
  const child = spawn(CHROMIUM_PATH, kioskChromiumArgs(url, profileDir, kiosk), { stdio: 'ignore' });
  const cleanup = () => rmSync(profileDir, { recursive: true, force: true });
  child.once('exit', cleanup);
  return {
    process: child,
    close: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
