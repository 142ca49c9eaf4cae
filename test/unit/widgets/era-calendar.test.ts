import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as mainEra from '../../../main/applications/era';
import {
  ERAS,
  daysInMonth,
  eraOf,
  eraWesternYears,
  eraByName,
  erasBetween,
  isInEra,
  latestEraOfYear,
  parseIso,
  todayYearInJapan,
  warekiText,
} from '../../../renderer/widgets/era-calendar';

describe('era-calendar: boundaries', () => {
  const cases: [string, string][] = [
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1873-01-01', '明治6年1月1日'],
    ['2025-04-01', '令和7年4月1日'],
  ];
  for (const [iso, text] of cases) test(`${iso} → ${text}`, () => assert.equal(warekiText(iso), text));

  test('before 明治6年 (the lunisolar calendar) and non-dates give null', () => {
    assert.equal(warekiText('1872-12-31'), null);
    assert.equal(warekiText('2023-02-29'), null);
    assert.equal(warekiText('2025-4-1'), null);
    assert.equal(eraOf('1872-12-31'), null);
  });

  test('the table is the same as main/applications/era.ts, day by day around every boundary', () => {
    assert.deepEqual(
      ERAS.map((e) => [e.name, e.start, e.firstYear]),
      mainEra.ERAS.map((e) => [e.name, e.start, e.firstYear]),
    );
    for (const era of ERAS.slice(1)) {
      for (let k = -3; k <= 3; k++) {
        const iso = mainEra.addDays(era.start, k)!;
        assert.equal(warekiText(iso), mainEra.isoToWarekiText(iso), iso);
      }
    }
  });

  test('every day of 1989 and 2019 agrees with the main side', () => {
    for (const y of [1912, 1926, 1989, 2019, 2024]) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= daysInMonth(y, m); d++) {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          assert.equal(warekiText(iso), mainEra.isoToWarekiText(iso), iso);
        }
      }
    }
  });
});

describe('era-calendar: spans', () => {
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
    assert.deepEqual(erasBetween(1913, 2025).map((e) => e.name), ['大正', '昭和', '平成', '令和']);
    assert.deepEqual(erasBetween(1990, 2018).map((e) => e.name), ['平成']);
    assert.deepEqual(erasBetween(1900, 1950).map((e) => e.name), ['明治', '大正', '昭和']);
    assert.equal(latestEraOfYear(1989)?.name, '平成');
    assert.equal(latestEraOfYear(2019)?.name, '令和');
    assert.equal(latestEraOfYear(1800), null);
  });

  test('parseIso is strict; leap years; Japan year at New Year', () => {
    assert.deepEqual(parseIso('2024-02-29'), { y: 2024, m: 2, d: 29 });
    assert.equal(parseIso('1900-02-29'), null);
    assert.equal(parseIso('2000-02-29')?.d, 29);
    assert.equal(parseIso(undefined), null);
    assert.equal(parseIso('2024-13-01'), null);
    // 2025-12-31T15:00Z is already 2026 in Tokyo.
    assert.equal(todayYearInJapan(new Date('2025-12-31T15:00:00Z')), 2026);
    assert.equal(todayYearInJapan(new Date('2025-12-31T14:59:59Z')), 2025);
  });
});
