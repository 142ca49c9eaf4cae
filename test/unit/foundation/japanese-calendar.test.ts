/**
 * The one Japanese calendar (contract/japanese-calendar.ts): every era boundary, 明治 included
 * (a drifted copy once began 明治 in 1873 and printed 1910 as 明治38年), 元年, fiscal years, the
 * day in Japan, and totality over arbitrary input.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ERAS,
  addDays,
  ageOn,
  daysInMonth,
  eraByName,
  eraOf,
  erasBetween,
  eraWesternYears,
  fiscalYearOf,
  formatWareki,
  fromWareki,
  isInEra,
  japanWallClock,
  latestEraOfYear,
  parseIso,
  toWareki,
  todayInJapan,
  warekiFiscalYearText,
  warekiText,
} from '../../../contract/japanese-calendar';

describe('Western → 和暦 at every boundary', () => {
  const cases: [string, string][] = [
    ['1873-01-01', '明治6年1月1日'],
    ['1900-01-01', '明治33年1月1日'],
    ['1910-01-01', '明治43年1月1日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2020-01-01', '令和2年1月1日'],
  ];
  for (const [iso, text] of cases) test(`${iso} → ${text}`, () => assert.equal(warekiText(iso), text));

  test('明治 years count from 1868 (元年), every year of it', () => {
    for (let y = 1873; y <= 1911; y++) assert.equal(warekiText(`${y}-06-01`), `明治${y - 1867}年6月1日`);
  });

  test('every day around every boundary belongs to exactly one era, and the era changes on its start day', () => {
    for (const era of ERAS.slice(1)) {
      for (let k = -3; k <= 3; k++) {
        const iso = addDays(era.start, k)!;
        const inside = ERAS.filter((e) => isInEra(iso, e));
        assert.equal(inside.length, 1, iso);
        assert.equal(eraOf(iso)?.name, k < 0 ? ERAS[ERAS.indexOf(era) - 1]!.name : era.name, iso);
      }
    }
  });

  test('before 明治6年 (the lunisolar calendar) and non-dates give null', () => {
    assert.equal(warekiText('1872-12-31'), null);
    assert.equal(warekiText('1868-10-23'), null);
    assert.equal(warekiText('2023-02-29'), null);
    assert.equal(warekiText('2025-4-1'), null);
    assert.equal(eraOf('1872-12-31'), null);
    assert.equal(eraOf('not a date'), null);
  });
});

describe('和暦 → Western', () => {
  test('元年 and last years map back', () => {
    assert.deepEqual(fromWareki({ era: '明治', year: 43, month: 1, day: 1 }), { ok: true, value: '1910-01-01' });
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
    assert.deepEqual(fromWareki({ era: '明治', year: 5, month: 12, day: 31 }), { ok: false, error: { code: 'before-supported' } });
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
    fc.assert(
      fc.property(fc.date({ min: new Date('1873-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const w = toWareki(iso);
        assert.ok(w.ok);
        assert.deepEqual(fromWareki(w.value), { ok: true, value: iso });
      }),
    );
  });
  test('toWareki and warekiText are total over arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        toWareki(s);
        warekiText(s);
        eraOf(s);
      }),
    );
  });
  test('formatWareki writes 元年', () => assert.equal(formatWareki({ era: '令和', year: 1, month: 12, day: 3 }), '令和元年12月3日'));
});

describe('spans, fiscal years, days', () => {
  test('Western years of each era, both ends inclusive', () => {
    assert.deepEqual(eraWesternYears(eraByName('昭和')), { first: 1926, last: 1989 });
    assert.deepEqual(eraWesternYears(eraByName('平成')), { first: 1989, last: 2019 });
    assert.deepEqual(eraWesternYears(eraByName('大正')), { first: 1912, last: 1926 });
    assert.deepEqual(eraWesternYears(eraByName('明治')), { first: 1873, last: 1912 });
    assert.equal(eraWesternYears(eraByName('令和')).first, 2019);
  });

  test('isInEra at the edges', () => {
    assert.equal(isInEra('1989-01-07', eraByName('昭和')), true);
    assert.equal(isInEra('1989-01-08', eraByName('昭和')), false);
    assert.equal(isInEra('1989-01-08', eraByName('平成')), true);
    assert.equal(isInEra('2019-04-30', eraByName('令和')), false);
    assert.equal(isInEra('1872-12-31', eraByName('明治')), false);
  });

  test('erasBetween and latestEraOfYear', () => {
    assert.deepEqual(
      erasBetween(1913, 2025).map((e) => e.name),
      ['大正', '昭和', '平成', '令和'],
    );
    assert.deepEqual(
      erasBetween(1990, 2018).map((e) => e.name),
      ['平成'],
    );
    assert.deepEqual(
      erasBetween(1900, 1950).map((e) => e.name),
      ['明治', '大正', '昭和'],
    );
    assert.equal(latestEraOfYear(1989)?.name, '平成');
    assert.equal(latestEraOfYear(2019)?.name, '令和');
    assert.equal(latestEraOfYear(1800), null);
  });

  test('fiscal years (年度) start in April and take the era of their first day', () => {
    assert.equal(fiscalYearOf('2026-03-31'), 2025);
    assert.equal(fiscalYearOf('2026-04-01'), 2026);
    assert.equal(warekiFiscalYearText(2019), '平成31年度');
    assert.equal(warekiFiscalYearText(2020), '令和2年度');
    assert.equal(warekiFiscalYearText(1910), '明治43年度');
    assert.equal(warekiFiscalYearText(1872), null);
  });

  test('parseIso is strict; leap years; age and date arithmetic', () => {
    assert.deepEqual(parseIso('2024-02-29'), { y: 2024, m: 2, d: 29 });
    assert.equal(parseIso('1900-02-29'), null);
    assert.equal(parseIso('2000-02-29')?.d, 29);
    assert.equal(parseIso(undefined), null);
    assert.equal(parseIso('2024-13-01'), null);
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(ageOn('2000-02-29', '2024-02-28'), 23);
    assert.equal(ageOn('2000-02-29', '2024-02-29'), 24);
    assert.equal(ageOn('2000-01-01', '1999-01-01'), null);
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
  });

  test('the day in Japan: 2025-12-31T15:00Z is already New Year in Tokyo', () => {
    assert.equal(todayInJapan(Date.parse('2025-12-31T15:00:00Z')), '2026-01-01');
    assert.equal(todayInJapan(Date.parse('2025-12-31T14:59:59Z')), '2025-12-31');
    assert.deepEqual(japanWallClock(Date.parse('2019-04-30T15:00:00Z')), {
      isoDate: '2019-05-01',
      year: 2019,
      month: 5,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
    });
  });
});
