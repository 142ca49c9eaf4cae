/**
 * The desk's own rules with a scripted client and a hand-moved kiosk clock: the waits are asked
 * again every `refreshSec` on the kiosk clock (never on the host's timers), an application's
 * ticket is for the service of its first mapped office and carries its receipt, and a failed or
 * malformed answer never becomes a number or a print.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublicTicketStatus, ServiceEstimateBody } from '../../../contract/queue-api';
import type { QueueDeskState, QueueTicket } from '../../../contract/queue-desk';
import { QueueClientError, type QueueClient } from '../../../main/queue-desk/queue-client';
import { QueueDesk } from '../../../main/queue-desk/queue-desk';
import type { QueueSettings } from '../../../main/queue-desk/queue-connection';
import type { Clock } from '../../../platform/clock';

const SETTINGS: QueueSettings = {
  mode: 'remote',
  url: 'https://queue.example.invalid:8444/',
  tls: { certFile: 'c', keyFile: 'k', caFile: 'ca' },
  refreshSec: 30,
  timeoutMs: 5000,
  officeServices: { shiminka: 'resident-moves', 'hoken-nenkin': 'insurance-pension' },
};

const ESTIMATE: ServiceEstimateBody = {
  service: 'insurance-pension',
  nameJa: '国保・年金',
  waiting: 4,
  counters: 1,
  counterLabelsJa: ['5番窓口'],
  serviceMinutes: 15,
  estimatedWaitMinutes: 60,
};

const STATUS: PublicTicketStatus = {
  id: '0b8a3f0e-7c43-4b8e-9a59-0c6a1c1f2d3e',
  ward: 'kokurakita',
  day: '2026-03-31',
  number: 12,
  service: 'insurance-pension',
  state: 'waiting',
  counter: null,
  ahead: 4,
  estimatedWaitMinutes: 60,
  transferredTo: null,
};

/** A kiosk clock whose timers fire only when the test says so. */
function handClock(): Clock & { pending: () => number[]; fire: () => void } {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    now: () => Date.parse('2026-03-31T10:00:00+09:00'),
    setTimeout: (fn, ms) => {
      timers.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    pending: () => [...timers.values()].map((t) => t.ms),
    fire: () => {
      const [id, t] = [...timers.entries()][0]!;
      timers.delete(id);
      t.fn();
    },
  };
}

function desk(client: Partial<QueueClient>, opts: { handOff?: { receiptNumber: string; offices: string[] } | null; clock?: Clock } = {}) {
  const states: QueueDeskState[] = [];
  const printed: QueueTicket[] = [];
  const d = new QueueDesk({
    client: { close: () => undefined, ...client } as QueueClient,
    settings: SETTINGS,
    ward: 'kokurakita',
    clock: opts.clock ?? handClock(),
    printTicket: async (t) => {
      printed.push(t);
      return true;
    },
    applicationHandOff: () => opts.handOff ?? null,
    onChange: (s) => states.push(s),
  });
  return { d, states, printed };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the waits are asked at start and again every refreshSec on the kiosk clock, until stop', async () => {
  const clock = handClock();
  let asked = 0;
  const { d, states } = desk({ estimates: async () => (asked++, [{ ...ESTIMATE, waiting: asked }]) }, { clock });
  await d.start();
  assert.equal(asked, 1);
  assert.deepEqual(clock.pending(), [30_000]);
  clock.fire();
  await settle();
  assert.equal(asked, 2);
  assert.equal(states.at(-1)?.waits?.[0]?.waiting, 2);
  assert.deepEqual(clock.pending(), [30_000], 'the next refresh is scheduled');
  d.stop();
  assert.deepEqual(clock.pending(), []);
});

test("an application's ticket: the first office with a queue service, carrying the receipt number", async () => {
  const sent: unknown[] = [];
  const { d, printed } = desk(
    {
      estimates: async () => [ESTIMATE],
      takeTicket: async (_ward, body) => (sent.push(body), STATUS),
    },
    { handOff: { receiptNumber: '4010601-20260331-0007', offices: ['kyoiku-iinkai', 'hoken-nenkin', 'shiminka'] } },
  );
  const outcome = await d.takeApplicationTicket();
  assert.deepEqual(sent, [{ service: 'insurance-pension', receipt: '4010601-20260331-0007' }]);
  assert.equal(outcome.outcome, 'ticket');
  assert.deepEqual(
    printed.map((t) => [t.number, t.counters, t.receiptNumber, t.statusUrl]),
    [[12, ['5番窓口'], '4010601-20260331-0007', `https://queue.example.invalid:8444/wait/${STATUS.id}`]],
  );
});

test('no number from a failed or malformed answer, and nothing printed; a check-in refusal keeps its reason', async () => {
  for (const code of ['unreachable', 'invalid-response', 'unknown-service']) {
    const { d, printed } = desk({
      estimates: async () => [ESTIMATE],
      takeTicket: async () => {
        throw new QueueClientError(code, null);
      },
    });
    assert.deepEqual(await d.takeTicket('insurance-pension'), { outcome: 'unavailable' }, code);
    assert.deepEqual(printed, []);
  }
  const { d } = desk({
    checkIn: async () => {
      throw new QueueClientError('check-in-too-early', 409);
    },
  });
  assert.deepEqual(await d.checkIn('12345678'), { outcome: 'refused', code: 'check-in-too-early' });
  assert.deepEqual(await desk({}, { handOff: null }).d.takeApplicationTicket(), { outcome: 'unavailable' });
});
