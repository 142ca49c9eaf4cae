/**
 * Service hours as configuration data: validated, and read at a given instant (never the host's
 * clock: each case names its Japan time).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { parseConfig } from '../../../main/config/load-config';
import { AROUND_THE_CLOCK, serviceHoursAt, serviceHoursSchema } from '../../../main/config/service-hours';

const jst = (isoLocal: string): number => Date.parse(`${isoLocal}+09:00`);
const demo = DEFAULT_CONFIG.serviceHours;

test('a weekday evening after closing: the next morning (2026-12-07 is a Monday)', () => {
  assert.deepEqual(serviceHoursAt(demo, jst('2026-12-07T19:00:00')), {
    state: 'after-closing',
    today: { opens: '08:30', closes: '19:00' },
    next: { date: '2026-12-08', opens: '08:30' },
  });
  assert.equal(serviceHoursAt(demo, jst('2026-12-07T18:59:59')).state, 'open', 'the last minute is still open');
});

test('before opening: today, at its opening time', () => {
  assert.deepEqual(serviceHoursAt(demo, jst('2026-12-08T08:29:00')).next, { date: '2026-12-08', opens: '08:30' });
  assert.equal(serviceHoursAt(demo, jst('2026-12-08T08:29:00')).state, 'before-opening');
  assert.equal(serviceHoursAt(demo, jst('2026-12-08T08:30:00')).state, 'open');
});

test('closed dates are skipped: 年末年始 closes 12/29-1/3, so 12/28 evening points to 1/4', () => {
  const after = serviceHoursAt(demo, jst('2026-12-28T20:00:00'));
  assert.deepEqual(after.next, { date: '2027-01-04', opens: '08:30' });
  const holiday = serviceHoursAt(demo, jst('2026-12-30T10:00:00'));
  assert.deepEqual([holiday.state, holiday.today], ['closed-today', null]);
});

test('a weekend day has its own window', () => {
  assert.deepEqual(serviceHoursAt(demo, jst('2026-12-12T08:45:00')), {
    state: 'before-opening',
    today: { opens: '09:00', closes: '17:00' },
    next: { date: '2026-12-12', opens: '09:00' },
  });
});

test('around the clock: open at midnight and at 23:59', () => {
  assert.equal(serviceHoursAt(AROUND_THE_CLOCK, jst('2026-12-07T00:00:00')).state, 'open');
  assert.equal(serviceHoursAt(AROUND_THE_CLOCK, jst('2026-12-07T23:59:59')).state, 'open');
});

test('never open within a year: no next opening is invented', () => {
  const never = { weekly: { sun: null, mon: null, tue: null, wed: null, thu: null, fri: null, sat: null }, closedDates: [] };
  assert.deepEqual(serviceHoursAt(never, jst('2026-12-07T10:00:00')), { state: 'closed-today', today: null, next: null });
});

test('the schema refuses bad hours, and a configuration without hours is open around the clock', () => {
  const ok = (v: unknown) => serviceHoursSchema.safeParse(v).success;
  const week = (w: unknown) => ({ weekly: { ...AROUND_THE_CLOCK.weekly, mon: w }, closedDates: [] });
  assert.ok(ok(week({ opens: '08:30', closes: '17:15' })));
  assert.ok(!ok(week({ opens: '17:15', closes: '08:30' })), 'opens after closes');
  assert.ok(!ok(week({ opens: '8:30', closes: '17:15' })), 'not HH:MM');
  assert.ok(!ok(week({ opens: '08:30', closes: '24:30' })), 'past 24:00');
  assert.ok(!ok({ ...AROUND_THE_CLOCK, closedDates: ['2026-02-30'] }), 'not a calendar date');
  assert.ok(!ok({ ...AROUND_THE_CLOCK, closedDates: ['2026-12-29', '2026-12-29'] }), 'repeated');
  assert.ok(!ok({ weekly: { mon: null }, closedDates: [] }), 'every weekday is named');
  const { serviceHours: _omitted, ...withoutHours } = DEFAULT_CONFIG;
  assert.deepEqual(parseConfig(withoutHours).serviceHours, AROUND_THE_CLOCK);
});
