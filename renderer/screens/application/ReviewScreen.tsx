/**
 * What the forms will print, each fact once: the facts several forms print (name, address, birth
 * date…) first, each naming the forms that use it, then each form with what only it prints. Every
 * line says where its value came from (カードから / 入力 / 自動) and has a 「なおす」 where the citizen
 * answered; values read in the citizen's language (the printed forms stay Japanese).
 */
import { useTranslation } from 'react-i18next';
import type { ReviewForm } from '../../../contract/applications';
import { useLocalize, type Localize } from './localized';
import { appMessageText } from './message-text';
import { groupReviewFacts, type ReviewFact } from './review-facts';
import { reviewValueText } from './review-value';

type Props = {
  forms: ReviewForm[];
  errorKey?: string;
  onEdit: (questionId: string) => void;
  onSubmit: () => void;
  onBack: () => void;
  /** Identified with the card: the button says 「次へ」 and leads to the e-signature choice. */
  canSign?: boolean;
};

function FactRow({ fact, localize, onEdit, showForms }: { fact: ReviewFact; localize: Localize; onEdit: (id: string) => void; showForms: boolean }) {
  const { t, i18n } = useTranslation('application');
  const f = fact.field;
  const shown = reviewValueText(f, i18n.language, { yes: t('question.yes'), no: t('question.no') });
  const forms = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(fact.forms.map((form) => localize(form.title)));
  return (
    <div className="app-review__row" data-testid={`review-fact-${fact.key}`} data-source={f.source}>
      <dt className="app-review__label">{localize(f.label)}</dt>
      <dd className="app-review__value">
        <span className="app-review__display">{shown === '' ? t('review.empty') : shown}</span>
        <span className={`app-source app-source--${f.source}`}>{t(`review.source.${f.source}`)}</span>
        {f.editQuestionId ? (
          <button
            type="button"
            className="button button--secondary button--outlined app-review__edit"
            onClick={() => onEdit(f.editQuestionId!)}
            aria-label={t('review.editLabel', { field: localize(f.label) })}
            data-testid={`review-edit-${fact.key}`}
          >
            {t('review.edit')}
          </button>
        ) : null}
        {showForms ? (
          <span className="app-review__forms" data-testid={`review-fact-forms-${fact.key}`}>
            {t('review.usedOn', { forms })}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

export function ReviewScreen({ forms, errorKey, onEdit, onSubmit, onBack, canSign = false }: Props) {
  const { t } = useTranslation('application');
  const localize = useLocalize();
  const groups = groupReviewFacts(forms);
  return (
    <section className="step-screen" aria-labelledby="review-title" data-testid="app-review">
      <h1 id="review-title" className="screen__title">
        {t('review.title')}
      </h1>
      <p className="step-lead">{t('review.lead')}</p>
      {errorKey ? (
        <p className="step-message step-message--error" role="alert" data-testid="review-error">
          {appMessageText(t, errorKey)}
        </p>
      ) : null}
      {groups.shared.length > 0 ? (
        <section className="app-panel app-review-form" aria-labelledby="review-shared" data-testid="review-shared">
          <h2 id="review-shared" className="app-group__title">
            {t('review.shared')}
          </h2>
          <dl className="app-review">
            {groups.shared.map((fact) => (
              <FactRow key={fact.key} fact={fact} localize={localize} onEdit={onEdit} showForms />
            ))}
          </dl>
        </section>
      ) : null}
      {groups.forms.map(({ form, facts }) => (
        <section
          key={form.templateId}
          className="app-panel app-review-form"
          aria-labelledby={`review-${form.templateId}`}
          data-testid={`review-form-${form.templateId}`}
        >
          <h2 id={`review-${form.templateId}`} className="app-group__title">
            {localize(form.title)}
          </h2>
          {facts.length > 0 ? (
            <dl className="app-review">
              {facts.map((fact) => (
                <FactRow key={fact.key} fact={fact} localize={localize} onEdit={onEdit} showForms={false} />
              ))}
            </dl>
          ) : (
            <p>{t('review.onlyShared')}</p>
          )}
        </section>
      ))}
      <div className="step-actions app-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="app-back">
          {t('review.back')}
        </button>
        <button type="button" className="button button--primary button--wide" onClick={onSubmit} data-testid="review-submit">
          {canSign ? t('review.next') : t('review.submit')}
        </button>
      </div>
    </section>
  );
}
