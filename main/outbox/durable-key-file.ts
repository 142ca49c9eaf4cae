/**
 * Small file helpers shared by the key providers: create a file once (never overwrite), durably,
 * readable by the owner only; read it back refusing group/world-readable files on POSIX.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutboxKeyError } from './outbox-errors';

function isMissing(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';
}

/** Reads a key file; `key-missing` if absent, `key-file-permissions` if others may read it (POSIX). */
export function readKeyFile(path: string): Buffer {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (err) {
    if (isMissing(err)) throw new OutboxKeyError('key-missing', `Key file ${path} does not exist.`, { cause: err });
    throw new OutboxKeyError('key-invalid', `Key file ${path} cannot be read.`, { cause: err });
  }
  // Like ssh: a key that group or others can read is treated as leaked, not silently used.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new OutboxKeyError('key-file-permissions', `Key file ${path} is readable by other users (mode ${(mode & 0o777).toString(8)}); chmod 600 it.`);
  }
  return readFileSync(path);
}

/** Writes `content` to a new file (fails if it exists), mode 0600, fsyncs the file and its directory. */
export function createKeyFileOnce(path: string, content: Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    throw new OutboxKeyError('key-invalid', `Key file ${path} already exists or cannot be created; refusing to overwrite.`, {
      cause: err,
    });
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // The directory entry must be durable too, or a power cut could lose the key and keep the data.
  if (process.platform !== 'win32') {
    const dirFd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}
