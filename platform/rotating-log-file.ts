/**
 * A log file rotated by size: lines go to `<dir>/<name>`; when the next line would take the file
 * past `maxFileBytes`, `name.(keep-1)` … `name.1` shift up one, the oldest is dropped, the current
 * file becomes `name.1`, and a new one starts. Writes are synchronous appends (a kiosk's log is a
 * few lines a minute; a crash loses no line already logged). Files are created 0600.
 */
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface RotatingLogFileOptions {
  dir: string;
  name: string;
  maxFileBytes: number;
  /** Rotated files kept (`name.1` … `name.<keep>`). */
  keepFiles: number;
}

export class RotatingLogFile {
  private fd: number | null = null;
  private size = 0;

  constructor(private readonly options: RotatingLogFileOptions) {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.openCurrent();
  }

  private path(index = 0): string {
    return join(this.options.dir, index === 0 ? this.options.name : `${this.options.name}.${index}`);
  }

  private openCurrent(): void {
    this.fd = openSync(this.path(), 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  /**
   * Appends a line; never throws. A log call sits inside every money path, so a full disk or an I/O
   * error must not break the caller: the file is given up (stdout logging goes on) and the reason,
   * a code only, is said once on stderr.
   */
  write(line: string): void {
    if (this.fd === null) return;
    try {
      const bytes = Buffer.from(line, 'utf8');
      if (this.size > 0 && this.size + bytes.length > this.options.maxFileBytes) this.rotate();
      if (this.fd === null) return;
      this.size += writeSync(this.fd, bytes);
    } catch (err) {
      this.giveUp(err);
    }
  }

  private giveUp(err: unknown): void {
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // Already closed (a failed rotation): nothing more to release.
      }
    }
    const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
    process.stderr.write(`madoguchi: log file disabled (${code}); logging to standard output only\n`);
  }

  private rotate(): void {
    const fd = this.fd;
    // Forgotten before anything can fail: a closed descriptor number is never written to again.
    this.fd = null;
    if (fd !== null) closeSync(fd);
    rmSync(this.path(this.options.keepFiles), { force: true });
    for (let i = this.options.keepFiles - 1; i >= 0; i--) {
      try {
        renameSync(this.path(i), this.path(i + 1));
      } catch {
        // A missing older file is the normal case until `keepFiles` rotations have happened.
      }
    }
    this.openCurrent();
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
