import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { STAFF_PASSCODE_PATTERN } from '../../../contract/staff-console';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { ConfigError, mergeConfig, parseConfig } from '../../../main/config/load-config';
import { FileKeyProvider } from '../../../main/outbox';
import { runHashPasscodeCli, type HashPasscodeIo } from '../../../main/staff/hash-passcode-cli';
import {
  hashPasscode,
  parsePasscodeHash,
  PASSCODE_DEFAULT_N,
  PASSCODE_MIN_N,
  PasscodeHashFormatError,
  verifyPasscode,
} from '../../../main/staff/staff-passcode';
import { DEMO_STAFF_PEPPER, fileStaffPepperProvider, getOrCreateStaffPepper, loadStaffPepper, staffPepperPaths } from '../../../main/staff/staff-pepper';
import { cleanedAfterFile } from '../../support/cleaned-after';
import { tempJournalDir } from '../journal/journal-test-helpers';
import { CHEAP_COST, cheapPasscodeHash, TEST_PEPPER } from './cheap-passcode-hash';

const tempDirs = cleanedAfterFile(tempJournalDir);
const freshDir = () => tempDirs().dir;
const OTHER_PEPPER = Buffer.alloc(32, 9);

describe('staff passcode hash', () => {
  test('a fresh hash verifies its passcode with its pepper and nothing else, with a random salt each time', async () => {
    const a = await hashPasscode('13572468', TEST_PEPPER, CHEAP_COST);
    const b = await hashPasscode('13572468', TEST_PEPPER, CHEAP_COST);
    assert.notEqual(a, b, 'salts differ');
    assert.match(a, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const parsed = parsePasscodeHash(a, CHEAP_COST);
    assert.equal(await verifyPasscode('13572468', parsed, TEST_PEPPER), true);
    assert.equal(await verifyPasscode('13572469', parsed, TEST_PEPPER), false);
    assert.equal(await verifyPasscode('1357246', parsed, TEST_PEPPER), false);
    assert.equal(await verifyPasscode('', parsed, TEST_PEPPER), false);
  });

  test('without the pepper the right passcode does not verify: a leaked hash alone cannot be brute-forced', async () => {
    const parsed = await cheapPasscodeHash('13572468');
    assert.equal(await verifyPasscode('13572468', parsed, OTHER_PEPPER), false);
    await assert.rejects(hashPasscode('13572468', Buffer.alloc(16), CHEAP_COST), RangeError, 'a short pepper is refused');
  });

  test('the embedded demo hash is the documented demo passcode 24681357 with the public demo pepper, at full cost', async () => {
    const parsed = parsePasscodeHash(DEFAULT_CONFIG.staff.passcodeHash);
    assert.ok(parsed.N >= 2 ** 17);
    assert.equal(await verifyPasscode('24681357', parsed, DEMO_STAFF_PEPPER), true);
    assert.equal(await verifyPasscode('24681357', parsed, OTHER_PEPPER), false);
  });

  test('only 8 to 12 digits are a passcode, at the contract and at the hash', async () => {
    for (const bad of ['246810', '1234567', '1234567890123', 'abcdefgh', '1234 5678', '１２３４５６７８']) {
      assert.ok(!STAFF_PASSCODE_PATTERN.test(bad), bad);
      await assert.rejects(hashPasscode(bad, TEST_PEPPER, CHEAP_COST), RangeError, bad);
    }
    for (const good of ['24681357', '123456789012']) assert.ok(STAFF_PASSCODE_PATTERN.test(good), good);
  });

  test('scrypt cost: at least 2^17 for a new hash, and parsing refuses less unless a test opts in', async () => {
    assert.ok(PASSCODE_MIN_N >= 2 ** 17 && PASSCODE_DEFAULT_N >= PASSCODE_MIN_N);
    const cheap = await hashPasscode('13572468', TEST_PEPPER, CHEAP_COST);
    assert.throws(
      () => parsePasscodeHash(cheap),
      (e: unknown) => e instanceof PasscodeHashFormatError && e.code === 'weak-parameters',
    );
    const belowMinimum = cheap.replace('$1024$', '$65536$');
    assert.throws(
      () => parsePasscodeHash(belowMinimum),
      (e: unknown) => e instanceof PasscodeHashFormatError && e.code === 'weak-parameters',
    );
  });

  test('the configuration refuses a hash below the minimum cost (the old 2^14 demo hash)', () => {
    const old = 'scrypt$16384$8$1$Z1FgOA7wzuVvhMHv5rwE3Q$Z7aXpq38MgvgJmQNTEqbxaDS0HR6FqYi025zmk3iGGg';
    assert.throws(
      () => parseConfig(mergeConfig(DEFAULT_CONFIG, { staff: { passcodeHash: old } }), 'test'),
      (e: unknown) => e instanceof ConfigError && /staff\.passcodeHash/.test(e.message) && /too weak/.test(e.message),
    );
    assert.doesNotThrow(() => parseConfig(DEFAULT_CONFIG, 'test'));
  });

  test('malformed or weak stored hashes are refused with a typed error', () => {
    const good = DEFAULT_CONFIG.staff.passcodeHash;
    assert.equal(parsePasscodeHash(good).N, 131072);
    const salt = good.split('$')[4]!;
    const cases: Array<[string, PasscodeHashFormatError['code']]> = [
      ['', 'bad-format'],
      ['24681357', 'bad-format'],
      [good.replace('scrypt$', 'bcrypt$'), 'bad-format'],
      [good.replace('$131072$', '$16384$'), 'weak-parameters'],
      [good.replace('$131072$', '$200000$'), 'weak-parameters'],
      [good.replace('$8$1$', '$1$1$'), 'weak-parameters'],
      [good.replace(salt, salt.slice(0, 16)), 'weak-parameters'],
    ];
    for (const [stored, code] of cases) {
      assert.throws(
        () => parsePasscodeHash(stored),
        (e: unknown) => e instanceof PasscodeHashFormatError && e.code === code,
        stored,
      );
    }
  });
});

describe('staff pepper', () => {
  test('kept beside the outbox key, 0600, made once by the hash tool and read back the same', () => {
    const dataDir = freshDir();
    const paths = staffPepperPaths(dataDir);
    assert.equal(paths.keyFile, join(dataDir, 'keys', 'staff-pepper.key'));
    const made = getOrCreateStaffPepper(fileStaffPepperProvider(dataDir));
    assert.equal(made.length, 32);
    if (process.platform !== 'win32') assert.equal(statSync(paths.keyFile).mode & 0o777, 0o600);
    assert.deepEqual(getOrCreateStaffPepper(fileStaffPepperProvider(dataDir)), made, 'never replaced');
    assert.deepEqual(loadStaffPepper('scrypt$own', new FileKeyProvider(paths.keyFile)), made);
  });

  test('the kiosk never makes a pepper: a hash without one here stops the start with how to fix it', () => {
    const provider = fileStaffPepperProvider(freshDir());
    assert.throws(
      () => loadStaffPepper('scrypt$own', provider),
      (e: unknown) => e instanceof ConfigError && /hash-staff-passcode/.test(e.message),
    );
    assert.throws(() => provider.getKey(), 'still none');
  });

  test('the demo hash uses the public demo pepper, whatever the kiosk holds', () => {
    assert.deepEqual(loadStaffPepper(DEFAULT_CONFIG.staff.passcodeHash, fileStaffPepperProvider(freshDir())), DEMO_STAFF_PEPPER);
  });
});

describe('hash tool', () => {
  function io(passcode: string | null) {
    const out: string[] = [];
    const err: string[] = [];
    const value: HashPasscodeIo = { readPasscode: async () => passcode, out: (l) => out.push(l), err: (l) => err.push(l) };
    return { value, out, err };
  }

  test("prints a hash keyed with this data folder's pepper, made on first use", async () => {
    const dataDir = freshDir();
    const run = io('97531086');
    assert.equal(await runHashPasscodeCli(['--data-dir', dataDir], run.value, fileStaffPepperProvider, CHEAP_COST), 0);
    assert.equal(run.out.length, 1);
    const pepper = fileStaffPepperProvider(dataDir).getKey();
    const parsed = parsePasscodeHash(run.out[0]!, CHEAP_COST);
    assert.equal(await verifyPasscode('97531086', parsed, pepper), true);
    assert.equal(await verifyPasscode('97531086', parsed, OTHER_PEPPER), false);
  });

  test('refuses a passcode on the command line, a short one, and differing entries', async () => {
    const dataDir = freshDir();
    const arg = io('97531086');
    assert.equal(await runHashPasscodeCli(['97531086'], arg.value, fileStaffPepperProvider, CHEAP_COST), 2);
    assert.deepEqual(arg.out, []);
    const short = io('246810');
    assert.equal(await runHashPasscodeCli(['--data-dir', dataDir], short.value, fileStaffPepperProvider, CHEAP_COST), 1);
    assert.match(short.err.join('\n'), /8 to 12 digits/);
    assert.equal(await runHashPasscodeCli(['--data-dir', dataDir], io(null).value, fileStaffPepperProvider, CHEAP_COST), 1);
  });
});

describe('deployment guard and the demo passcode', () => {
  test('a packaged kiosk refuses the documented demo passcode hash', async () => {
    const { deploymentProblems } = await import('../../../main/config/deployment-guard');
    assert.ok(deploymentProblems(DEFAULT_CONFIG).some((p) => p.startsWith('staff.passcodeHash')));
    const own = { ...DEFAULT_CONFIG, staff: { ...DEFAULT_CONFIG.staff, passcodeHash: await hashPasscode('97531086', TEST_PEPPER, CHEAP_COST) } };
    assert.ok(!deploymentProblems(own).some((p) => p.startsWith('staff.passcodeHash')));
  });
});
