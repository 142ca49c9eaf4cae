/**
 * What a technician's command on the stopped kiosk opens first (the self-test, the staff accounts):
 * the configuration (`--config`, else MADOGUCHI_CONFIG, else the defaults) and the kiosk's audit log,
 * which records what the command does. Either failing is told on `err` and ends the command with its
 * exit code: 2 for the configuration, 3 for the audit log (the running kiosk holds it exclusively).
 */
import type { Clock } from '../../platform/clock';
import { errorCode } from '../../platform/log';
import type { KioskConfig } from '../config/config-schema';
import { resolveConfig } from '../config/load-config';
import { prepareDataDir } from '../data/data-dir';
import type { AuditLog } from './audit-log';
import { openKioskAudit } from './kiosk-audit';

export function openCliConfigAndAudit(
  configPath: string | undefined,
  env: NodeJS.ProcessEnv,
  clock: Clock,
  err: (line: string) => void,
): { config: KioskConfig; audit: AuditLog } | { exitCode: 2 | 3 } {
  let config: KioskConfig;
  try {
    config = resolveConfig(configPath ? ['--config', configPath] : [], env);
  } catch (e) {
    err(`configuration: ${(e as Error).message}`);
    return { exitCode: 2 };
  }
  try {
    prepareDataDir(config.dataDir);
    return { config, audit: openKioskAudit(config, clock) };
  } catch (e) {
    err(`the audit log could not be opened (${errorCode(e)}): stop the kiosk first`);
    return { exitCode: 3 };
  }
}
