/**
 * The kiosk's log files: every log line (JSON, with the kiosk id) also goes to
 * `<dataDir>/logs/kiosk.log`, rotated by size (`log.maxFileBytes`, `log.keepFiles` rotated files
 * kept), so a kiosk that runs for months never fills its disk and a technician finds the last days'
 * lines on the machine. Standard output keeps them too (journald, the supervisor).
 */
import { join } from 'node:path';
import { attachLogFile } from '../../platform/log';
import { RotatingLogFile } from '../../platform/rotating-log-file';
import type { KioskConfig } from '../config/config-schema';
import { resolveProjectPath } from '../config/project-paths';

export const LOG_FILE_NAME = 'kiosk.log';

/** Starts writing the log file; returns the detach (no-op when `log.file` is false). */
export function openKioskLogFile(config: Pick<KioskConfig, 'dataDir' | 'log'>): () => void {
  if (!config.log.file) return () => undefined;
  const file = new RotatingLogFile({
    dir: join(resolveProjectPath(config.dataDir), 'logs'),
    name: LOG_FILE_NAME,
    maxFileBytes: config.log.maxFileBytes,
    keepFiles: config.log.keepFiles,
  });
  return attachLogFile(file);
}
