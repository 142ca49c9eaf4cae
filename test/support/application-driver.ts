/**
 * Drives the applications (書かない窓口) journey through the real runtime, the way the renderer
 * does: through the request router only, waiting for `application.changed` views.
 */
import type { AnswerValue } from '../../contract/applications';
import type { ApplicationView } from '../../contract/application-journey';
import type { KioskRuntime } from '../../main/kiosk-runtime';
import { call, insertCardAndWait } from './journey-driver';

export type StepView<S extends ApplicationView['step']> = Extract<ApplicationView, { step: S }>;

/** Waits until the applications journey shows `step`. */
export async function waitForApplicationStep<S extends ApplicationView['step']>(runtime: KioskRuntime, step: S, timeoutMs = 15_000): Promise<StepView<S>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = runtime.applications.current();
    if (view.step === step) return view as StepView<S>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${step}; at ${view.step}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asserts the view is at `step` and narrows it. */
export function expectStep<S extends ApplicationView['step']>(view: ApplicationView, step: S): StepView<S> {
  if (view.step !== step) throw new Error(`expected ${step}, at ${view.step}${view.step === 'failed' ? ` (${view.messageKey})` : ''}`);
  return view as StepView<S>;
}

/** Opens the guide, the event and asks how to identify. */
export async function openEventAndStart(runtime: KioskRuntime, eventId: string): Promise<StepView<'identify'>> {
  await call(runtime, 'application.begin', {});
  expectStep(await call(runtime, 'application.openEvent', { eventId }), 'event');
  return expectStep(await call(runtime, 'application.start', {}), 'identify');
}

/**
 * Answers questions until the review, from `answers` by question id (a missing id takes the
 * question's default). Returns the review view and the ids asked, in order.
 */
export async function answerAll(
  runtime: KioskRuntime,
  answers: Readonly<Record<string, AnswerValue>>,
): Promise<{ review: StepView<'review'>; asked: string[] }> {
  const asked: string[] = [];
  let view = runtime.applications.current();
  for (let i = 0; i < 60 && view.step === 'question'; i++) {
    const q = view.question;
    asked.push(q.id);
    const value = answers[q.id] ?? view.value ?? q.defaultValue;
    if (value === undefined) throw new Error(`no answer for ${q.id}`);
    view = await call(runtime, 'application.answer', { questionId: q.id, value });
    if (view.step === 'question' && view.question.id === q.id && view.errors.length > 0) {
      throw new Error(`answer to ${q.id} refused: ${view.errors.map((e) => e.code).join(',')}`);
    }
  }
  return { review: expectStep(view, 'review'), asked };
}

/** Reaches the review of a 市内転居 with card-001 (PIN 1234), every question answered. */
export async function reachMoveWithinCityReview(runtime: KioskRuntime): Promise<StepView<'review'>> {
  await openEventAndStart(runtime, 'move-within-city');
  await insertCardAndWait(runtime, 'card-001');
  expectStep(await call(runtime, 'application.identify', { method: 'card' }), 'pin');
  expectStep(await call(runtime, 'application.submitPin', { pin: '1234', confirmedLastTry: false }), 'question');
  const { review } = await answerAll(runtime, {
    hasKokuho: true,
    hasChildren: false,
    nameKana: 'タカハシ　ケンタ',
    newPostal: '8020001',
    newAddress: '福岡県北九州市小倉北区浅野２丁目１番１号',
    movingCount: 2,
    isHouseholder: true,
    phone: '0935550123',
    insuredNumber: '40106-1234',
  });
  return review;
}
