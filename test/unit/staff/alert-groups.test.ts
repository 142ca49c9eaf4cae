/** Identical alerts are one entry: one acknowledgement, every reference kept, first and last time. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StaffAlertView } from '../../../contract/staff-console';
import { groupAlerts } from '../../../renderer/screens/staff/alert-groups';

const alert = (id: number, code: string, extra: Partial<StaffAlertView> = {}): StaffAlertView => ({
  id,
  code,
  severity: 'warning',
  at: `2026-12-08T01:00:0${id}.000Z`,
  ...extra,
});

describe('staff alert groups', () => {
  test('three card-left alerts (newest first, as the console lists them) are one group keyed by the oldest', () => {
    const groups = groupAlerts([
      alert(5, 'card-left-in-reader'),
      alert(4, 'printer-media-jam', { severity: 'error' }),
      alert(3, 'card-left-in-reader', { reference: 'R-2' }),
      alert(1, 'card-left-in-reader', { reference: 'R-1' }),
    ]);
    assert.equal(groups.length, 2);
    const [cardLeft, jam] = groups;
    assert.equal(cardLeft!.key, 1);
    assert.deepEqual(cardLeft!.openIds, [5, 3, 1]);
    assert.deepEqual(cardLeft!.references, ['R-2', 'R-1']);
    assert.equal(cardLeft!.firstAt, '2026-12-08T01:00:01.000Z');
    assert.equal(cardLeft!.lastAt, '2026-12-08T01:00:05.000Z');
    assert.deepEqual(jam!.openIds, [4]);
  });

  test('acknowledged alerts do not hide an open one of the same code; another severity is another group', () => {
    const groups = groupAlerts([
      alert(3, 'card-left-in-reader'),
      alert(2, 'card-left-in-reader', { ackedAt: '2026-12-08T02:00:00.000Z' }),
      alert(1, 'card-left-in-reader', { severity: 'error' }),
    ]);
    assert.deepEqual(
      groups.map((g) => [g.key, g.openIds]),
      [
        [3, [3]],
        [2, []],
        [1, [1]],
      ],
    );
  });
});
