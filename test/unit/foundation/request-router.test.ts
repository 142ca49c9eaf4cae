import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KioskError } from '../../../contract/errors';
import type { Availability, SessionState } from '../../../contract/kiosk-api';
import type { SelfTestReport } from '../../../contract/self-test';
import { RequestRouter, type RequestHandlers } from '../../../main/ipc/request-router';

const idle: SessionState = { phase: 'idle' };
const AVAILABLE: Availability = {
  hours: { state: 'open', today: { opens: '00:00', closes: '24:00' }, next: null },
  devices: { printer: true, cash: true, cashless: true },
  journeys: { certificate: true, application: true },
  hoursOverridden: false,
};

const NO_SELF_TEST: SelfTestReport = { phase: 'idle', startedAt: null, finishedAt: null, passed: null, steps: [] };

function makeRouter(overrides: Partial<RequestHandlers> = {}) {
  const calls: string[] = [];
  const record =
    <T>(name: string, value: T) =>
    async () => {
      calls.push(name);
      return value;
    };
  const handlers: RequestHandlers = {
    'kiosk.getInfo': record('kiosk.getInfo', {
      kioskId: 'k1',
      ward: { id: 'moji', nameJa: '門司区', nameEn: 'Moji Ward' },
      languages: ['ja'],
      defaultLanguage: 'ja',
      shell: 'browser',
      maintenance: false,
      simulated: { card: true, printer: true, cash: true, cashless: true },
      shufflePinPad: false,
    } as const),
    'session.getState': record('session.getState', idle),
    'session.start': record('session.start', idle),
    'session.setJourney': record('session.setJourney', idle),
    'session.activity': record('session.activity', idle),
    'session.extend': record('session.extend', idle),
    'session.end': record('session.end', idle),
    'certificate.begin': record('certificate.begin', { step: 'idle' } as const),
    'certificate.getView': record('certificate.getView', { step: 'idle' } as const),
    'certificate.submitPin': record('certificate.submitPin', { step: 'idle' } as const),
    'certificate.choose': record('certificate.choose', { step: 'idle' } as const),
    'certificate.addToBasket': record('certificate.addToBasket', { step: 'idle' } as const),
    'certificate.removeFromBasket': record('certificate.removeFromBasket', { step: 'idle' } as const),
    'certificate.checkout': record('certificate.checkout', { step: 'idle' } as const),
    'certificate.pay': record('certificate.pay', { step: 'idle' } as const),
    'certificate.back': record('certificate.back', { step: 'idle' } as const),
    'certificate.cancelPaid': record('certificate.cancelPaid', { step: 'idle' } as const),
    'certificate.setReceipt': record('certificate.setReceipt', { step: 'idle' } as const),
    'simulator.listCards': record('simulator.listCards', []),
    'simulator.insertCard': record('simulator.insertCard', {}),
    'simulator.removeCard': record('simulator.removeCard', {}),
    'simulator.insertCash': record('simulator.insertCash', {}),
    'simulator.cashlessNext': record('simulator.cashlessNext', {}),
    'simulator.fault': record('simulator.fault', {}),
    'queue.getState': record('queue.getState', { enabled: false, waits: null }),
    'queue.takeTicket': record('queue.takeTicket', { outcome: 'unavailable' } as const),
    'queue.takeApplicationTicket': record('queue.takeApplicationTicket', { outcome: 'unavailable' } as const),
    'queue.checkIn': record('queue.checkIn', { outcome: 'unavailable' } as const),
    'voice.getInfo': record('voice.getInfo', { languages: ['ja'], settings: { rate: 'normal', volume: 'medium' } } as const),
    'voice.setSettings': record('voice.setSettings', { languages: ['ja'], settings: { rate: 'normal', volume: 'medium' } } as const),
    'voice.prompt': record('voice.prompt', { audio: `/voice/${'0'.repeat(64)}.wav` }),
    'kiosk.getAvailability': record('kiosk.getAvailability', AVAILABLE),
    'simulator.openOutsideHours': record('simulator.openOutsideHours', AVAILABLE),
    'staff.getState': record('staff.getState', { phase: 'closed' } as const),
    'staff.login': record('staff.login', { outcome: 'citizen-busy' } as const),
    'staff.logout': record('staff.logout', { phase: 'closed' } as const),
    'staff.activity': record('staff.activity', { phase: 'closed' } as const),
    'staff.getOverview': async () => {
      throw new KioskError('staff.no-session');
    },
    'staff.ackAlert': record('staff.ackAlert', []),
    'staff.listTransactions': record('staff.listTransactions', []),
    'staff.reprint': async () => {
      throw new KioskError('staff.no-session');
    },
    'staff.void': async () => {
      throw new KioskError('staff.no-session');
    },
    'staff.retryOutbox': record('staff.retryOutbox', { ok: true } as const),
    'staff.reconciliation': async () => {
      throw new KioskError('staff.no-session');
    },
    'staff.listVouchers': record('staff.listVouchers', []),
    'staff.startSelfTest': record('staff.startSelfTest', NO_SELF_TEST),
    'staff.getSelfTest': record('staff.getSelfTest', NO_SELF_TEST),
    'staff.settleVoucher': async () => {
      throw new KioskError('staff.no-session');
    },
    'application.begin': record('application.begin', { step: 'idle' } as const),
    'application.getView': record('application.getView', { step: 'idle' } as const),
    'application.searchGuide': record('application.searchGuide', []),
    'application.openEvent': record('application.openEvent', { step: 'idle' } as const),
    'application.toggleProcedure': record('application.toggleProcedure', { step: 'idle' } as const),
    'application.start': record('application.start', { step: 'idle' } as const),
    'application.identify': record('application.identify', { step: 'idle' } as const),
    'application.submitPin': record('application.submitPin', { step: 'idle' } as const),
    'application.answer': record('application.answer', { step: 'idle' } as const),
    'application.back': record('application.back', { step: 'idle' } as const),
    'application.edit': record('application.edit', { step: 'idle' } as const),
    'application.submit': record('application.submit', { step: 'idle' } as const),
    'application.offerSignature': record('application.offerSignature', { step: 'idle' } as const),
    'application.sign': record('application.sign', { step: 'idle' } as const),
    'application.submitSignPassword': record('application.submitSignPassword', { step: 'idle' } as const),
    'application.lookupPostal': record('application.lookupPostal', []),
    ...overrides,
  };
  return { router: new RequestRouter(handlers), calls };
}

describe('request router', () => {
  test('a valid request reaches its handler and returns its value', async () => {
    const { router, calls } = makeRouter();
    const result = await router.dispatch('session.start', { journey: 'certificate' });
    assert.deepEqual(result, { ok: true, value: idle });
    assert.deepEqual(calls, ['session.start']);
  });

  test('an unknown channel is rejected and nothing runs', async () => {
    const { router, calls } = makeRouter();
    for (const channel of ['session.delete', '__proto__', 'constructor', 'toString', 42, null, 'a'.repeat(500)]) {
      const result = await router.dispatch(channel, {});
      assert.deepEqual(result, { ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } });
    }
    assert.deepEqual(calls, []);
  });

  test('a PIN that is not four digits never reaches the handler', async () => {
    const { router, calls } = makeRouter();
    for (const pin of ['123', '12345', '12a4', '１２３４', ' 1234', 1234]) {
      const result = await router.dispatch('certificate.submitPin', { pin, confirmedLastTry: false });
      assert.equal(!result.ok && result.error.code, 'invalid-request');
    }
    assert.deepEqual(calls, []);
  });

  test('an invalid payload is rejected and nothing runs', async () => {
    const { router, calls } = makeRouter();
    const bad = [undefined, null, 'x', { journey: 'passport' }, { journey: 'certificate', extra: 1 }];
    for (const payload of bad) {
      const result = await router.dispatch('session.start', payload);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.code, 'invalid-request');
    }
    assert.deepEqual(calls, []);
  });

  test("a simulator fault outside the simulators' own faults never reaches the handler", async () => {
    const { router, calls } = makeRouter();
    const bad = [
      { device: 'printer', fault: 'explode' },
      { device: 'printer', fault: 'offline' },
      { device: 'cash', fault: 'media-jam' },
      { device: 'backend', fault: 'clear' },
      { device: 'backend', fault: 'down', durationMs: 600_000 },
      { device: 'card', fault: 'jam' },
      { fault: 'jam' },
    ];
    for (const payload of bad) {
      const result = await router.dispatch('simulator.fault', payload);
      assert.equal(!result.ok && result.error.code, 'invalid-request', JSON.stringify(payload));
    }
    assert.deepEqual(calls, []);
    assert.equal((await router.dispatch('simulator.fault', { device: 'cash', fault: 'jam' })).ok, true);
    assert.deepEqual(calls, ['simulator.fault']);
  });

  test('a handler result that breaks the contract does not reach the renderer', async () => {
    const { router } = makeRouter({ 'session.getState': async () => ({ phase: 'dancing' }) as unknown as SessionState });
    const result = await router.dispatch('session.getState', {});
    assert.deepEqual(result, { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
  });

  test('a KioskError keeps its code; any other error becomes internal with no detail', async () => {
    const { router } = makeRouter({
      'session.end': async () => {
        throw new KioskError('no-session');
      },
      'session.extend': async () => {
        throw new Error('secret detail /home/someone');
      },
    });
    assert.deepEqual(await router.dispatch('session.end', { reason: 'cancel' }), {
      ok: false,
      error: { code: 'no-session', messageKey: 'errors.no-session' },
    });
    const internal = await router.dispatch('session.extend', {});
    assert.deepEqual(internal, { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    assert.doesNotMatch(JSON.stringify(internal), /secret/);
  });
});
