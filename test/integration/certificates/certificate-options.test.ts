/**
 * Every option the back end offers, through the real runtime and back end: the choose view
 * carries the household, the 戸籍 and the years; 世帯の一部 prints exactly the members chosen, a
 * 課税証明書 the year chosen; an option the back end would refuse is not sent to it.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { CertificateChoice, CertificateStep } from '../../../contract/certificate-journey';
import { call, insertCash, startTestRuntime, waitForStep, type TestRuntime } from '../../support/journey-driver';
import { pdfText } from '../../support/pdf-text';

let runtime: TestRuntime;
let steps: CertificateStep[];

beforeEach(async () => {
  runtime = await startTestRuntime();
  steps = [];
  runtime.hub.addSink((channel, payload) => {
    if (channel === 'certificate.changed') steps.push((payload as { step: CertificateStep }).step);
  });
});

afterEach(async () => {
  await runtime.stop();
});

async function chooseAsCard001() {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
  await waitForStep(runtime, 'pin');
  const view = await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
  assert.equal(view.step, 'choose');
  return view.step === 'choose' ? view : assert.fail('not at choose');
}

/** Buys `choice` in cash and returns the printed certificate's text. */
async function buy(choice: CertificateChoice): Promise<string> {
  const pay = await call(runtime, 'certificate.choose', choice);
  assert.equal(pay.step, 'pay', JSON.stringify(pay));
  const paying = call(runtime, 'certificate.pay', { method: 'cash' });
  await insertCash(runtime, pay.step === 'pay' ? pay.dueYen : 0);
  await paying;
  await waitForStep(runtime, 'take-card');
  await call(runtime, 'simulator.removeCard', {});
  await waitForStep(runtime, 'take-certificate', 20_000);
  return pdfText(runtime.devices.sim.printer!.printed.at(-1)!.pdf);
}

describe('certificate options', () => {
  test('the choose view offers the household by name, the 戸籍 and the years, newest first', async () => {
    const view = await chooseAsCard001();
    assert.deepEqual(view.options.juminhyoScopes, ['self', 'household', 'partial']);
    assert.deepEqual(
      view.options.household.map((m) => [m.id, m.relationship, m.self]),
      [
        ['res-001', '世帯主', true],
        ['ward-101', '妻', false],
        ['ward-102', '子', false],
      ],
    );
    assert.match(view.options.household[2]!.name, /陽菜/);
    assert.ok(view.options.register.some((m) => m.self));
    assert.deepEqual(view.options.taxYears, [2025, 2024]);
  });

  test('世帯の一部 prints the members chosen and not the others', async () => {
    await chooseAsCard001();
    const text = await buy({ type: 'juminhyo', copies: 1, scope: 'partial', memberIds: ['res-001', 'ward-102'], householdHead: true, honseki: false });
    assert.match(text, /陽菜/);
    assert.doesNotMatch(text, /由美/, 'a member not chosen is not on the certificate');
  });

  test('a 課税証明書 prints the year chosen, not the newest', async () => {
    await chooseAsCard001();
    const text = await buy({ type: 'kazei', copies: 1, scope: 'self', householdHead: false, honseki: false, fiscalYear: 2024 });
    assert.match(text, /令和6年度/);
    assert.doesNotMatch(text, /令和7年度/);
  });

  test('an option the back end would refuse is explained on the choice and never sent', async () => {
    await chooseAsCard001();
    const refused = await call(runtime, 'certificate.choose', {
      type: 'kazei',
      copies: 1,
      scope: 'self',
      householdHead: false,
      honseki: false,
      fiscalYear: 2019,
    });
    assert.equal(refused.step === 'choose' && refused.errorKey, 'certificate.refusal.no-tax-record');
    const stranger = await call(runtime, 'certificate.choose', {
      type: 'juminhyo',
      copies: 1,
      scope: 'partial',
      memberIds: ['ward-103'],
      householdHead: false,
      honseki: false,
    });
    assert.equal(stranger.step === 'choose' && stranger.errorKey, 'certificate.refusal.member-not-in-household');
    assert.ok(!steps.includes('preparing'), `nothing was prepared (steps: ${steps.join(', ')})`);
  });
});
