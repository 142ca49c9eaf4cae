/**
 * The kiosk's data folder, readable by the kiosk's user only: `dataDir` and its subfolders
 * (journal, outbox, keys, audit, logs, staff, and any a store creates later) are created 0700, and an existing one that
 * group or others can enter is tightened to 0700 at start. Both shells go through here (the
 * runtime prepares it before any store opens). Windows has no POSIX modes: its ACLs are left to the
 * installer.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveProjectPath } from '../config/project-paths';
import { createLogger } from '../../platform/log';

const log = createLogger('data-dir');
/** Owner only. */
export const DATA_DIR_MODE = 0o700;
/** The folders the kiosk keeps under `dataDir`. */
export const DATA_SUBFOLDERS = ['journal', 'outbox', 'keys', 'audit', 'logs', 'staff'] as const;

/** Creates `dataDir` and its folders 0700, tightening looser existing ones. Returns the absolute dataDir. */
export function prepareDataDir(dataDir: string): string {
  const root = resolveProjectPath(dataDir);
  for (const dir of [root, ...DATA_SUBFOLDERS.map((f) => join(root, f))]) {
    mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
    if (process.platform === 'win32') continue;
    const mode = statSync(dir).mode & 0o777;
    if (mode !== DATA_DIR_MODE) {
      chmodSync(dir, DATA_DIR_MODE);
      log.warn({ folder: dir.slice(root.length) || '.', was: mode.toString(8) }, 'data folder was open to other users; now 0700');
    }
  }
  return root;
}
