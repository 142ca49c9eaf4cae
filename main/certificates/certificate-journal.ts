/**
 * Opens the certificate transaction journal of this kiosk: `<dataDir>/journal/journal.db`
 * (a relative dataDir is under the project folder, as every configured path).
 */
import { join } from 'node:path';
import type { KioskConfig } from '../config/config-schema';
import { resolveProjectPath } from '../config/project-paths';
import { TransactionJournal } from '../journal/transaction-journal';
import { systemClock, type Clock } from '../../platform/clock';

/**
 * The journal's short kiosk code (A-Z0-9, at most 8; it goes into transaction ids and voucher
 * numbers): the configured id without a leading `kiosk-`, upper-cased; a long one keeps its first
 * letters and its trailing number (`kiosk-kokurakita-01` → `KOKURA01`).
 */
export function journalKioskId(kioskId: string): string {
  const parts = kioskId
    .replace(/^kiosk-/, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const whole = parts.join('');
  if (whole.length > 0 && whole.length <= 8) return whole;
  const digits = /\d{1,4}$/.exec(whole)?.[0] ?? '';
  const head = whole.slice(0, 8 - digits.length);
  return head.length > 0 ? `${head}${digits}` : 'KIOSK';
}

/** The journal file for a configuration. */
export function certificateJournalPath(config: KioskConfig): string {
  return join(resolveProjectPath(config.dataDir), 'journal', 'journal.db');
}

/** Opens (creating if needed) the journal on the kiosk's clock; throws the typed database errors (corrupt, locked...). */
export function openCertificateJournal(config: KioskConfig, clock: Clock = systemClock): TransactionJournal {
  return TransactionJournal.open({ path: certificateJournalPath(config), kioskId: journalKioskId(config.kioskId), now: () => clock.now() });
}
