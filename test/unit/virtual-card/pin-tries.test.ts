/**
 * PIN semantics: 63Cx counting, 63C0 on the last try, 6984 after, reset to max on success,
 * persistence across reset and re-creation (registry), CHANGE REFERENCE DATA.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CardStateRegistry } from '../../../devices/card/sim/virtual-card';
import { harness, JPKI_AID, TEXT_AID, selectAid, selectEf, verify } from './card-harness';

const enterAuthPin = [selectAid(JPKI_AID), selectEf('0018')];

describe('PIN tries', () => {
  test('empty VERIFY reports tries without using one', () => {
    const t = harness('card-001');
    enterAuthPin.forEach((c) => assert.equal(t.tx(c), '9000'));
    for (let i = 0; i < 5; i++) assert.equal(t.tx('00200080'), '63C3');
    assert.equal(t.registry.triesLeft('card-001', 'jpki-auth'), 3);
  });

  test('wrong PINs count down to 63C0, then every VERIFY (even the right PIN, even empty) is 6984', () => {
    const t = harness('card-001');
    enterAuthPin.forEach((c) => t.tx(c));
    assert.equal(t.tx(verify('0000')), '63C2');
    assert.equal(t.tx(verify('1111')), '63C1');
    assert.equal(t.tx(verify('2222')), '63C0');
    assert.equal(t.tx(verify('1234')), '6984');
    assert.equal(t.tx('00200080'), '6984');
    assert.equal(t.tx(selectEf('0017')), '9000');
    assert.equal(t.tx('802A00800330313200'), '6982');
  });

  test('the right PIN resets tries to max', () => {
    const t = harness('card-001');
    enterAuthPin.forEach((c) => t.tx(c));
    assert.equal(t.tx(verify('0000')), '63C2');
    assert.equal(t.tx(verify('1234')), '9000');
    assert.equal(t.tx('00200080'), '63C3');
  });

  test('signing password has 5 tries and is compared byte-exactly (lower case is wrong)', () => {
    const t = harness('card-001');
    t.tx(selectAid(JPKI_AID));
    t.tx(selectEf('001B'));
    assert.equal(t.tx('00200080'), '63C5');
    assert.equal(t.tx(verify('abc123')), '63C4');
    assert.equal(t.tx(verify('ABC123')), '9000');
  });

  test('tries persist across reset and re-creation of the card from the registry', () => {
    const registry = new CardStateRegistry();
    const first = harness('card-001', registry);
    enterAuthPin.forEach((c) => first.tx(c));
    assert.equal(first.tx(verify('9999')), '63C2');
    first.card.reset();
    assert.equal(first.tx('00A4020C020018'), '6A82', 'reset leaves no AP selected');
    enterAuthPin.forEach((c) => first.tx(c));
    assert.equal(first.tx(verify('9999')), '63C1');
    const again = harness('card-001', registry); // removal and re-insertion
    enterAuthPin.forEach((c) => again.tx(c));
    assert.equal(again.tx('00200080'), '63C1');
    const elsewhere = harness('card-001', new CardStateRegistry()); // a fresh process
    enterAuthPin.forEach((c) => elsewhere.tx(c));
    assert.equal(elsewhere.tx('00200080'), '63C3');
    registry.forget('card-001');
    assert.equal(registry.triesLeft('card-001', 'jpki-auth'), undefined);
  });

  test('reset clears verified PINs', () => {
    const t = harness('card-001');
    enterAuthPin.forEach((c) => t.tx(c));
    assert.equal(t.tx(verify('1234')), '9000');
    t.card.reset();
    [selectAid(JPKI_AID), selectEf('0017')].forEach((c) => t.tx(c));
    assert.equal(t.tx('802A00800330313200'), '6982');
  });

  test('fixture tries: card-one-try has 1, card-blocked answers 6984, card-no-certs has no JPKI PIN EF', () => {
    const one = harness('card-one-try');
    enterAuthPin.forEach((c) => one.tx(c));
    assert.equal(one.tx('00200080'), '63C1');
    assert.equal(one.tx(verify('0000')), '63C0');
    one.tx(selectAid(TEXT_AID));
    one.tx(selectEf('0011'));
    assert.equal(one.tx('00200080'), '63C1');
    const blocked = harness('card-blocked');
    enterAuthPin.forEach((c) => blocked.tx(c));
    assert.equal(blocked.tx('00200080'), '6984');
    blocked.tx(selectAid(TEXT_AID));
    blocked.tx(selectEf('0011'));
    assert.equal(blocked.tx(verify('1357')), '6984');
    const none = harness('card-no-certs');
    assert.equal(none.tx(selectAid(JPKI_AID)), '9000');
    for (const fid of ['0018', '0017', '001A', '001B', '000A', '0001']) assert.equal(none.tx(selectEf(fid)), '6A82', fid);
    assert.equal(none.tx(selectEf('000B')), '9000');
    assert.equal(none.tx('00B0000000'.slice(0, 8) + '02'), '30829000');
    none.tx(selectEf('0008'));
    assert.equal(none.tx('00B0000003'), '0000009000');
  });

  test('CHANGE REFERENCE DATA needs VERIFY, checks the format, and the new PIN works (not the old)', () => {
    const registry = new CardStateRegistry();
    const t = harness('card-002', registry);
    enterAuthPin.forEach((c) => t.tx(c));
    assert.equal(t.tx('0024018004 31323334'), '6982');
    assert.equal(t.tx(verify('2580')), '9000');
    assert.equal(t.tx('0024018005 3132333435'), '6A80');
    assert.equal(t.tx('0024008004 31323334'), '6A86');
    assert.equal(t.tx('0024018004 39383736'), '9000');
    const again = harness('card-002', registry);
    enterAuthPin.forEach((c) => again.tx(c));
    assert.equal(again.tx(verify('2580')), '63C2');
    assert.equal(again.tx(verify('9876')), '9000');
    again.tx(selectAid(TEXT_AID));
    again.tx(selectEf('0014'));
    assert.equal(again.tx(verify('514903728160')), '9000');
    assert.equal(again.tx('002401800C 313131313131313131313131'), '6985', '照合番号A cannot be changed');
  });
});
