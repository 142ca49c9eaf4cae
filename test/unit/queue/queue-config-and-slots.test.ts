import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countersFor, loadQueueConfig, parseQueueConfig, servicesOfWard, wardConfigOf } from '../../../queue/queue-config';
import { checkInTiming, slotsOf } from '../../../queue/reservation-slots';

const config = loadQueueConfig();
const kokurakita = wardConfigOf(config, 'kokurakita')!;

test('the fixture: the six services, with the counters that handle each', () => {
  assert.deepEqual(
    config.services.map((s) => s.nameJa),
    ['住民異動', '戸籍', '国保・年金', '福祉', '税', '証明書'],
  );
  assert.equal(countersFor(kokurakita, 'certificates'), 2);
  assert.equal(countersFor(kokurakita, 'resident-moves'), 2);
  assert.equal(servicesOfWard(config, kokurakita).length, 6);
  assert.equal(wardConfigOf(config, 'moji'), undefined);
});

test('a counter naming an unknown service, or a day that closes before it opens, is refused', () => {
  const raw = JSON.parse(JSON.stringify(config)) as { wards: { counters: { services: string[] }[]; reservations: { opensAt: string } }[] };
  raw.wards[0]!.counters[0]!.services = ['fishing-licence'];
  assert.throws(() => parseQueueConfig(raw));
  const raw2 = JSON.parse(JSON.stringify(config)) as typeof raw;
  raw2.wards[0]!.reservations.opensAt = '18:00';
  assert.throws(() => parseQueueConfig(raw2));
});

test('slots run from opening, every slotMinutes, the last ending by closing time', () => {
  const slots = slotsOf(kokurakita);
  assert.equal(slots[0], '08:30');
  assert.equal(slots[1], '09:00');
  assert.equal(slots.at(-1), '16:30');
  assert.equal(slots.length, 17);
});

test("check-in timing at the boundaries of the ward's rule (30 min early, 10 min grace)", () => {
  const at = (h: number, m: number) => checkInTiming(kokurakita, '11:00', h * 60 + m);
  assert.equal(at(10, 29), 'early');
  assert.equal(at(10, 30), 'on-time');
  assert.equal(at(11, 10), 'on-time');
  assert.equal(at(11, 11), 'late');
});
