/**
 * Child of crash-recovery.test.ts: journals one sale up to `paid` and another up to `printing`,
 * prints their ids (after each commit returned) and waits to be SIGKILLed, like a kiosk that dies
 * with money taken and the printer busy.
 */
import { TransactionJournal } from '../../../main/journal/transaction-journal';

const path = process.argv[2];
if (!path) throw new Error('usage: journal-crash-child <db>');
const j = TransactionJournal.open({ path, kioskId: 'KK01' });
const a = j.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
j.markAuthenticated(a.id, { residentRef: 'RES-0001', serial: 'SER-CRASH-0000' });
j.markPaid(a.id, { method: 'cash', reference: 'PAY-0001', amountYen: 300 });
process.stdout.write(`PAID ${a.id}\n`);
const b = j.begin({ certificateType: 'inkan', copies: 1, amountYen: 300 });
j.markAuthenticated(b.id, { residentRef: 'RES-0002', serial: 'SER-CRASH-0001' });
j.markPaid(b.id, { method: 'ic-card', reference: 'PAY-0002', amountYen: 300 });
j.markPrinting(b.id, { serial: 'SER-CRASH-0001' });
process.stdout.write(`PRINTING ${b.id}\n`);
setInterval(() => undefined, 1000);
