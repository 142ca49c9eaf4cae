/**
 * A project script run as its own Node process (a simulator, the reference back end), for tests
 * and benchmarks that need it out of the kiosk's process. Started in its own process group and
 * stopped by its pid, children included; never by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(__dirname, '..', '..');

export interface NodeService {
  readonly child: ChildProcess;
  readonly pid: number;
  /** The match of `ready` on the line that announced the service. */
  readonly ready: RegExpMatchArray;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `script` (a path from the project root) with tsx and resolves once a stdout line matches
 * `ready`; rejects if it exits first or says nothing matching within `timeoutMs`.
 */
export async function startNodeService(script: string, args: string[], ready: RegExp, timeoutMs = 30_000): Promise<NodeService> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    detached: true, // its own process group, so stop() reaches its children too
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MADOGUCHI_LOG_LEVEL: process.env.MADOGUCHI_LOG_LEVEL ?? 'warn' },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${script} did not start`);
  const stop = async (graceMs = 5_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const lines = createInterface({ input: child.stdout! });
  try {
    const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} was not ready within ${timeoutMs} ms`)), timeoutMs);
      lines.on('line', (line) => {
        const m = ready.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`${script} exited before it was ready`));
      });
    });
    // Later output is read and dropped, so a chatty service never blocks on a full pipe.
    return { child, pid, ready: match, stop };
  } catch (err) {
    lines.close();
    await stop(0);
    throw err;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Resident set size of a process in bytes, from /proc (Linux), or null once it is gone. */
export async function rssOf(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kb = status && /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return kb ? Number(kb[1]) * 1024 : null;
}
