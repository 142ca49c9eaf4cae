import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type DateBounds,
  type DateDraft,
  daysOfMonth,
  draftIso,
  initialDraft,
  isDayAllowed,
  isMonthAllowed,
  offeredEras,
  setCalendar,
  setDay,
  setEra,
  setMonth,
  stepYear,
  yearRange,
} from '../../../renderer/widgets/date-picker-model';
import { isInEra, eraByName, parseIso } from '../../../contract/japanese-calendar';

const B: DateBounds = { minYear: 1900, maxYear: 2026 };

describe('date-picker-model: start', () => {
  test('an ISO value inside the bounds opens on that date, in the era of that day', () => {
    const d = initialDraft('1989-01-07', 'era', B, 2026);
    assert.deepEqual(d, { calendar: 'era', era: '昭和', year: 1989, month: 1, day: 7 });
    assert.equal(draftIso(d, B), '1989-01-07');
  });

  test('no value: the start year, nothing else chosen, the era of that year', () => {
    const d = initialDraft(undefined, 'era', B, 2026);
    assert.deepEqual(d, { calendar: 'era', era: '令和', year: 2026, month: null, day: null });
    assert.equal(draftIso(d, B), null);
    assert.deepEqual(initialDraft('garbage', 'western', B, 1970), { calendar: 'western', era: null, year: 1970, month: null, day: null });
  });

  test('a value or a start year outside the bounds is not used as is', () => {
    assert.equal(initialDraft('1850-01-01', 'western', B, 2026).month, null);
    assert.equal(initialDraft(undefined, 'western', B, 2100).year, 2026);
  });

  test('the eras offered follow the bounds', () => {
    assert.deepEqual(
      offeredEras(B).map((e) => e.name),
      ['明治', '大正', '昭和', '平成', '令和'],
    );
    assert.deepEqual(
      offeredEras({ minYear: 1920, maxYear: 2026 }).map((e) => e.name),
      ['大正', '昭和', '平成', '令和'],
    );
    assert.deepEqual(
      offeredEras({ minYear: 2020, maxYear: 2026 }).map((e) => e.name),
      ['令和'],
    );
  });
});

describe('date-picker-model: impossible days cannot be chosen', () => {
  test('2月30日 does not exist; 2月29日 only in leap years', () => {
    const d: DateDraft = { calendar: 'western', era: null, year: 2023, month: 2, day: null };
    assert.equal(isDayAllowed(d, B, 2, 29), false);
    assert.equal(isDayAllowed(d, B, 2, 30), false);
    assert.deepEqual(daysOfMonth(d).length, 28);
    assert.equal(setDay(d, B, 30), d, 'refused, nothing changes');
    assert.equal(daysOfMonth({ ...d, year: 2024 }).length, 29);
  });

  test('昭和64年 has only 1月1日–7日; 平成元年 starts on 1月8日', () => {
    const showa = setEra(initialDraft(undefined, 'era', B, 2026), B, '昭和');
    assert.equal(showa.year, 1989, 'from 令和 the nearest 昭和 year is 昭和64年');
    assert.equal(isMonthAllowed(showa, B, 1), true);
    assert.equal(isMonthAllowed(showa, B, 2), false);
    const jan = setMonth(showa, B, 1);
    assert.equal(isDayAllowed(jan, B, 1, 7), true);
    assert.equal(isDayAllowed(jan, B, 1, 8), false);
    const heisei = setMonth(setEra(jan, B, '平成'), B, 1);
    assert.equal(heisei.year, 1989);
    assert.equal(isDayAllowed(heisei, B, 1, 7), false);
    assert.equal(isDayAllowed(heisei, B, 1, 8), true);
  });

  test('平成31年5月 and 令和元年4月 are not offered', () => {
    const h31: DateDraft = { calendar: 'era', era: '平成', year: 2019, month: null, day: null };
    assert.equal(isMonthAllowed(h31, B, 4), true);
    assert.equal(isMonthAllowed(h31, B, 5), false);
    const r1: DateDraft = { ...h31, era: '令和' };
    assert.equal(isMonthAllowed(r1, B, 4), false);
    assert.equal(isMonthAllowed(r1, B, 5), true);
    assert.equal(setMonth(r1, B, 4), r1);
  });

  test('bounds: nothing after maxYear, nothing before minYear', () => {
    const b: DateBounds = { minYear: 2000, maxYear: 2010 };
    assert.deepEqual(yearRange({ calendar: 'western', era: null, year: 2005, month: null, day: null }, b), { min: 2000, max: 2010 });
    const d = stepYear({ calendar: 'western', era: null, year: 2005, month: null, day: null }, b, 10);
    assert.equal(d.year, 2010);
    assert.equal(stepYear(d, b, -100).year, 2000);
  });

  test('in 和暦 the year stepper stays inside the era', () => {
    const d: DateDraft = { calendar: 'era', era: '平成', year: 2015, month: null, day: null };
    assert.equal(stepYear(d, B, 10).year, 2019);
    assert.equal(stepYear(d, B, -100).year, 1989);
    assert.deepEqual(yearRange(d, B), { min: 1989, max: 2019 });
  });
});

describe('date-picker-model: moves keep the chosen day where they can', () => {
  test('3月31日 → 4月 becomes 4月30日; 2024-02-29 → 2025 becomes 2月28日', () => {
    const d = setDay(setMonth(initialDraft(undefined, 'western', B, 2025), B, 3), B, 31);
    assert.equal(draftIso(d, B), '2025-03-31');
    assert.equal(draftIso(setMonth(d, B, 4), B), '2025-04-30');
    const leap = initialDraft('2024-02-29', 'western', B, 2026);
    assert.equal(draftIso(stepYear(leap, B, 1), B), '2025-02-28');
  });

  test('a day the new era forbids is unchosen, never moved into another era', () => {
    const d = initialDraft('1989-01-20', 'era', B, 2026);
    assert.equal(d.era, '平成');
    const showa = setEra(d, B, '昭和');
    assert.equal(showa.year, 1989);
    assert.equal(showa.month, 1);
    assert.equal(showa.day, null);
    assert.equal(draftIso(showa, B), null);
  });

  test('switching 和暦 ⇄ 西暦 keeps the day and takes its era', () => {
    const w = initialDraft('2019-04-30', 'western', B, 2026);
    const e = setCalendar(w, B, 'era');
    assert.equal(e.era, '平成');
    assert.equal(draftIso(e, B), '2019-04-30');
    const back = setCalendar(e, B, 'western');
    assert.equal(back.era, null);
    assert.equal(draftIso(back, B), '2019-04-30');
    // Only a year known: the later era of that year.
    assert.equal(setCalendar(initialDraft(undefined, 'western', B, 1989), B, 'era').era, '平成');
  });

  test('property: any sequence of moves yields either no date or an allowed one inside its era', () => {
    const move = fc.oneof(
      fc.record({ k: fc.constant('year' as const), n: fc.constantFrom(-10, -1, 1, 10) }),
      fc.record({ k: fc.constant('month' as const), n: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ k: fc.constant('day' as const), n: fc.integer({ min: 1, max: 31 }) }),
      fc.record({ k: fc.constant('era' as const), n: fc.constantFrom('明治', '大正', '昭和', '平成', '令和') }),
      fc.record({ k: fc.constant('cal' as const), n: fc.constantFrom('era', 'western') }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1890, max: 2030 }), fc.array(move, { maxLength: 30 }), (start, moves) => {
        let d = initialDraft(undefined, 'era', B, start);
        for (const m of moves) {
          if (m.k === 'year') d = stepYear(d, B, m.n);
          else if (m.k === 'month') d = setMonth(d, B, m.n);
          else if (m.k === 'day') d = setDay(d, B, m.n);
          else if (m.k === 'era') d = offeredEras(B).some((e) => e.name === m.n) ? setEra(d, B, m.n) : d;
          else d = setCalendar(d, B, m.n);
          assert.ok(d.year >= 1900 && d.year <= 2026);
          const iso = draftIso(d, B);
          if (iso !== null) {
            assert.ok(parseIso(iso), iso);
            if (d.calendar === 'era' && d.era) assert.ok(isInEra(iso, eraByName(d.era)), `${iso} in ${d.era}`);
          }
          if (d.day !== null) assert.notEqual(d.month, null);
        }
      }),
      { numRuns: 300 },
    );
  });
});
