/** Helpers for the journal tests: temp journals and driving a transaction to a given state by legal steps. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransactionState } from '../../../main/journal/journal-states';
import { TransactionJournal, type TransactionJournalOptions, type TransactionRecord } from '../../../main/journal/transaction-journal';

export function tempJournalDir(): { dir: string; path: string; open(extra?: Partial<TransactionJournalOptions>): TransactionJournal; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-journal-'));
  const path = join(dir, 'journal.db');
  return {
    dir,
    path,
    open: (extra) => TransactionJournal.open({ path, kioskId: 'KK01', ...extra }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

let serialNo = 0;
export const nextSerial = (): string => `SER-${String(++serialNo).padStart(6, '0')}`;

/** Legal path from `selected` to each state. */
const PATHS: Record<TransactionState, Array<(j: TransactionJournal, id: string) => unknown>> = (() => {
  // As the kiosk journey does: the back end issued the serial before payment.
  const auth = (j: TransactionJournal, id: string): unknown => j.markAuthenticated(id, { residentRef: 'RES-0001', serial: nextSerial(), issuer: 'kokurakita' });
  const pay = (j: TransactionJournal, id: string): unknown => j.markPaid(id, { method: 'cash', reference: 'PAY-0001', amountYen: 300 });
  const print = (j: TransactionJournal, id: string): unknown => j.markPrinting(id, { serial: j.get(id)?.serial ?? nextSerial() });
  const printed = (j: TransactionJournal, id: string): unknown => j.markPrinted(id);
  const voided = (j: TransactionJournal, id: string): unknown => j.markVoided(id, { reason: 'print-failed', backendConfirmed: true });
  const returned = (j: TransactionJournal, id: string): unknown => j.markCardReturned(id);
  return {
    selected: [],
    authenticated: [auth],
    paid: [auth, pay],
    printing: [auth, pay, print],
    printed: [auth, pay, print, printed],
    voided: [auth, pay, print, voided],
    card_returned: [auth, pay, print, printed, returned],
    done: [auth, pay, print, printed, returned, (j, id) => j.markDone(id)],
    refunded: [auth, pay, (j, id) => j.markRefunded(id, { method: 'cash', amountYen: 300, reason: 'printer-jam' })],
    cancelled: [(j, id) => j.cancel(id, 'citizen-cancelled')],
  };
})();

/** Creates a 300-yen transaction and moves it to `state` through legal transitions. */
export function driveTo(j: TransactionJournal, state: TransactionState): TransactionRecord {
  const tx = j.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
  for (const step of PATHS[state]) step(j, tx.id);
  const now = j.get(tx.id);
  if (now?.state !== state) throw new Error(`could not drive to ${state}`);
  return now;
}
