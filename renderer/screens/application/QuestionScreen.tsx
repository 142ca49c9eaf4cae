/**
 * One question per screen, in large type: where we are ("3 / 8"), the question, its help,
 * the input for its type, the errors right under it, and 「戻る」/「つぎへ」.
 *
 * The answer being typed lives only here until 「つぎへ」 sends it; main validates it and
 * either moves on or sends the same question back with its errors.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../contract/application-journey';
import type { AnswerValue, PostalCandidate } from '../../../contract/applications';
import type { ApplicationViewState } from '../../app/use-application-view';
import { answerToSend, initialDraft } from './answer-draft';
import { AnswerWidget } from './AnswerWidget';
import { useLocalize } from './localized';
import { appMessageText } from './message-text';

type QuestionView = Extract<ApplicationView, { step: 'question' }>;

type Props = {
  view: QuestionView;
  /** The address start chosen from the postal code's candidates, offered to the address question. */
  addressStart: string | null;
  onAddressStart: (start: string) => void;
  onAnswer: (value: AnswerValue) => void;
  onBack: () => void;
  call: ApplicationViewState['call'];
};

export function QuestionScreen({ view, addressStart, onAddressStart, onAnswer, onBack, call }: Props) {
  const { t } = useTranslation('application');
  const localize = useLocalize();
  const q = view.question;
  const [draft, setDraft] = useState<AnswerValue | undefined>(() => initialDraft(q, view.value, addressStart));
  const [localError, setLocalError] = useState(false);
  const errors = view.errors.filter((e) => e.questionId === q.id || e.questionId === '');

  const next = () => {
    const value = answerToSend(q, draft);
    if (value === null) {
      setLocalError(true);
      return;
    }
    setLocalError(false);
    onAnswer(value);
  };

  const errorId = `question-error-${q.id}`;
  const hasErrors = localError || errors.length > 0;
  return (
    <section className={`step-screen app-question app-question--${q.type}`} aria-labelledby="question-title" data-testid="app-question" data-question={q.id}>
      <div className="app-question__head">
        <p
          className="app-question__progress"
          aria-label={t('question.progressLabel', { index: view.index, total: view.total })}
          data-testid="question-progress"
        >
          {t('question.progress', { index: view.index, total: view.total })}
        </p>
        <h1 id="question-title" className="screen__title app-question__label">
          {localize(q.label)}
        </h1>
      </div>
      {q.help ? <p className="step-lead app-question__help">{localize(q.help)}</p> : null}
      <div className="app-question__body">
        <div className="app-question__field" aria-describedby={hasErrors ? errorId : undefined}>
          <AnswerWidget
            question={q}
            today={view.today}
            draft={draft}
            onChange={(v) => {
              setLocalError(false);
              setDraft(v);
            }}
          />
        </div>
        {q.type === 'postal' ? (
          <PostalCandidates
            digits={typeof draft === 'string' ? draft.replace(/\D/g, '') : ''}
            call={call}
            onPick={(c) => {
              onAddressStart(`${c.prefecture}${c.city}${c.town}`);
              onAnswer(c.postalCode);
            }}
          />
        ) : null}
      </div>
      {hasErrors ? (
        <div id={errorId} className="step-message step-message--error" role="alert" data-testid="question-error">
          {localError ? <p>{t('validation.required')}</p> : null}
          {errors.map((e, i) => (
            <p key={`${e.code}-${i}`}>{appMessageText(t, e.messageKey, e.params)}</p>
          ))}
        </div>
      ) : null}
      <div className="step-actions app-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="question-back">
          {t('question.back')}
        </button>
        <button type="button" className="button button--primary button--wide" onClick={next} data-testid="question-next">
          {view.fromReview ? t('question.toReview') : t('question.next')}
        </button>
      </div>
    </section>
  );
}

type PostalProps = { digits: string; call: ApplicationViewState['call']; onPick: (c: PostalCandidate) => void };

/** As soon as seven digits are in, the addresses of that postal code, to pick with one touch. */
function PostalCandidates({ digits, call, onPick }: PostalProps) {
  const { t } = useTranslation('application');
  const [found, setFound] = useState<{ code: string; list: PostalCandidate[] } | null>(null);

  useEffect(() => {
    if (!/^\d{7}$/.test(digits)) return;
    let live = true;
    void call('application.lookupPostal', { postalCode: digits }).then((list) => {
      if (live && list) setFound({ code: digits, list });
    });
    return () => {
      live = false;
    };
  }, [digits, call]);

  if (!found || found.code !== digits) return null;
  if (found.list.length === 0) {
    return (
      <p className="step-message step-message--warning" data-testid="postal-none">
        {t('question.postalNone')}
      </p>
    );
  }
  return (
    <section className="app-panel" aria-labelledby="postal-title" data-testid="postal-candidates">
      <h2 id="postal-title" className="app-group__title">
        {t('question.postalPick')}
      </h2>
      <ul className="app-results__list">
        {found.list.map((c, i) => (
          <li key={`${c.cityCode}-${c.town}-${i}`}>
            <button type="button" className="journey app-tile" onClick={() => onPick(c)} data-testid={`postal-pick-${i}`}>
              <span className="journey__title">
                {c.prefecture}
                {c.city}
                {c.town || t('question.postalWholeCity')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
