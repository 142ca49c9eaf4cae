/**
 * Starts the kiosk in Electron when its runtime is installed, otherwise in the browser shell,
 * and says which in one line. Both load the identical renderer bundle. Used by `main/start.ts`
 * (a kiosk) and by the demo entry (`demo/start-demo.ts`, `npm start`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBrowserShell } from './browser-shell/browser-main';
import { DEMO_FLAG } from './config/deployment-guard';
import { describeStartupFailure } from './startup-failure';

/** The Electron binary if the `electron` package has downloaded its runtime, else null. */
export function findElectronBinary(): string | null {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim();
    const binary = join(pkgDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export interface ShellLaunch {
  /** The full `process.argv`-like vector (node, script, then the kiosk's flags). */
  argv: readonly string[];
  /** The bundled Electron main (`dist/main/electron-main.js`). */
  electronMain: string;
  /** Runs after the shell has stopped, before the process exits (the demo stops its back end). */
  afterStop?: () => Promise<void>;
}

export function launchKioskShell({ argv, electronMain, afterStop = async () => {} }: ShellLaunch): void {
  const flags = argv.slice(2);
  const forced = process.env.MADOGUCHI_SHELL;
  const electron = forced === 'browser' ? null : findElectronBinary();
  const exit = (code: number) => void afterStop().finally(() => process.exit(code));
  if (electron) {
    console.log('Madoguchi: starting the Electron shell.');
    const child = spawn(electron, [electronMain, ...flags], { stdio: 'inherit' });
    child.on('exit', (code) => exit(code ?? 1));
    // Stopping this process stops the kiosk first (and then whatever `afterStop` stops).
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    return;
  }
  const demo = flags.includes(DEMO_FLAG) ? ` in demo mode (${DEMO_FLAG}: the demo back end, TEST keys, simulators and demo passcode are allowed)` : '';
  console.log(
    forced === 'browser'
      ? `Madoguchi: starting the browser shell (MADOGUCHI_SHELL=browser)${demo}.`
      : `Madoguchi: Electron's runtime is not installed here, so starting the browser shell (system Chromium)${demo}.`,
  );
  runBrowserShell(argv, { afterStop }).catch((err: unknown) => {
    const failure = describeStartupFailure(err);
    console.error(failure.text);
    exit(failure.exitCode);
  });
}
