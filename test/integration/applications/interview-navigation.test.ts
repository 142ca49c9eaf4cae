/**
 * Moving through the interview: an invalid answer comes back with its error and nothing moves;
 * 戻る returns to the previous question with its value; 変更 from the review comes back to the
 * review; the guide search and optional procedures; the wipe forgets everything.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KioskRuntime } from '../../../main/kiosk-runtime';
import { answerAll, expectStep, openEventAndStart } from '../../support/application-driver';
import { call, startTestRuntime } from '../../support/journey-driver';

let runtime: KioskRuntime;

before(async () => {
  runtime = await startTestRuntime();
});

after(async () => {
  await runtime.stop();
});

const answer = (questionId: string, value: string | number | boolean) => call(runtime, 'application.answer', { questionId, value });

describe('applications: the interview', () => {
  test('guide: tiles, search in kana, an optional procedure ticked only when it is optional', async () => {
    const guide = expectStep(await call(runtime, 'application.begin', {}), 'guide');
    assert.ok(guide.events.some((e) => e.id === 'move-within-city' && e.kioskProcedures > 0));
    assert.deepEqual(runtime.session.state().phase, 'active');
    const hits = await call(runtime, 'application.searchGuide', { query: 'ひっこし' });
    assert.ok(hits.some((h) => h.kind === 'event' && h.id === 'move-within-city'));
    const event = expectStep(await call(runtime, 'application.openEvent', { eventId: 'move-within-city' }), 'event');
    const optional = event.event.procedures.find((p) => p.optional && p.kioskCanDo);
    const required = event.event.procedures.find((p) => !p.optional);
    assert.ok(optional && required);
    assert.deepEqual(expectStep(await call(runtime, 'application.toggleProcedure', { procedureId: optional.id, included: true }), 'event').included, [
      optional.id,
    ]);
    assert.deepEqual(expectStep(await call(runtime, 'application.toggleProcedure', { procedureId: required.id, included: false }), 'event').included, [
      optional.id,
    ]);
    assert.deepEqual(expectStep(await call(runtime, 'application.toggleProcedure', { procedureId: optional.id, included: false }), 'event').included, []);
    expectStep(await call(runtime, 'application.back', {}), 'guide');
    expectStep(await call(runtime, 'application.openEvent', { eventId: 'no-such-event' }), 'guide');
    await runtime.session.end('cancel');
  });

  test('an invalid answer: errors, the same question, the value as typed; a stale question id changes nothing', async () => {
    await openEventAndStart(runtime, 'move-within-city');
    let view = expectStep(await call(runtime, 'application.identify', { method: 'manual' }), 'question');
    while (view.question.id !== 'phone') view = expectStep(await answer(view.question.id, sampleAnswer(view.question.id, view.value)), 'question');
    const bad = expectStep(await answer('phone', 'abc'), 'question');
    assert.equal(bad.question.id, 'phone');
    assert.equal(bad.index, view.index);
    assert.equal(bad.value, 'abc');
    assert.deepEqual(
      bad.errors.map((e) => [e.code, e.messageKey]),
      [['pattern', 'applications.validation.phoneFormat']],
    );
    assert.deepEqual(await answer('name', '別の名前'), bad, 'only the question on screen can be answered');
    await runtime.session.end('cancel');
  });

  test('戻る returns to the previous question with its value; from the first question to 本人確認, answers kept', async () => {
    await openEventAndStart(runtime, 'move-within-city');
    const first = expectStep(await call(runtime, 'application.identify', { method: 'manual' }), 'question');
    const second = expectStep(await answer(first.question.id, true), 'question');
    const third = expectStep(await answer(second.question.id, false), 'question');
    assert.deepEqual([first.index, second.index, third.index], [1, 2, 3]);
    const backToSecond = expectStep(await call(runtime, 'application.back', {}), 'question');
    assert.equal(backToSecond.question.id, second.question.id);
    assert.equal(backToSecond.value, false);
    const backToFirst = expectStep(await call(runtime, 'application.back', {}), 'question');
    assert.equal(backToFirst.value, true);
    expectStep(await call(runtime, 'application.back', {}), 'identify');
    const again = expectStep(await call(runtime, 'application.identify', { method: 'manual' }), 'question');
    assert.equal(again.question.id, first.question.id);
    assert.equal(again.value, true, 'the answer given before is kept');
    const forward = expectStep(await answer(first.question.id, true), 'question');
    assert.equal(forward.question.id, second.question.id);
    assert.equal(forward.value, false);
    await runtime.session.end('cancel');
  });

  test('変更 from the review: the question with its value, then straight back to the review with the new value', async () => {
    await openEventAndStart(runtime, 'move-within-city');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-015' });
    expectStep(await call(runtime, 'application.identify', { method: 'card' }), 'pin');
    expectStep(await call(runtime, 'application.submitPin', { pin: '1224', confirmedLastTry: false }), 'question');
    const { review } = await answerAll(runtime, {
      hasKokuho: false,
      hasChildren: false,
      nameKana: 'ワタナベ　マユミ',
      newPostal: '8020001',
      newAddress: '福岡県北九州市小倉北区浅野３丁目１番１号',
      isHouseholder: true,
      phone: '093-555-0100',
    });
    const phoneLine = review.forms[0]!.fields.find((f) => f.fieldId === 'phone');
    assert.equal(phoneLine?.editQuestionId, 'phone');
    assert.equal(review.forms[0]!.fields.find((f) => f.fieldId === 'name')?.editQuestionId, undefined, 'card values are not edited here');

    const edit = expectStep(await call(runtime, 'application.edit', { questionId: 'phone' }), 'question');
    assert.equal(edit.fromReview, true);
    assert.equal(edit.value, '093-555-0100');
    const back = expectStep(await answer('phone', '093-555-0111'), 'review');
    assert.match(back.forms[0]!.fields.find((f) => f.fieldId === 'phone')!.display, /0111/);

    // 戻る while editing returns to the review unchanged.
    expectStep(await call(runtime, 'application.edit', { questionId: 'movingCount' }), 'question');
    expectStep(await call(runtime, 'application.back', {}), 'review');
    // Changing 世帯主 brings its follow-up questions, asked before the review.
    expectStep(await call(runtime, 'application.edit', { questionId: 'isHouseholder' }), 'question');
    const followUp = expectStep(await answer('isHouseholder', false), 'question');
    assert.equal(followUp.question.id, 'householderName');
    assert.equal(followUp.fromReview, true);

    await call(runtime, 'simulator.removeCard', {});
    await runtime.session.end('cancel');
    assert.deepEqual(runtime.applications.current(), { step: 'idle' });
    // After the wipe nothing of that citizen can be reached.
    expectStep(await call(runtime, 'application.begin', {}), 'guide');
    expectStep(await call(runtime, 'application.edit', { questionId: 'phone' }), 'guide');
    await runtime.session.end('cancel');
  });
});

function sampleAnswer(id: string, current: unknown): string | number | boolean {
  const samples: Record<string, string | number | boolean> = {
    hasKokuho: false,
    hasChildren: false,
    name: '北九　太郎',
    nameKana: 'キタキュウ　タロウ',
    birthDate: '1985-05-05',
    sex: 'male',
    myNumber: '382719460526',
    currentAddress: '福岡県北九州市小倉北区浅野１丁目１番１号',
    newPostal: '8020001',
    newAddress: '福岡県北九州市小倉北区浅野２丁目２番２号',
    isHouseholder: true,
  };
  return samples[id] ?? (current as string | number | boolean);
}
