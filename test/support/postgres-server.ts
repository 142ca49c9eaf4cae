/**
 * A throw-away PostgreSQL server for tests: Debian's `postgresql` binaries, a fresh cluster in a
 * temp folder, listening on a free loopback port only. PostgreSQL refuses to run as root, so when
 * the tests run as root the cluster belongs to the `postgres` system user and the server process is
 * spawned with its uid. Stopped by its own pid (fast shutdown), then its folder is removed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` */
  connectionString: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** The newest installed server's bin folder (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const major = majors.find((v) => existsSync(join(root, v, 'bin', 'postgres')));
  if (!major) throw new Error('PostgreSQL server not installed: run `npm run setup` (Debian package postgresql)');
  return join(root, major, 'bin');
}

/** The unprivileged account to run as: ourselves, or `postgres` when we are root. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const [uid, gid] = [id('-u'), id('-g')];
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root needs the postgres system user (Debian package postgresql)');
  return { uid, gid };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-pg-'));
  if (account) chownSync(dir, account.uid, account.gid);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], {
    ...account,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr.slice(0, 500)}`);
  }
  const port = await freePort();
  const server: ChildProcess = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=60'],
    { ...account, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error('PostgreSQL did not become ready in time')), READY_TIMEOUT_MS);
    function fail(err: Error): void {
      clearTimeout(timer);
      server.kill('SIGKILL');
      reject(err);
    }
    server.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (log.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => fail(new Error(`PostgreSQL exited early (${code}): ${log.slice(-500)}`)));
  });
  server.stderr!.resume();
  let stopped: Promise<void> | undefined;
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      stopped ??= (async () => {
        if (server.exitCode === null && server.signalCode === null) {
          server.kill('SIGINT'); // fast shutdown: ends sessions, then the server's own children
          const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
          await exited;
          clearTimeout(timer);
        }
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
