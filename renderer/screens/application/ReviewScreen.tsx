/**
 * Every form, every line as it will print, with where each value came from (カードから /
 * 入力 / 自動), a 「なおす」 on each line the citizen answered, and 「送信して印刷する」.
 */
import { useTranslation } from 'react-i18next';
import type { ReviewForm } from '../../../contract/applications';
import { useLocalize } from './localized';
import { appMessageText } from './message-text';

type Props = {
  forms: ReviewForm[];
  errorKey?: string;
  onEdit: (questionId: string) => void;
  onSubmit: () => void;
  onBack: () => void;
  /** Identified with the card: the button says 「次へ」 and leads to the e-signature choice. */
  canSign?: boolean;
};

export function ReviewScreen({ forms, errorKey, onEdit, onSubmit, onBack, canSign = false }: Props) {
  const { t } = useTranslation('application');
  const localize = useLocalize();
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
      {forms.map((form) => (
        <section
          key={form.templateId}
          className="app-panel app-review-form"
          aria-labelledby={`review-${form.templateId}`}
          data-testid={`review-form-${form.templateId}`}
        >
          <h2 id={`review-${form.templateId}`} className="app-group__title">
            {localize(form.title)}
          </h2>
          <dl className="app-review">
            {form.fields.map((f) => (
              <div key={f.fieldId} className="app-review__row" data-testid={`review-${form.templateId}-${f.fieldId}`} data-source={f.source}>
                <dt className="app-review__label">{localize(f.label)}</dt>
                <dd className="app-review__value">
                  <span className="app-review__display">{f.display === '' ? t('review.empty') : f.display}</span>
                  <span className={`app-source app-source--${f.source}`}>{t(`review.source.${f.source}`)}</span>
                  {f.editQuestionId ? (
                    <button
                      type="button"
                      className="button button--secondary button--outlined app-review__edit"
                      onClick={() => onEdit(f.editQuestionId!)}
                      aria-label={t('review.editLabel', { field: localize(f.label) })}
                      data-testid={`review-edit-${f.fieldId}`}
                    >
                      {t('review.edit')}
                    </button>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
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
