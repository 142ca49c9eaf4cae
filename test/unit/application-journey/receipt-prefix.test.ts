/** The receipt prefix: configured, or the ward's code and the kiosk id's number; always 1-8 of A-Z0-9. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { outboxPaths, receiptPrefix } from '../../../main/application-journey/outbox-paths';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { ConfigError, mergeConfig, parseConfig } from '../../../main/config/load-config';

const config = (overlay: unknown) => parseConfig(mergeConfig(DEFAULT_CONFIG, overlay), 'test');

describe('receipt prefix', () => {
  test('by default: the ward code and the kiosk number', () => {
    assert.equal(receiptPrefix(config({})), '4010601');
    assert.equal(receiptPrefix(config({ kioskId: 'kiosk-moji-12', ward: 'moji' })), '4010112');
  });

  test('a kiosk id without a number gets a stable hash suffix', () => {
    const a = receiptPrefix(config({ kioskId: 'lobby-kiosk' }));
    assert.match(a, /^40106[0-9A-F]{3}$/);
    assert.equal(receiptPrefix(config({ kioskId: 'lobby-kiosk' })), a);
    assert.notEqual(receiptPrefix(config({ kioskId: 'entrance-kiosk' })), a);
  });

  test('receiptPrefix in the configuration wins (two kiosks whose ids end alike stay apart)', () => {
    assert.equal(receiptPrefix(config({ kioskId: 'lobby-kokurakita-01', receiptPrefix: 'KK2' })), 'KK2');
  });

  test('a bad configured prefix is refused at start with its key named', () => {
    assert.throws(
      () => config({ receiptPrefix: 'kk-01' }),
      (err: unknown) => err instanceof ConfigError && /receiptPrefix/.test(err.message),
    );
    assert.throws(() => config({ receiptPrefix: '123456789' }), ConfigError);
  });

  test('the stores live under dataDir with the key outside the database folder', () => {
    const paths = outboxPaths(config({ dataDir: '/var/lib/madoguchi' }));
    assert.equal(paths.database, '/var/lib/madoguchi/outbox/outbox.db');
    assert.equal(paths.keyFile, '/var/lib/madoguchi/keys/outbox.key');
  });
});
