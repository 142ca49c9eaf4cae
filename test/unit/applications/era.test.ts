import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ageOn, addDays, formatWareki, fromWareki, isoToWarekiText, toWareki } from '../../../main/applications/era';

describe('era: Western → 和暦 at the boundaries', () => {
  const cases: [string, string][] = [
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1873-01-01', '明治6年1月1日'],
  ];
  for (const [iso, text] of cases) {
    test(`${iso} → ${text}`, () => assert.equal(isoToWarekiText(iso), text));
  }
});

describe('era: 和暦 → Western', () => {
  test('元年 and last years map back', () => {
    assert.deepEqual(fromWareki({ era: '平成', year: 1, month: 1, day: 8 }), { ok: true, value: '1989-01-08' });
    assert.deepEqual(fromWareki({ era: '令和', year: 1, month: 5, day: 1 }), { ok: true, value: '2019-05-01' });
    assert.deepEqual(fromWareki({ era: '昭和', year: 64, month: 1, day: 7 }), { ok: true, value: '1989-01-07' });
    assert.deepEqual(fromWareki({ era: '平成', year: 31, month: 4, day: 30 }), { ok: true, value: '2019-04-30' });
  });
  test('days outside the era are refused', () => {
    assert.deepEqual(fromWareki({ era: '昭和', year: 64, month: 1, day: 8 }), { ok: false, error: { code: 'outside-era' } });
    assert.deepEqual(fromWareki({ era: '平成', year: 31, month: 5, day: 1 }), { ok: false, error: { code: 'outside-era' } });
    assert.deepEqual(fromWareki({ era: '平成', year: 1, month: 1, day: 7 }), { ok: false, error: { code: 'outside-era' } });
    assert.deepEqual(fromWareki({ era: '令和', year: 1, month: 4, day: 30 }), { ok: false, error: { code: 'outside-era' } });
  });
  test('bad input is a typed error, never a throw', () => {
    assert.equal(fromWareki({ era: '慶応', year: 1, month: 1, day: 1 }).ok, false);
    assert.equal(fromWareki({ era: '令和', year: 5, month: 2, day: 30 }).ok, false);
    assert.equal(fromWareki({ era: '令和', year: 0, month: 1, day: 1 }).ok, false);
    assert.equal(fromWareki({ era: '令和', year: '5', month: 1, day: 1 }).ok, false);
    assert.equal(toWareki('2019-02-29').ok, false);
    assert.equal(toWareki('1850-01-01').ok, false);
    assert.equal(toWareki(null).ok, false);
    assert.equal(toWareki('20190501').ok, false);
  });
  test('round trip for any supported date (property)', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1873-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const w = toWareki(iso);
      assert.ok(w.ok);
      assert.deepEqual(fromWareki(w.value), { ok: true, value: iso });
    }));
  });
  test('toWareki is total over arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => { toWareki(s); }));
  });
  test('formatWareki writes 元年', () => assert.equal(formatWareki({ era: '令和', year: 1, month: 12, day: 3 }), '令和元年12月3日'));
  test('age and date arithmetic', () => {
    assert.equal(ageOn('2000-02-29', '2024-02-28'), 23);
    assert.equal(ageOn('2000-02-29', '2024-02-29'), 24);
    assert.equal(ageOn('2000-01-01', '1999-01-01'), null);
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
  });
});
