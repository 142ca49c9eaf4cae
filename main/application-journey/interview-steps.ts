/**
 * Moving through the interview one screen at a time, over the pure engine in
 * `main/applications/interview.ts`. The order is the engine's (only applicable questions);
 * "next" walks forward in that order (showing answers already given), "previous" walks back,
 * so 戻る always returns to the question before with the value the citizen gave.
 */
import type { AnswerValue, Question, ValidationError } from '../../contract/applications';
import type { ApplicationView } from '../../contract/application-journey';
import type { ApplicationsCatalog } from '../applications/catalog';
import { currentQuestions, nextQuestion, type InterviewState } from '../applications/interview';
import { withDateBoundsOn } from '../applications/validate-answer';

export type QuestionView = Extract<ApplicationView, { step: 'question' }>;

/** The screen for `questionId`, or null when it does not apply (any more). */
export function questionView(
  state: InterviewState,
  questionId: string,
  fromReview: boolean,
  catalog: ApplicationsCatalog,
  errors: ValidationError[] = [],
): QuestionView | null {
  const list = currentQuestions(state, catalog);
  const index = list.findIndex((q) => q.id === questionId);
  const question = list[index];
  if (!question) return null;
  const value: AnswerValue | undefined = state.answers[question.id] ?? question.defaultValue;
  return {
    step: 'question',
    question: withDateBoundsOn(question, state.today),
    index: index + 1,
    total: list.length,
    ...(value !== undefined ? { value } : {}),
    errors,
    fromReview,
    today: state.today,
  };
}

/**
 * The question after `questionId` in the applicable order; an unanswered one that an answer
 * made applicable earlier in the order comes first. Null when the review can start.
 */
export function questionAfter(state: InterviewState, questionId: string, catalog: ApplicationsCatalog): Question | null {
  const list = currentQuestions(state, catalog);
  const at = list.findIndex((q) => q.id === questionId);
  const firstOpen = nextQuestion(state, catalog);
  if (at < 0) return firstOpen;
  const firstOpenAt = firstOpen ? list.findIndex((q) => q.id === firstOpen.id) : -1;
  if (firstOpen && firstOpenAt >= 0 && firstOpenAt <= at) return firstOpen;
  return list[at + 1] ?? firstOpen;
}

/** The question before `questionId` in the applicable order, or null at the first. */
export function questionBefore(state: InterviewState, questionId: string, catalog: ApplicationsCatalog): Question | null {
  const list = currentQuestions(state, catalog);
  const at = list.findIndex((q) => q.id === questionId);
  return at > 0 ? list[at - 1]! : null;
}

/** The last applicable question (戻る from the review). */
export function lastQuestion(state: InterviewState, catalog: ApplicationsCatalog): Question | null {
  const list = currentQuestions(state, catalog);
  return list[list.length - 1] ?? null;
}
