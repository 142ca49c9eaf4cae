/**
 * Where the applications outbox lives: the database in `<dataDir>/outbox/`, its key (a key file
 * in the browser shell, the safeStorage-wrapped key in Electron) in `<dataDir>/keys/`, outside
 * the database folder so copying that folder alone does not copy the key.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { wardInfo } from '../../contract/ward-api';
import type { KioskConfig } from '../config/config-schema';
import { resolveProjectPath } from '../config/project-paths';

export interface OutboxPaths {
  /** The SQLite file. */
  database: string;
  /** The browser shell's raw key file. */
  keyFile: string;
  /** Electron's safeStorage-wrapped key file. */
  wrappedKeyFile: string;
}

export function outboxPaths(config: KioskConfig): OutboxPaths {
  const dataDir = resolveProjectPath(config.dataDir);
  return {
    database: join(dataDir, 'outbox', 'outbox.db'),
    keyFile: join(dataDir, 'keys', 'outbox.key'),
    wrappedKeyFile: join(dataDir, 'keys', 'outbox.key.wrapped'),
  };
}

/**
 * The receipt prefix: `receiptPrefix` from the configuration when set; otherwise the ward's
 * 5-digit code and the kiosk's number (`kiosk-kokurakita-01` →
 * `4010601`), so a clerk reads where a receipt came from. A kiosk id without a trailing number
 * gets three hex digits of its hash instead (still unique per kiosk in practice, and stable).
 */
export function receiptPrefix(config: KioskConfig): string {
  if (config.receiptPrefix !== undefined) return config.receiptPrefix;
  const digits = /(\d{1,3})$/.exec(config.kioskId)?.[1];
  const suffix = digits ?? createHash('sha256').update(config.kioskId).digest('hex').slice(0, 3).toUpperCase();
  return `${wardInfo[config.ward].code}${suffix}`;
}
