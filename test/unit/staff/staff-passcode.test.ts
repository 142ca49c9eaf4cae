import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { hashPasscode, parsePasscodeHash, PasscodeHashFormatError, verifyPasscode } from '../../../main/staff/staff-passcode';

describe('staff passcode hash', () => {
  test('a fresh hash verifies its passcode and no other, with a random salt each time', async () => {
    const a = await hashPasscode('13572468');
    const b = await hashPasscode('13572468');
    assert.notEqual(a, b, 'salts differ');
    assert.match(a, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const parsed = parsePasscodeHash(a);
    assert.equal(await verifyPasscode('13572468', parsed), true);
    assert.equal(await verifyPasscode('13572469', parsed), false);
    assert.equal(await verifyPasscode('1357246', parsed), false);
    assert.equal(await verifyPasscode('', parsed), false);
  });

  test('the embedded demo hash is the documented demo passcode 246810', async () => {
    const parsed = parsePasscodeHash(DEFAULT_CONFIG.staff.passcodeHash);
    assert.equal(await verifyPasscode('246810', parsed), true);
    assert.equal(await verifyPasscode('246811', parsed), false);
  });

  test('only 6 to 8 digits can be hashed', async () => {
    for (const bad of ['12345', '123456789', 'abcdef', '12 456', '１２３４５６']) {
      await assert.rejects(hashPasscode(bad), RangeError, bad);
    }
  });

  test('malformed or weak stored hashes are refused with a typed error', () => {
    const good = 'scrypt$16384$8$1$Z1FgOA7wzuVvhMHv5rwE3Q$Z7aXpq38MgvgJmQNTEqbxaDS0HR6FqYi025zmk3iGGg';
    assert.equal(parsePasscodeHash(good).N, 16384);
    const cases: Array<[string, PasscodeHashFormatError['code']]> = [
      ['', 'bad-format'],
      ['246810', 'bad-format'],
      ['bcrypt$16384$8$1$Z1FgOA7wzuVvhMHv5rwE3Q$Z7aXpq38MgvgJmQNTEqbxaDS0HR6FqYi025zmk3iGGg', 'bad-format'],
      [good.replace('$16384$', '$1024$'), 'weak-parameters'],
      [good.replace('$16384$', '$20000$'), 'weak-parameters'],
      [good.replace('$8$1$', '$1$1$'), 'weak-parameters'],
      [good.replace('Z1FgOA7wzuVvhMHv5rwE3Q', 'Z1FgOA7wzuVvhMHv'), 'weak-parameters'],
    ];
    for (const [stored, code] of cases) {
      assert.throws(() => parsePasscodeHash(stored), (e: unknown) => e instanceof PasscodeHashFormatError && e.code === code, stored);
    }
  });
});

describe('deployment guard and the demo passcode', () => {
  test('a packaged kiosk refuses the documented demo passcode hash', async () => {
    const { deploymentProblems } = await import('../../../main/config/deployment-guard');
    assert.ok(deploymentProblems(DEFAULT_CONFIG).some((p) => p.startsWith('staff.passcodeHash')));
    const own = { ...DEFAULT_CONFIG, staff: { ...DEFAULT_CONFIG.staff, passcodeHash: await hashPasscode('97531086') } };
    assert.ok(!deploymentProblems(own).some((p) => p.startsWith('staff.passcodeHash')));
  });
});
