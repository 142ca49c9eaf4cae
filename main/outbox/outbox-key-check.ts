/**
 * Loads the outbox key and proves it is the right one. A sealed constant ("key check") is stored in
 * the database the first time; later opens must decrypt it, so a replaced or wrong key is reported
 * at start, not as a pile of undecryptable rows. A key is created only for a database that has
 * never held encrypted data: a missing key for existing data is an error, never a silent new key.
 */
import type { SqliteDatabase } from '../../platform/sqlite/open-database';
import type { KeyProvider } from './key-provider';
import { OutboxKeyError } from './outbox-errors';
import { open as openSealed, seal } from './payload-cipher';

const KEY_CHECK_PLAIN = Buffer.from('madoguchi outbox key check v1');
const KEY_CHECK_AAD = Buffer.from('madoguchi/outbox/key-check');

/** Gets the key; creates one only when the database has never held encrypted data. */
export function loadOutboxKey(db: SqliteDatabase, provider: KeyProvider): Buffer {
  const check = db.prepare("SELECT value FROM meta WHERE name = 'key_check'").get() as { value: Buffer } | undefined;
  if (check) {
    let key: Buffer;
    try {
      key = provider.getKey();
    } catch (err) {
      if (err instanceof OutboxKeyError && err.code === 'key-missing') {
        throw new OutboxKeyError(
          'key-missing',
          `The outbox holds encrypted submissions but its key (${provider.description}) is missing. ` +
            'Restore the key; a new key would make the queued submissions unreadable.',
          { cause: err },
        );
      }
      throw err;
    }
    if (!openSealed(key, KEY_CHECK_AAD, check.value)?.equals(KEY_CHECK_PLAIN)) {
      throw new OutboxKeyError('key-mismatch', `The key from ${provider.description} does not match this outbox.`);
    }
    return key;
  }
  let key: Buffer;
  try {
    key = provider.getKey();
  } catch (err) {
    if (!(err instanceof OutboxKeyError && err.code === 'key-missing')) throw err;
    key = provider.createKey();
  }
  db.prepare("INSERT INTO meta (name, value) VALUES ('key_check', ?)").run(seal(key, KEY_CHECK_AAD, KEY_CHECK_PLAIN));
  return key;
}
