/**
 * The journey's submit with fakes around it: what the citizen is told for each outcome of the
 * queue and the printer, and that nothing is printed before the submission is stored.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApplicationView } from '../../../contract/application-journey';
import type { MyNumberCardClient } from '../../../devices/card/mynumber/my-number-card-client';
import type { Printer, PrintResult } from '../../../devices/printer/printer';
import type { SubmissionQueue } from '../../../main/application-journey/application-deps';
import { ApplicationJourney } from '../../../main/application-journey/application-journey';
import type { StaffAlert } from '../../../main/staff/staff-alert';

const ANSWERS: Record<string, string | number | boolean> = {
  hasKokuho: false,
  hasChildren: false,
  name: '北九　太郎',
  nameKana: 'キタキュウ　タロウ',
  birthDate: '1985-05-05',
  sex: 'male',
  myNumber: '382719460526',
  currentAddress: '福岡県北九州市小倉北区浅野１丁目１番１号',
  moveDate: '2026-11-20',
  newPostal: '8020001',
  newAddress: '福岡県北九州市小倉北区浅野２丁目２番２号',
  movingCount: 1,
  isHouseholder: true,
  phone: '093-555-0100',
};

function setup(opts: { enqueue?: SubmissionQueue['enqueue']; outcome?: 'delivered' | 'queued' | 'dead'; print?: () => Promise<PrintResult> } = {}) {
  const events: string[] = [];
  const alerts: StaffAlert[] = [];
  const views: ApplicationView[] = [];
  const printer = {
    uri: 'ipp://fake',
    health: async () => ({ ready: true, state: 'idle', conditions: [], staffAlerts: [], queuedJobs: 0 }),
    print: async () => {
      events.push('print');
      return opts.print ? opts.print() : { outcome: 'completed', jobId: 1, pagesCompleted: 1 };
    },
  } as unknown as Printer;
  const submissions: SubmissionQueue = {
    enqueue:
      opts.enqueue ??
      ((input) => {
        events.push(`enqueue:${input.ward}:${input.kind}`);
        return { receiptNumber: 'KK01-20261128-0001' };
      }),
    waitForOutcome: async () => opts.outcome ?? 'delivered',
  };
  const journey = new ApplicationJourney({
    // No reader at all: the journey's left-card guard subscribes to card events and sees none.
    card: { currentReader: () => undefined, on: () => () => undefined } as unknown as MyNumberCardClient,
    printer,
    submissions,
    renderForm: async () => Buffer.from('%PDF-1.7 fake'),
    homeWard: 'moji',
    kioskId: 'kiosk-test-01',
    onView: (v) => views.push(v),
    alertStaff: (a) => alerts.push(a),
    today: () => '2026-11-28',
  });
  return { journey, events, alerts, views };
}

async function toReview(journey: ApplicationJourney): Promise<void> {
  journey.begin();
  journey.openEvent('move-within-city');
  journey.start();
  let view = await journey.identify('manual');
  while (view.step === 'question') view = journey.answer(view.question.id, ANSWERS[view.question.id] ?? view.value ?? '');
  assert.equal(view.step, 'review');
}

describe('application submit outcomes', () => {
  test('acknowledged: queued first, then printed; done says accepted', async () => {
    const { journey, events } = setup();
    await toReview(journey);
    const done = await journey.submit();
    assert.equal(done.step, 'done');
    if (done.step !== 'done') return;
    assert.equal(done.receiptNumber, 'KK01-20261128-0001');
    assert.equal(done.delivery, 'accepted');
    assert.equal(done.printed.length, 1);
    assert.match(done.printed[0]!.ja, /住民異動届/);
    assert.deepEqual(events, ['enqueue:kokurakita:move-within-city', 'print']);
  });

  test('not acknowledged in time: done says queued', async () => {
    const { journey } = setup({ outcome: 'queued' });
    await toReview(journey);
    const done = await journey.submit();
    assert.equal(done.step === 'done' && done.delivery, 'queued');
  });

  test('the queue cannot store it: nothing printed, no receipt, staff alerted; 戻る starts over', async () => {
    const { journey, events, alerts } = setup({
      enqueue: () => {
        throw new Error('disk full');
      },
    });
    await toReview(journey);
    const failed = await journey.submit();
    assert.deepEqual(failed, { step: 'failed', messageKey: 'application.error.notSaved', receiptNumber: null, takeCard: false });
    assert.deepEqual(events, []);
    assert.deepEqual(
      alerts.map((a) => a.code),
      ['application-not-queued'],
    );
    assert.equal(journey.back().step, 'guide');
  });

  test('refused by the back end (dead letter): forms printed, the counter follows up with the receipt', async () => {
    const { journey } = setup({ outcome: 'dead' });
    await toReview(journey);
    const failed = await journey.submit();
    assert.deepEqual(failed, { step: 'failed', messageKey: 'application.error.refused', receiptNumber: 'KK01-20261128-0001', takeCard: false });
  });

  test('a print job aborted: failed with the receipt, staff alerted with it', async () => {
    const { journey, alerts } = setup({ print: async () => ({ outcome: 'aborted', jobId: 1, reason: 'media-jam', by: 'printer', pagesCompleted: 0 }) });
    await toReview(journey);
    const failed = await journey.submit();
    assert.equal(failed.step === 'failed' && failed.messageKey, 'application.error.printFailed');
    assert.equal(failed.step === 'failed' && failed.receiptNumber, 'KK01-20261128-0001');
    assert.ok(alerts.some((a) => a.code === 'print-aborted-media-jam' && a.reference === 'KK01-20261128-0001'));
  });

  test('a second 送信 while the first runs does nothing; the wipe during printing ends at idle', async () => {
    let release: (r: PrintResult) => void = () => undefined;
    const { journey, events } = setup({
      print: () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    });
    await toReview(journey);
    const first = journey.submit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await journey.submit()).step, 'printing');
    await journey.wipe();
    release({ outcome: 'completed', jobId: 1, pagesCompleted: 1 });
    assert.deepEqual(await first, { step: 'idle' });
    assert.equal(events.filter((e) => e.startsWith('enqueue')).length, 1);
  });
});
