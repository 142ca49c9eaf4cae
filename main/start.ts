/**
 * `npm start`: runs the kiosk in Electron when its runtime is installed, otherwise in the
 * browser shell, and says which in one line. Both load the identical renderer bundle.
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

function main(): void {
  const argv = process.argv.slice(2);
  const forced = process.env.MADOGUCHI_SHELL;
  const electron = forced === 'browser' ? null : findElectronBinary();
  if (electron) {
    console.log('Madoguchi: starting the Electron shell.');
    const child = spawn(electron, [join(__dirname, 'electron-main.js'), ...argv], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  const demo = argv.includes(DEMO_FLAG)
    ? ` in demo mode (${DEMO_FLAG}: the demo back end, TEST keys, simulators and demo passcode are allowed)`
    : '';
  console.log(
    forced === 'browser'
      ? `Madoguchi: starting the browser shell (MADOGUCHI_SHELL=browser)${demo}.`
      : `Madoguchi: Electron's runtime is not installed here, so starting the browser shell (system Chromium)${demo}.`,
  );
  runBrowserShell(process.argv).catch((err: unknown) => {
    const failure = describeStartupFailure(err);
    console.error(failure.text);
    process.exit(failure.exitCode);
  });
}

main();
