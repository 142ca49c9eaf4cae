import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { NonceStore } from '../../../backend/auth/nonce-store';
import { SessionStore } from '../../../backend/auth/session-store';
import { ApiError } from '../../../platform/http/api-error';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError);
    return e.code;
  }
  return 'ok';
};

describe('NonceStore', () => {
  test('a nonce is 32 random bytes and works exactly once', () => {
    let t = 1_000_000;
    const store = new NonceStore(60_000, 100, () => new Date(t));
    const { nonce, expiresAt } = store.issue('kiosk-a');
    assert.equal(Buffer.from(nonce, 'base64').length, 32);
    assert.equal(expiresAt.getTime(), t + 60_000);
    assert.notEqual(store.issue('kiosk-a').nonce, nonce);
    assert.equal(store.consume(nonce, 'kiosk-a').length, 32);
    assert.equal(
      code(() => store.consume(nonce, 'kiosk-a')),
      'nonce-used',
    );
    t += 61_000;
    assert.equal(
      code(() => store.consume(nonce, 'kiosk-a')),
      'nonce-unknown',
    );
  });

  test('an expired nonce is refused and burnt', () => {
    let t = 0;
    const store = new NonceStore(1_000, 100, () => new Date(t));
    const { nonce } = store.issue('kiosk-a');
    t = 1_001;
    assert.equal(
      code(() => store.consume(nonce, 'kiosk-a')),
      'nonce-expired',
    );
    assert.equal(
      code(() => store.consume(nonce, 'kiosk-a')),
      'nonce-unknown',
    );
  });

  test('a nonce is bound to the kiosk that asked for it', () => {
    const store = new NonceStore(60_000, 100, () => new Date(0));
    const { nonce } = store.issue('kiosk-a');
    assert.equal(
      code(() => store.consume(nonce, 'kiosk-b')),
      'nonce-unknown',
    );
    assert.equal(
      code(() => store.consume('AAAA', 'kiosk-a')),
      'nonce-unknown',
    );
  });

  test('outstanding nonces are bounded (oldest dropped first)', () => {
    const store = new NonceStore(60_000, 2, () => new Date(0));
    const first = store.issue('k').nonce;
    store.issue('k');
    const third = store.issue('k').nonce;
    assert.equal(
      code(() => store.consume(first, 'k')),
      'nonce-unknown',
    );
    assert.equal(store.consume(third, 'k').length, 32);
  });

  test('outstanding nonces are bounded per kiosk: a flooding kiosk evicts only its own oldest', () => {
    const store = new NonceStore(60_000, 1_000, () => new Date(0), 3);
    const victim = store.issue('kiosk-b').nonce;
    const flood = Array.from({ length: 50 }, () => store.issue('kiosk-a').nonce);
    // The other kiosk's challenge survives the flood; the flooder keeps only its 3 newest.
    assert.equal(store.consume(victim, 'kiosk-b').length, 32);
    for (const n of flood.slice(0, 47))
      assert.equal(
        code(() => store.consume(n, 'kiosk-a')),
        'nonce-unknown',
      );
    for (const n of flood.slice(47)) assert.equal(store.consume(n, 'kiosk-a').length, 32);
  });

  test('exactly at the per-kiosk bound nothing is evicted', () => {
    const store = new NonceStore(60_000, 1_000, () => new Date(0), 3);
    const three = [store.issue('k').nonce, store.issue('k').nonce, store.issue('k').nonce];
    for (const n of three) assert.equal(store.consume(n, 'k').length, 32);
  });
});

describe('SessionStore', () => {
  test('a token works for its kiosk and ward until it expires', () => {
    let t = 0;
    const store = new SessionStore(5_000, () => new Date(t));
    const { token } = store.create('res-001', 'kiosk-a', 'kokurakita');
    assert.equal(store.require(`Bearer ${token}`, 'kiosk-a', 'kokurakita').residentId, 'res-001');
    assert.equal(
      code(() => store.require(`Bearer ${token}`, 'kiosk-b', 'kokurakita')),
      'session-invalid',
    );
    assert.equal(
      code(() => store.require(`Bearer ${token}`, 'kiosk-a', 'moji')),
      'session-invalid',
    );
    assert.equal(
      code(() => store.require(token, 'kiosk-a', 'kokurakita')),
      'session-invalid',
    );
    assert.equal(
      code(() => store.require(undefined, 'kiosk-a', 'kokurakita')),
      'session-invalid',
    );
    t = 5_001;
    assert.equal(
      code(() => store.require(`Bearer ${token}`, 'kiosk-a', 'kokurakita')),
      'session-invalid',
    );
  });

  test("logout ends the kiosk's own session at once; a replay, an unknown or another kiosk's token ends nothing", () => {
    let t = 0;
    const store = new SessionStore(5_000, () => new Date(t));
    const { token } = store.create('res-001', 'kiosk-a', 'kokurakita');
    assert.equal(store.end(`Bearer ${token}`, 'kiosk-b'), false);
    assert.equal(store.require(`Bearer ${token}`, 'kiosk-a', 'kokurakita').residentId, 'res-001', 'another kiosk cannot end it');
    assert.equal(store.end(`Bearer ${token}`, 'kiosk-a'), true);
    assert.equal(
      code(() => store.require(`Bearer ${token}`, 'kiosk-a', 'kokurakita')),
      'session-invalid',
    );
    assert.equal(store.end(`Bearer ${token}`, 'kiosk-a'), false);
    assert.equal(store.end(`Bearer ${'x'.repeat(43)}`, 'kiosk-a'), false);
    assert.equal(
      code(() => store.end(undefined, 'kiosk-a')),
      'session-invalid',
    );
    const late = store.create('res-001', 'kiosk-a', 'kokurakita').token;
    t = 5_001;
    assert.equal(store.end(`Bearer ${late}`, 'kiosk-a'), false, 'an expired one had nothing left to end');
  });
});
