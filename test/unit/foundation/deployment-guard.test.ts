/**
 * A packaged kiosk refuses demo material: embedded back end, TEST keys, simulators outside maintenance.
 * So does the browser shell, unless started with --demo (npm start passes it).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runBrowserShell } from '../../../main/browser-shell/browser-main';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { DEMO_FLAG, assertBrowserShellDeployable, assertDeployable, deploymentProblems } from '../../../main/config/deployment-guard';
import { ConfigError, mergeConfig, parseConfig } from '../../../main/config/load-config';

const deployed = parseConfig(
  mergeConfig(DEFAULT_CONFIG, {
    devices: { card: 'real', printer: 'real', cash: 'real', cashless: 'real' },
    backend: {
      mode: 'remote',
      url: 'https://ward.example.invalid/',
      tls: { certFile: '/etc/madoguchi/kiosk.cert.pem', keyFile: '/etc/madoguchi/kiosk.key.pem', caFile: '/etc/madoguchi/city-ca.pem' },
      sealPublicKeyFile: '/etc/madoguchi/city-seal.pub.pem',
    },
    staff: { passcodeHash: 'scrypt$131072$8$1$6GHO1YQZrqu7UKm7mnWZzg$6HD78Zq8j_KY1pjkV-moFX49MZ7faHHygcDiiz-k3Tc' },
    // A ward without a queue service: no tickets (the queue's own cases are below).
    queue: null,
  }),
  'test',
);

describe('deployment guard', () => {
  test('a ward configuration with real devices and its own keys is deployable', () => {
    assert.deepEqual(deploymentProblems(deployed), []);
    assert.doesNotThrow(() => assertDeployable(deployed, true));
  });

  test('the embedded defaults name every problem: demo back end, each TEST key file, each simulator', () => {
    const problems = deploymentProblems(DEFAULT_CONFIG);
    assert.equal(problems.filter((p) => p.startsWith('backend.mode')).length, 1);
    for (const key of ['certFile', 'keyFile', 'caFile'])
      assert.ok(
        problems.some((p) => p.startsWith(`backend.tls.${key}`)),
        key,
      );
    assert.ok(problems.some((p) => p.startsWith('backend.sealPublicKeyFile')));
    assert.equal(problems.filter((p) => p.includes('"sim"')).length, 4);
    assert.throws(
      () => assertDeployable(DEFAULT_CONFIG, true),
      (err: unknown) => err instanceof ConfigError && /--config/.test(err.message),
    );
  });

  test("the demo's queue service (embedded, TEST keys) is refused; the ward's own remote one is deployable", () => {
    const problems = deploymentProblems(parseConfig(mergeConfig(deployed, { queue: DEFAULT_CONFIG.queue }), 'test'));
    assert.deepEqual(
      problems.map((p) => p.split(' ')[0]),
      ['queue.mode', 'queue.tls.certFile', 'queue.tls.keyFile', 'queue.tls.caFile'],
    );
    const own = { mode: 'remote', url: 'https://queue.example.invalid/', tls: deployed.backend.tls };
    assert.deepEqual(deploymentProblems(parseConfig(mergeConfig(deployed, { queue: own }), 'test')), []);
  });

  test('an unshuffled PIN keypad is refused; the shuffled one is the default', () => {
    assert.equal(DEFAULT_CONFIG.shufflePinPad, true);
    const problems = deploymentProblems({ ...deployed, shufflePinPad: false });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^shufflePinPad is false/);
  });

  test('development (not packaged) runs the demo as it is', () => {
    assert.doesNotThrow(() => assertDeployable(DEFAULT_CONFIG, false));
  });

  test('simulators are allowed on a packaged kiosk only in maintenance mode', () => {
    const bench = { ...deployed, devices: { ...deployed.devices, printer: 'sim' as const } };
    assert.deepEqual(deploymentProblems(bench).length, 1);
    assert.deepEqual(deploymentProblems({ ...bench, maintenance: true }), []);
  });
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof ConfigError, 'a ConfigError, printed as one paragraph');
    return err.message;
  }
  assert.fail('expected a refusal');
}

describe('browser shell deployment guard', () => {
  test('on the embedded defaults without --demo it refuses, naming each piece of demo material and both ways out', () => {
    const message = refusal(() => assertBrowserShellDeployable(DEFAULT_CONFIG, ['node', 'start.js']));
    assert.match(message, /backend\.mode is "embedded"/);
    for (const key of ['backend.tls.certFile', 'backend.tls.keyFile', 'backend.tls.caFile', 'backend.sealPublicKeyFile']) {
      assert.ok(message.includes(`${key} points at the demo TEST material`), key);
    }
    for (const device of ['card', 'printer', 'cash', 'cashless']) assert.ok(message.includes(`devices.${device} is "sim"`), device);
    assert.match(message, /staff\.passcodeHash is the demo passcode/);
    assert.match(message, /--config/);
    assert.ok(message.includes(DEMO_FLAG));
  });

  test('--demo (what npm start passes) lets the demo run', () => {
    assert.doesNotThrow(() => assertBrowserShellDeployable(DEFAULT_CONFIG, ['node', 'start.js', DEMO_FLAG]));
  });

  test("a ward's own configuration starts without --demo; simulators only in maintenance", () => {
    assert.doesNotThrow(() => assertBrowserShellDeployable(deployed, []));
    const bench = { ...deployed, devices: { ...deployed.devices, printer: 'sim' as const } };
    assert.match(
      refusal(() => assertBrowserShellDeployable(bench, [])),
      /devices\.printer is "sim"/,
    );
    assert.doesNotThrow(() => assertBrowserShellDeployable({ ...bench, maintenance: true }, []));
  });

  test('runBrowserShell refuses the demo defaults without --demo before starting anything', async () => {
    await assert.rejects(
      runBrowserShell(['node', 'start.js', '--no-browser']),
      (err: unknown) => err instanceof ConfigError && /demo passcode/.test(err.message),
    );
  });
});
