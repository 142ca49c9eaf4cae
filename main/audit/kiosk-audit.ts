/**
 * The kiosk's audit log as the composition root opens it: `<dataDir>/audit/audit.db`, heads signed
 * with the kiosk's client key (`backend.tls.keyFile`), and a `config.changed` entry when this
 * start's configuration differs from the last one recorded (its hash only: the file itself may
 * hold paths and hashes that are nobody's business in an export).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canonicalBytes } from '../../platform/certificate-seal/canonical-json';
import type { Clock } from '../../platform/clock';
import type { KioskConfig } from '../config/config-schema';
import { resolveProjectPath } from '../config/project-paths';
import { AuditLog, auditLogPath } from './audit-log';
import { headSignerFromPem } from './audit-key';

/** `sha256:<first 32 hex>` of the canonical configuration. */
export function configFingerprint(config: KioskConfig): string {
  return `sha256:${createHash('sha256').update(canonicalBytes(config)).digest('hex').slice(0, 32)}`;
}

export function openKioskAudit(config: KioskConfig, clock: Clock): AuditLog {
  const audit = AuditLog.open({
    path: auditLogPath(resolveProjectPath(config.dataDir)),
    kioskId: config.kioskId,
    signer: headSignerFromPem(readFileSync(resolveProjectPath(config.backend.tls.keyFile))),
    clock,
    signEveryMs: config.audit.signEverySec * 1000,
  });
  try {
    const fingerprint = configFingerprint(config);
    const before = audit.lastOf('config.changed')?.detail.config;
    if (before !== fingerprint) {
      audit.record({ kind: 'config.changed', actor: 'kiosk', outcome: 'ok', detail: { config: fingerprint, first: before === undefined } });
    }
  } catch (err) {
    audit.close();
    throw err;
  }
  return audit;
}
