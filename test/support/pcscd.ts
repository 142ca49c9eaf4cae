/**
 * pcscd for integration tests (no systemd here): start it if it is not running, restart it for
 * fault tests, stop the one we started. Readers come from the vsmartcard vpcd driver
 * (/etc/reader.conf.d/vpcd, one entry, port 0x8C7B): pcscd shows two readers,
 * "Virtual PCD 00 00" (vpcd port 35963) and "Virtual PCD 00 01" (port 35964).
 *
 * pcscd is one system-wide daemon and test files run in parallel processes: the first
 * ensurePcscd() of a process takes a cross-process lock (a directory holding the owner's pid)
 * and keeps it until the process exits, so test files using pcscd (and restarting it) run one
 * after another instead of pulling the daemon from under each other. A lock left by a dead
 * process is taken over.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Reader names of the two vpcd slots, by vpcd port. */
export const VPCD_READERS = { 35963: 'Virtual PCD 00 00', 35964: 'Virtual PCD 00 01' } as const;

let owned: ChildProcess | null = null;
let lockHeld = false;
const LOCK_DIR = join(tmpdir(), 'madoguchi-pcscd.lock');

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK_DIR);
  } catch {
    const holder = Number(existsSync(join(LOCK_DIR, 'pid')) ? readFileSync(join(LOCK_DIR, 'pid'), 'utf8') : NaN);
    if (Number.isInteger(holder) && pidAlive(holder)) return false;
    // Stale (holder gone) or half-written: take it over.
    rmSync(LOCK_DIR, { recursive: true, force: true });
    try {
      mkdirSync(LOCK_DIR);
    } catch {
      return false;
    }
  }
  writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
  return true;
}

/** Takes the cross-process pcscd lock for the rest of this process (waits up to 5 minutes). */
async function holdPcscdLock(): Promise<void> {
  if (lockHeld) return;
  await waitFor(tryLock, 300_000, 'another test process to finish with pcscd');
  lockHeld = true;
  process.once('exit', () => {
    // A pcscd we started must not outlive the test process; then let the next one in.
    if (owned && owned.exitCode === null) owned.kill('SIGTERM');
    rmSync(LOCK_DIR, { recursive: true, force: true });
  });
}

/** pid of a running pcscd, or null. */
function runningPcscdPid(): number | null {
  const r = spawnSync('pgrep', ['-x', 'pcscd'], { encoding: 'utf8' });
  const pid = Number(r.stdout.trim().split('\n')[0]);
  return r.status === 0 && Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Reader names pcscd lists now (empty when pcscd is not answering). */
export function listReaders(): string[] {
  const r = spawnSync('pcsc_scan', ['-r'], { encoding: 'utf8', timeout: 3000 });
  if (r.status !== 0) return [];
  return r.stdout
    .split('\n')
    .map((l) => /^\d+: (.+)$/.exec(l.trim())?.[1])
    .filter((n): n is string => !!n);
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startPcscd(): void {
  if (process.getuid?.() !== 0) {
    throw new Error('pcscd is not running and these tests are not root: start it with `sudo pcscd` (vsmartcard-vpcd installed) and re-run');
  }
  if (!existsSync('/etc/reader.conf.d/vpcd')) throw new Error('vsmartcard-vpcd is not installed (no /etc/reader.conf.d/vpcd)');
  // Foreground so we own the process and can stop it by pid; no --auto-exit so it stays up between tests.
  const child = spawn('pcscd', ['--foreground'], { stdio: 'ignore' });
  child.on('exit', () => {
    if (owned === child) owned = null;
  });
  owned = child;
}

/** Makes sure pcscd runs and shows the vpcd readers; starts it (as root) if needed. */
export async function ensurePcscd(): Promise<void> {
  await holdPcscdLock();
  if (runningPcscdPid() === null) startPcscd();
  await waitFor(() => listReaders().includes(VPCD_READERS[35963]), 5000, 'pcscd to list the vpcd reader');
}

/** Stops the pcscd this process started (a pcscd started by someone else is left alone). */
export async function stopPcscd(): Promise<void> {
  const child = owned;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(force);
  await waitFor(() => runningPcscdPid() === null, 3000, 'pcscd to exit');
}

/**
 * Fault tests: kills pcscd and starts it again, waiting for the readers. Kills the pcscd this
 * process owns, or else the one in /run/pcscd/pcscd.pid.
 */
export async function restartPcscd(): Promise<void> {
  await holdPcscdLock();
  if (owned) {
    await stopPcscd();
  } else {
    const pidFile = '/run/pcscd/pcscd.pid';
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : runningPcscdPid();
    if (pid) {
      process.kill(pid, 'SIGTERM');
      await waitFor(() => runningPcscdPid() === null, 3000, 'pcscd to exit');
    }
  }
  await ensurePcscd();
}
