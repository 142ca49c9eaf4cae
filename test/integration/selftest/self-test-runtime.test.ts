/**
 * The self-test from the staff console, in the kiosk runtime on the simulators: everything passes
 * on healthy simulators; each injected fault makes exactly its own step fail, with a fix in
 * Japanese and English; the run is audited; the console refuses it without a staff session or
 * while a citizen uses the kiosk. The card step reads an inserted card's token info and never sends
 * a VERIFY (no PIN try is ever used).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Availability } from '../../../contract/kiosk-api';
import type { SelfTestReport, SelfTestStepId } from '../../../contract/self-test';
import type { ApduCard } from '../../../devices/card/sim/apdu-card';
import { loadCardFixture, VirtualMyNumberCard } from '../../../devices/card/sim/virtual-card';
import { fixturesDir } from '../../../main/config/project-paths';
import en from '../../../renderer/i18n/locales/en/staff.json';
import ja from '../../../renderer/i18n/locales/ja/staff.json';
import { lookupIn, selfTestFix } from '../../../renderer/screens/staff/self-test-text';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';

async function runSelfTest(kiosk: TestRuntime): Promise<SelfTestReport> {
  const started = await call(kiosk, 'staff.startSelfTest', {});
  assert.equal(started.phase, 'running');
  for (let i = 0; i < 2000; i++) {
    const report = await call(kiosk, 'staff.getSelfTest', {});
    if (report.phase === 'done') return report;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the self-test did not finish');
}

/** Asserts that only `failing` failed, with `code`, and that its fix exists in both languages. */
function onlyFails(report: SelfTestReport, failing: SelfTestStepId, code: string): void {
  const failed = report.steps.filter((s) => s.status === 'fail').map((s) => [s.id, s.code]);
  assert.deepEqual(failed, [[failing, code]], JSON.stringify(report.steps));
  assert.equal(report.passed, false);
  assert.ok(selfTestFix(code, lookupIn(ja)), `a Japanese fix for ${code}`);
  assert.ok(selfTestFix(code, lookupIn(en)), `an English fix for ${code}`);
}

/** Records every command APDU's INS byte on the way to the card. */
class RecordingCard implements ApduCard {
  readonly ins: number[] = [];
  constructor(private readonly inner: ApduCard) {}
  get atr() {
    return this.inner.atr;
  }
  transmit(command: Uint8Array) {
    this.ins.push(command[1]!);
    return this.inner.transmit(command);
  }
  reset() {
    this.inner.reset();
  }
}

describe('self-test from the staff console, on the simulators', () => {
  let kiosk: TestRuntime;
  before(async () => {
    kiosk = await startTestRuntime({ metrics: { enabled: false } });
  });
  after(async () => kiosk.stop());

  test('refused without a staff session', async () => {
    const result = await kiosk.router.dispatch('staff.startSelfTest', {});
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'staff.no-session');
  });

  test('healthy simulators: every step passes (the queue is not configured), and the run is audited', async () => {
    assert.equal((await call(kiosk, 'staff.login', { passcode: '24681357' })).outcome, 'ok');
    const report = await runSelfTest(kiosk);
    assert.equal(report.passed, true, JSON.stringify(report.steps));
    assert.deepEqual(
      report.steps.map((s) => [s.id, s.status, s.code]),
      [
        ['printer', 'pass', 'printer-ok'],
        ['card', 'pass', 'card-reader-ok'],
        ['cash', 'pass', 'cash-ok'],
        ['cashless', 'pass', 'cashless-ready'],
        ['backend', 'pass', 'backend-ok'],
        ['queue', 'skipped', 'queue-not-configured'],
      ],
    );
    const cash = report.steps.find((s) => s.id === 'cash')!;
    assert.equal(cash.facts.dispensedYen, 10);
    assert.equal(cash.facts.recoveredYen, 10);
    const backend = report.steps.find((s) => s.id === 'backend')!;
    assert.match(String(backend.facts.serverCertNotAfter), /^\d{4}-\d\d-\d\dT/);
    assert.match(String(backend.facts.kioskCertNotAfter), /^\d{4}-\d\d-\d\dT/);
    assert.equal(kiosk.devices.sim.printer?.snapshot().printed, 1, 'one test page');
    const entry = kiosk.audit.entries().at(-1)!;
    assert.equal(entry.kind, 'self-test');
    assert.equal(entry.actor, 'staff');
    assert.equal(entry.outcome, 'ok');
    assert.equal(entry.detail.cash, 'cash-ok');
  });

  test('no journey is offered while the self-test holds the devices, and both come back after it', async () => {
    // The devices asked again after the last run: offered before this one starts.
    for (let i = 0; i < 500 && !(await call(kiosk, 'kiosk.getAvailability', {})).journeys.certificate; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const offered: boolean[] = [];
    const detach = kiosk.hub.addSink((channel, payload) => {
      if (channel === 'kiosk.availabilityChanged') offered.push((payload as Availability).journeys.certificate);
    });
    try {
      await runSelfTest(kiosk);
      for (let i = 0; i < 500 && offered.at(-1) !== true; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(offered, [false, true]);
      assert.equal((await call(kiosk, 'kiosk.getAvailability', {})).journeys.application, true);
    } finally {
      detach();
    }
  });

  test('an inserted card: its token info is read with no VERIFY sent', async () => {
    const card = new RecordingCard(new VirtualMyNumberCard(loadCardFixture('card-001', fixturesDir())));
    kiosk.devices.sim.card!.insertCard(card);
    try {
      const report = await runSelfTest(kiosk);
      const step = report.steps.find((s) => s.id === 'card')!;
      assert.equal(step.code, 'card-read-ok');
      assert.equal(step.facts.tokenLabel, 'JPKIAPICCTOKEN2');
      assert.ok(card.ins.includes(0xb0), 'the token info was read');
      assert.ok(!card.ins.includes(0x20), 'no VERIFY (not even an empty one) reached the card');
    } finally {
      kiosk.devices.sim.card!.removeCard();
    }
  });

  test('a card that is not a My Number Card', async () => {
    kiosk.devices.sim.card!.insertCard({ atr: Uint8Array.of(0x3b, 0x00), transmit: () => Uint8Array.of(0x6a, 0x82), reset: () => undefined });
    try {
      onlyFails(await runSelfTest(kiosk), 'card', 'card-not-my-number-card');
    } finally {
      kiosk.devices.sim.card!.removeCard();
    }
  });

  test('no card reader', async () => {
    kiosk.devices.sim.card!.unplugReader();
    try {
      onlyFails(await runSelfTest(kiosk), 'card', 'card-no-reader');
    } finally {
      kiosk.devices.sim.card!.plugReader();
    }
  });

  for (const fault of ['media-empty', 'media-jam', 'door-open'] as const) {
    test(`printer ${fault}`, async () => {
      kiosk.devices.sim.printer!.injectFault(fault);
      try {
        onlyFails(await runSelfTest(kiosk), 'printer', `printer-${fault}`);
      } finally {
        kiosk.devices.sim.printer!.clearFaults();
      }
    });
  }

  for (const fault of ['jam', 'door-open'] as const) {
    test(`cash unit ${fault}`, async () => {
      kiosk.devices.sim.cash!.injectFault(fault);
      try {
        onlyFails(await runSelfTest(kiosk), 'cash', `cash-${fault}`);
      } finally {
        kiosk.devices.sim.cash!.clearFault(fault);
      }
    });
  }

  test('cash unit low on change (the simulator holds two 10-yen coins)', async () => {
    const before = kiosk.devices.sim.cash!.model.inventorySnapshot();
    kiosk.devices.sim.cash!.setInventory({ 10: 2 });
    try {
      const report = await runSelfTest(kiosk);
      onlyFails(report, 'cash', 'cash-change-low');
      assert.equal(report.steps.find((s) => s.id === 'cash')!.facts.low, '10');
      assert.equal(kiosk.devices.sim.cash!.model.inventorySnapshot()[10], 2, 'nothing was paid out');
    } finally {
      kiosk.devices.sim.cash!.setInventory({ 10: before[10] ?? 50 });
    }
  });

  test('cashless terminal offline', async () => {
    kiosk.devices.sim.cashless!.setOffline(true);
    try {
      onlyFails(await runSelfTest(kiosk), 'cashless', 'cashless-offline');
    } finally {
      kiosk.devices.sim.cashless!.setOffline(false);
    }
  });

  test('refused while a citizen uses the kiosk', async () => {
    await call(kiosk, 'session.start', { journey: 'certificate' });
    try {
      const result = await kiosk.router.dispatch('staff.startSelfTest', {});
      assert.equal(!result.ok && result.error.code, 'staff.not-allowed');
    } finally {
      await kiosk.session.end('cancel');
    }
  });

  test('back end down (last: it stays down for a minute)', async () => {
    await call(kiosk, 'simulator.fault', { device: 'backend', fault: 'down' });
    onlyFails(await runSelfTest(kiosk), 'backend', 'backend-unreachable');
  });
});
