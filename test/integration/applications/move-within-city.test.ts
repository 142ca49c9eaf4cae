/**
 * 市内転居 end to end with the real runtime: the virtual My Number Card's 券面事項入力補助AP,
 * the interview, the review, the durable outbox, the embedded ward back end over mTLS and the
 * IPP printer simulator. Also the manual path with the postal look-up.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { answerAll, expectStep, openEventAndStart } from '../../support/application-driver';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';
import { pdfText } from '../../support/pdf-text';

let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

/** Rows the embedded back end stored (ward, kind, local receipt number). */
function backendSubmissions(rt: TestRuntime): { ward: string; kind: string; local: string | null }[] {
  const rows = rt.backend!.db.prepare('SELECT ward, form_type AS kind, payload_json AS json FROM submissions').all() as {
    ward: string;
    kind: string;
    json: string;
  }[];
  return rows.map((r) => ({ ward: r.ward, kind: r.kind, local: (JSON.parse(r.json) as { localReceiptNumber?: string }).localReceiptNumber ?? null }));
}

const MOVE_ANSWERS = {
  hasKokuho: false,
  hasChildren: false,
  nameKana: 'タカハシ　ケンタ',
  newPostal: '802-0971',
  newAddress: '福岡県北九州市小倉南区守恒本町２丁目３番４号',
  movingCount: 1,
  isHouseholder: true,
  phone: '093-555-0123',
};

describe('applications: 市内転居', () => {
  test('card, PIN, interview, review, submit: forms printed with the receipt and the name; one submission at the new ward', async () => {
    await openEventAndStart(runtime, 'move-within-city');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    // The card is already in the reader: its PIN status is read at once (no try used).
    const pin = await call(runtime, 'application.identify', { method: 'card' });
    assert.deepEqual(pin, { step: 'pin', triesLeft: 3, lastTry: false });
    const first = expectStep(await call(runtime, 'application.submitPin', { pin: '1234', confirmedLastTry: false }), 'question');
    assert.equal(first.index, 1);
    const { review, asked } = await answerAll(runtime, MOVE_ANSWERS);
    for (const fromCard of ['name', 'birthDate', 'sex', 'myNumber', 'currentAddress']) {
      assert.ok(!asked.includes(fromCard), `${fromCard} comes from the card, not asked`);
    }
    const form = review.forms.find((f) => f.templateId === 'jumin-ido-todoke');
    assert.ok(form, 'the 住民異動届 is on the review');
    const name = form.fields.find((f) => f.fieldId === 'name');
    assert.equal(name?.source, 'card');
    assert.match(name?.display ?? '', /髙橋/);

    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.match(done.receiptNumber, /^4010601-\d{8}-\d{4}$/);
    assert.equal(done.delivery, 'accepted');
    assert.equal(done.printed.length, review.forms.length);
    assert.equal(done.takeCard, true);

    const printed = runtime.devices.sim.printer!.printed;
    assert.equal(printed.length, review.forms.length);
    for (const job of printed) {
      const text = pdfText(job.pdf);
      assert.ok(text.includes(done.receiptNumber), 'every form carries the receipt number');
    }
    assert.match(pdfText(printed[0]!.pdf), /髙橋/);

    assert.deepEqual(backendSubmissions(runtime), [{ ward: 'kokuraminami', kind: 'move-within-city', local: done.receiptNumber }]);
    assert.equal(runtime.outbox.receipt(done.receiptNumber)?.state, 'delivered');

    await runtime.session.end('complete');
    assert.equal(runtime.applications.current().step, 'idle');
  });
});
