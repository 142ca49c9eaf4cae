/**
 * Builds the staff console for the composition root: the staff session (from `config.staff`),
 * the console over the narrow ports, and the `staff.*` handlers. A bad passcode hash in the
 * configuration stops the kiosk at start (PasscodeHashFormatError), never at the first login.
 */
import type { StaffState } from '../../contract/staff-console';
import type { WardId } from '../../contract/ward-api';
import type { KioskConfig } from '../config/config-schema';
import { StaffConsole } from './staff-console';
import type { StaffCardReaders, StaffCashUnit, StaffPrinter } from './staff-device-status';
import type { StaffAlerts } from './staff-alerts';
import { staffHandlers, type StaffHandlers, type StaffSelfTest } from './staff-handlers';
import { KioskError } from '../../contract/errors';
import type { SelfTest } from '../selftest/self-test';
import { parsePasscodeHash } from './staff-passcode';
import type { CertificateReprinter, StaffDispatcher, StaffJournal, StaffOutbox, StaffWard } from './staff-ports';
import { StaffSession } from './staff-session';
import { auditLockout, auditStaffHandlers, staffActor, type AuditRecord } from './staff-audit';
import type { StaffDirectory } from './staff-directory';

export interface StaffParts {
  config: Pick<KioskConfig, 'kioskId' | 'staff'> & { ward: WardId };
  /** The pepper that keys the passcode hash (staff-pepper.ts: loadStaffPepper, read before any device opens). */
  pepper: Buffer;
  alerts: StaffAlerts;
  cardReaders: StaffCardReaders;
  printer: StaffPrinter;
  cash: StaffCashUnit | null;
  ward: StaffWard;
  journal?: StaffJournal | null;
  outbox?: StaffOutbox | null;
  dispatcher?: StaffDispatcher | null;
  reprinter?: CertificateReprinter | null;
  /** True while a citizen is mid-payment (paying, taking the card, printing) or an application is being submitted or printed. */
  citizenBusy: () => boolean;
  /** The event hub's `staff.changed`. */
  onChange: (state: StaffState) => void;
  /** The audit log's record call (main/audit): sign-ins, lockouts and actions. Absent: not audited. */
  audit?: AuditRecord;
  /** The staff directory (accounts) and the pepper of its hashes (this kiosk's own); absent: the shared passcode only. */
  directory?: { store: StaffDirectory; pepper: Buffer } | null;
  /** The hardware self-test (main/selftest) and whether a citizen session is open (it refuses then). Absent: `staff.unavailable`. */
  selfTest?: { runner: SelfTest; citizenPresent: () => boolean } | null;
}

export interface Staff {
  session: StaffSession;
  console: StaffConsole;
  handlers: StaffHandlers;
  dispose(): void;
}

export function createStaff(parts: StaffParts): Staff {
  const { staff } = parts.config;
  const session = new StaffSession({
    passcodeHash: parsePasscodeHash(staff.passcodeHash),
    pepper: parts.pepper,
    lockoutAfter: staff.lockoutAfter,
    lockoutSec: staff.lockoutSec,
    // Kept in the journal so that power-cycling the kiosk gives a guesser no fresh tries.
    ...(parts.journal?.passcodeAttempts ? { attempts: parts.journal.passcodeAttempts } : {}),
    alertStaff: (alert) => parts.alerts.raise(alert),
    ...(parts.audit ? { onLockout: auditLockout(parts.audit) } : {}),
    ...(parts.directory ? { directory: parts.directory.store, accountPepper: parts.directory.pepper } : {}),
    idleTimeoutSec: staff.idleTimeoutSec,
    citizenBusy: parts.citizenBusy,
    onChange: parts.onChange,
  });
  const console = new StaffConsole({
    kioskId: parts.config.kioskId,
    wardId: parts.config.ward,
    alerts: parts.alerts,
    cardReaders: parts.cardReaders,
    printer: parts.printer,
    cash: parts.cash,
    ward: parts.ward,
    journal: parts.journal ?? null,
    outbox: parts.outbox ?? null,
    dispatcher: parts.dispatcher ?? null,
    reprinter: parts.reprinter ?? null,
    citizenBusy: parts.citizenBusy,
  });
  // Every action is attributed to who is signed in (`staff:<id>`, or `staff` for the shared passcode).
  const actor = () => staffActor(session.staffId);
  const handlers = staffHandlers(session, console, parts.selfTest ? consoleSelfTest(parts.selfTest, actor) : null);
  return { session, console, handlers: parts.audit ? auditStaffHandlers(handlers, parts.audit, actor) : handlers, dispose: () => session.dispose() };
}

/** The self-test as the console runs it: never while a citizen is at the kiosk (the devices are theirs). */
function consoleSelfTest(selfTest: NonNullable<StaffParts['selfTest']>, actor: () => string): StaffSelfTest {
  return {
    start: () => {
      if (selfTest.citizenPresent()) throw new KioskError('staff.not-allowed', 'staff:errors.staff.not-allowed');
      return selfTest.runner.start(actor());
    },
    current: () => selfTest.runner.current(),
  };
}

/** Certificate steps during which money is in play: no staff session may start or act. */
export const CITIZEN_BUSY_STEPS: ReadonlySet<string> = new Set(['pay', 'take-card', 'printing', 'take-certificate']);

/** Application steps during which the card signs, a submission is stored or its forms print: staff must not take the kiosk over. */
export const APPLICATION_BUSY_STEPS: ReadonlySet<string> = new Set(['signing', 'submitting', 'printing']);

/** True while either journey is in a step a staff session must not interrupt. */
export function citizenBusyIn(certificateStep: string, applicationStep: string): boolean {
  return CITIZEN_BUSY_STEPS.has(certificateStep) || APPLICATION_BUSY_STEPS.has(applicationStep);
}
