/**
 * A corrupt, truncated, locked, too-new or unwritable outbox database at start gives a typed
 * `DatabaseError` with an operator message, and the file (and its WAL) is left untouched: the
 * queue is never silently reset. Cases: test/support/broken-database.ts.
 */
import { describe } from 'node:test';
import { dirname, join } from 'node:path';
import { FileKeyProvider } from '../../../main/outbox/file-key-provider';
import { Outbox } from '../../../main/outbox/outbox';
import { registerOpenFailureTests } from '../../support/broken-database';

/** The key lives beside the case folders, outside every database directory, shared by all cases. */
const keyFor = (dbPath: string): string => join(dirname(dirname(dbPath)), 'keys', 'outbox.key');
const open = (path: string): Outbox => Outbox.open({ path, keyProvider: new FileKeyProvider(keyFor(path)), receiptPrefix: 'KK01' });

function enqueueSome(outbox: Outbox, count: number): void {
  for (let i = 0; i < count; i++) {
    // Synthetic payloads only (no personal data); large enough to spread over many pages.
    outbox.enqueue({ destination: 'kokurakita', kind: 'jumin-ido-todoke', payload: { form: 'synthetic', seq: i, pad: 'あ'.repeat(700) } });
  }
}

describe('Outbox.open on a broken database', () => {
  registerOpenFailureTests({
    name: 'outbox',
    populate(path, whileOpen) {
      const outbox = open(path);
      enqueueSome(outbox, 60);
      outbox.close();
      if (!whileOpen) return;
      const again = open(path);
      enqueueSome(again, 3);
      whileOpen();
      again.close();
    },
    openAndClose: (path) => open(path).close(),
    childScript: `
      const { Outbox } = require(${JSON.stringify(join(__dirname, '../../../main/outbox/outbox.ts'))});
      const { FileKeyProvider } = require(${JSON.stringify(join(__dirname, '../../../main/outbox/file-key-provider.ts'))});
      const { dirname, join } = require('node:path');
      const path = process.env.DB_PATH;
      try {
        Outbox.open({ path, keyProvider: new FileKeyProvider(join(dirname(dirname(path)), 'keys', 'outbox.key')), receiptPrefix: 'KK01' }).close();
        console.log('opened');
      } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`,
  });
});
