/**
 * Evaluates the JSON condition language (see `Condition` in contract/applications.ts) over the
 * answers known so far. A field that has no answer makes eq/in/truthy false and ne true, so a
 * conditional question never shows before the answer it depends on.
 */
import type { AnswerValue, Condition } from '../../contract/applications';

export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export function evaluateCondition(c: Condition | undefined, answers: Answers): boolean {
  if (!c) return true;
  if ('eq' in c) return answers[c.eq[0]] !== undefined && answers[c.eq[0]] === c.eq[1];
  if ('ne' in c) return answers[c.ne[0]] !== c.ne[1];
  if ('in' in c) {
    const v = answers[c.in[0]];
    return v !== undefined && c.in[1].includes(v);
  }
  if ('truthy' in c)
    return (
      answers[c.truthy] === true ||
      (typeof answers[c.truthy] === 'string' && answers[c.truthy] !== '') ||
      (typeof answers[c.truthy] === 'number' && answers[c.truthy] !== 0)
    );
  if ('answered' in c) return answers[c.answered] !== undefined;
  if ('and' in c) return c.and.every((x) => evaluateCondition(x, answers));
  if ('or' in c) return c.or.some((x) => evaluateCondition(x, answers));
  return !evaluateCondition(c.not, answers);
}
