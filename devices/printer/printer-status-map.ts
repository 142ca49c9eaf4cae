/**
 * Pure mapping from IPP printer-state-reasons and job outcomes to what the kiosk shows:
 * an i18n key for the citizen (strings live in `messages.json`) and a coded alert for staff.
 * No I/O here, so the whole table is unit-tested.
 */
import type { CitizenMessageKey, PrinterCondition, PrinterReason, PrintResult, StaffAlert } from './printer';

/** What one reason means for the citizen and for staff. */
export interface ReasonMapping {
  /** Message for the citizen, or null when the citizen need not be told (warnings). */
  citizenMessageKey: CitizenMessageKey | null;
  staffAlert: StaffAlert;
  /** True if printing must not be offered while this reason is present. */
  blocksPrinting: boolean;
}

const MAPPING: Record<PrinterReason, ReasonMapping> = {
  'media-empty': { citizenMessageKey: 'printer.mediaEmpty', staffAlert: { severity: 'critical', code: 'PRINTER_MEDIA_EMPTY' }, blocksPrinting: true },
  'media-jam': { citizenMessageKey: 'printer.mediaJam', staffAlert: { severity: 'critical', code: 'PRINTER_MEDIA_JAM' }, blocksPrinting: true },
  'door-open': { citizenMessageKey: 'printer.doorOpen', staffAlert: { severity: 'critical', code: 'PRINTER_DOOR_OPEN' }, blocksPrinting: true },
  'toner-empty': { citizenMessageKey: 'printer.tonerEmpty', staffAlert: { severity: 'critical', code: 'PRINTER_TONER_EMPTY' }, blocksPrinting: true },
  offline: { citizenMessageKey: 'printer.offline', staffAlert: { severity: 'critical', code: 'PRINTER_OFFLINE' }, blocksPrinting: true },
  paused: { citizenMessageKey: 'printer.unavailable', staffAlert: { severity: 'critical', code: 'PRINTER_PAUSED' }, blocksPrinting: true },
  'not-accepting-jobs': {
    citizenMessageKey: 'printer.unavailable',
    staffAlert: { severity: 'critical', code: 'PRINTER_NOT_ACCEPTING_JOBS' },
    blocksPrinting: true,
  },
  'protocol-error': { citizenMessageKey: 'printer.unavailable', staffAlert: { severity: 'critical', code: 'PRINTER_PROTOCOL_ERROR' }, blocksPrinting: true },
  'other-error': { citizenMessageKey: 'printer.unavailable', staffAlert: { severity: 'critical', code: 'PRINTER_ERROR' }, blocksPrinting: true },
  'toner-low': { citizenMessageKey: null, staffAlert: { severity: 'warning', code: 'PRINTER_TONER_LOW' }, blocksPrinting: false },
  'media-low': { citizenMessageKey: null, staffAlert: { severity: 'warning', code: 'PRINTER_MEDIA_LOW' }, blocksPrinting: false },
};

/** Every reason the kiosk distinguishes (the mapping's keys: the compiler holds it complete). */
export const PRINTER_REASONS = Object.keys(MAPPING) as PrinterReason[];

/** Which reason to name first when several block: the one a technician fixes first. */
const PRIORITY: PrinterReason[] = [
  'offline',
  'protocol-error',
  'media-jam',
  'door-open',
  'media-empty',
  'toner-empty',
  'paused',
  'not-accepting-jobs',
  'other-error',
  'media-low',
  'toner-low',
];

/** IPP keyword (without severity suffix) to grouped reason (RFC 8011 5.4.12, PWG 5100.9). */
const KEYWORDS: Record<string, PrinterReason> = {
  'media-empty': 'media-empty',
  'media-needed': 'media-empty',
  'media-jam': 'media-jam',
  jam: 'media-jam',
  'door-open': 'door-open',
  'cover-open': 'door-open',
  'interlock-open': 'door-open',
  'toner-empty': 'toner-empty',
  'marker-supply-empty': 'toner-empty',
  'toner-low': 'toner-low',
  'marker-supply-low': 'toner-low',
  'media-low': 'media-low',
  offline: 'offline',
  shutdown: 'offline',
  'timed-out': 'offline',
  paused: 'paused',
  'moving-to-paused': 'paused',
};

/** Returns the mapping of one reason. */
export function mapReason(reason: PrinterReason): ReasonMapping {
  return MAPPING[reason];
}

/** Parses one printer-state-reasons keyword, e.g. `media-jam-error` or `toner-low-warning`. */
export function parseStateReason(keyword: string): PrinterCondition {
  const m = /^(.*)-(report|warning|error)$/.exec(keyword);
  const base = m?.[1] ?? keyword;
  const severity = (m?.[2] as PrinterCondition['severity'] | undefined) ?? 'error';
  if (base === 'none') return { reason: null, severity: 'report', keyword };
  const known = Object.hasOwn(KEYWORDS, base) ? KEYWORDS[base] : undefined;
  // An unknown keyword only matters if the printer calls it an error.
  const reason = known ?? (severity === 'error' ? 'other-error' : null);
  // A 'report' is informational: even a known keyword does not block then.
  return { reason: severity === 'report' ? null : reason, severity, keyword };
}

/** Orders reasons by PRIORITY and removes duplicates. */
export function sortReasons(reasons: Iterable<PrinterReason>): PrinterReason[] {
  const set = new Set(reasons);
  return PRIORITY.filter((r) => set.has(r));
}

/** Input of `summarizeStatus`: already-validated printer attributes. */
export interface PrinterStatusInput {
  state: 'idle' | 'processing' | 'stopped';
  acceptingJobs: boolean;
  reasonKeywords: string[];
}

/** The health verdict for a printer that answered. */
export interface StatusSummary {
  conditions: PrinterCondition[];
  /** Blocking reasons, most important first; empty if the printer is ready. */
  blocking: PrinterReason[];
  staffAlerts: StaffAlert[];
  /** Message for the citizen when blocked, null when ready. */
  citizenMessageKey: CitizenMessageKey | null;
}

/** Decides readiness from state, accepting-jobs and state reasons. */
export function summarizeStatus(input: PrinterStatusInput): StatusSummary {
  const conditions = input.reasonKeywords.map(parseStateReason);
  const all = conditions.flatMap((c) => (c.reason ? [c.reason] : []));
  if (!input.acceptingJobs) all.push('not-accepting-jobs');
  // A stopped printer that names no reason is still stopped.
  if (input.state === 'stopped' && !all.some((r) => MAPPING[r].blocksPrinting)) all.push('other-error');
  const ordered = sortReasons(all);
  const blocking = ordered.filter((r) => MAPPING[r].blocksPrinting);
  const staffAlerts = ordered.map((r) => MAPPING[r].staffAlert);
  const first = blocking[0];
  return { conditions, blocking, staffAlerts, citizenMessageKey: first ? MAPPING[first].citizenMessageKey : null };
}

/** What to tell the citizen and staff after a job ended. */
export function mapPrintResult(result: PrintResult): { citizenMessageKey: CitizenMessageKey; staffAlert: StaffAlert | null } {
  switch (result.outcome) {
    case 'completed':
      return { citizenMessageKey: 'printer.printed', staffAlert: null };
    case 'aborted': {
      const alert =
        result.by === 'stalled' && result.reason === 'other-error'
          ? { severity: 'critical' as const, code: 'PRINTER_JOB_STALLED' as const }
          : { ...MAPPING[result.reason].staffAlert, severity: 'critical' as const };
      return { citizenMessageKey: 'printer.jobFailed', staffAlert: alert };
    }
    case 'canceled':
      return result.reason === 'canceled-by-kiosk'
        ? { citizenMessageKey: 'printer.jobCanceled', staffAlert: { severity: 'info', code: 'PRINTER_JOB_CANCELED' } }
        : { citizenMessageKey: 'printer.jobFailed', staffAlert: { severity: 'warning', code: 'PRINTER_JOB_CANCELED_AT_DEVICE' } };
  }
}

/** The message for a job's progress, shown while the citizen waits. */
export function progressMessageKey(state: string): CitizenMessageKey {
  return state === 'processing-stopped' || state === 'pending-held' ? 'printer.waitingForPrinter' : 'printer.printing';
}
