/**
 * A corrupt, truncated, locked, too-new or unwritable transaction journal at start gives a typed
 * `DatabaseError` with an operator message, and the file (and its WAL) is left untouched: the
 * money records are never silently reset. Cases: test/support/broken-database.ts.
 */
import { describe } from 'node:test';
import { join } from 'node:path';
import { TransactionJournal } from '../../../main/journal/transaction-journal';
import { registerOpenFailureTests } from '../../support/broken-database';

const open = (path: string): TransactionJournal => TransactionJournal.open({ path, kioskId: 'KK01' });

function recordSome(journal: TransactionJournal, count: number): void {
  for (let i = 0; i < count; i++) {
    const tx = journal.begin({ certificateType: 'juminhyo', copies: 1 + (i % 3), amountYen: 300 });
    journal.cancel(tx.id, 'citizen-cancelled');
  }
}

describe('TransactionJournal.open on a broken database', () => {
  registerOpenFailureTests({
    name: 'journal',
    populate(path, whileOpen) {
      const journal = open(path);
      recordSome(journal, 120);
      journal.close();
      if (!whileOpen) return;
      const again = open(path);
      recordSome(again, 2);
      whileOpen();
      again.close();
    },
    openAndClose: (path) => open(path).close(),
    childScript: `
      const { TransactionJournal } = require(${JSON.stringify(join(__dirname, '../../../main/journal/transaction-journal.ts'))});
      try {
        TransactionJournal.open({ path: process.env.DB_PATH, kioskId: 'KK01' }).close();
        console.log('opened');
      } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`,
  });
});
