/** Shared helpers for the outbox tests: temp directories and an outbox with a key file beside (not inside) the DB folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { Outbox, type OutboxOptions } from '../../../main/outbox/outbox';

export interface TempOutbox {
  dir: string;
  dbPath: string;
  keyPath: string;
  open(extra?: Partial<OutboxOptions>): Outbox;
  cleanup(): void;
}

export function tempOutbox(): TempOutbox {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-outbox-'));
  const dbPath = join(dir, 'db', 'outbox.db');
  const keyPath = join(dir, 'keys', 'outbox.key');
  return {
    dir,
    dbPath,
    keyPath,
    open: (extra) => Outbox.open({ path: dbPath, keyProvider: new FileKeyProvider(keyPath), receiptPrefix: 'KK01', ...extra }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
