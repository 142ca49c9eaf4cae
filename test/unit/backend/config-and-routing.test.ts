import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWardConfig, resolveWardConfig } from '../../../backend/ward-config';
import { matchRoute, type Route } from '../../../platform/http/route-table';
import { ApiError } from '../../../platform/http/api-error';
import { jstDay, toJstIso, toWarekiDate } from '../../../backend/certificates/japanese-date';

describe('ward configuration', () => {
  test('defaults are the usual Kitakyushu kiosk fees', () => {
    assert.deepEqual(defaultWardConfig.fees, { juminhyo: 300, inkan: 300, 'koseki-zenbu': 450, 'koseki-kojin': 450, fuhyo: 300, kazei: 300 });
  });

  test('fee overrides merge per type; bad values are rejected', () => {
    const c = resolveWardConfig({ fees: { kazei: 350 }, sessionTtlMs: 60_000 });
    assert.equal(c.fees.kazei, 350);
    assert.equal(c.fees.juminhyo, 300);
    assert.equal(c.sessionTtlMs, 60_000);
    assert.throws(() => resolveWardConfig({ fees: { kazei: -1 } }));
    assert.throws(() => resolveWardConfig({ fees: { 'my-number-card': 0 } }));
    assert.throws(() => resolveWardConfig({ wards: ['osaka'] }));
  });
});

describe('route table', () => {
  const routes: Route<null>[] = [
    { method: 'GET', path: '/v1/certificates/{serial}', handle: () => ({ status: 200, body: null }) },
    { method: 'POST', path: '/v1/certificates/{serial}/void', handle: () => ({ status: 200, body: null }) },
  ];
  test('matches placeholders and returns params', () => {
    const m = matchRoute(routes, 'POST', '/v1/certificates/40106-2025-0000001/void');
    assert.equal(m.route.path, '/v1/certificates/{serial}/void');
    assert.deepEqual(m.params, { serial: '40106-2025-0000001' });
  });
  test('unknown path is 404, wrong method is 405, odd characters do not match', () => {
    const status = (method: string, path: string) => {
      try {
        matchRoute(routes, method, path);
        return 200;
      } catch (e) {
        assert.ok(e instanceof ApiError);
        return e.status;
      }
    };
    assert.equal(status('GET', '/v1/nothing'), 404);
    assert.equal(status('POST', '/v1/certificates/abc'), 405);
    assert.equal(status('GET', '/v1/certificates/..%2F'), 404);
  });
});

describe('Japanese dates', () => {
  test('和暦 with 元年 and era boundaries', () => {
    assert.equal(toWarekiDate('2019-05-01'), '令和元年5月1日');
    assert.equal(toWarekiDate('2019-04-30'), '平成31年4月30日');
    assert.equal(toWarekiDate('1989-01-07'), '昭和64年1月7日');
    assert.equal(toWarekiDate('2025-11-28'), '令和7年11月28日');
    assert.equal(toWarekiDate('not a date'), 'not a date');
  });
  test('JST timestamps and calendar days', () => {
    assert.equal(toJstIso(new Date('2025-12-31T15:30:00Z')), '2026-01-01T00:30:00+09:00');
    assert.equal(jstDay(new Date('2025-12-31T15:30:00Z')), '20260101');
  });
});
