/** The number of copies, 1–10, with large − and + buttons (no typing). */
import { useTranslation } from 'react-i18next';

export const MIN_COPIES = 1;
export const MAX_COPIES = 10;

export function CopiesStepper({ value, onChange }: { value: number; onChange: (copies: number) => void }) {
  const { t } = useTranslation('certificate');
  return (
    <div className="stepper" role="group" aria-labelledby="copies-label">
      <span id="copies-label" className="stepper__label">
        {t('choose.copies')}
      </span>
      <button
        type="button"
        className="stepper__button"
        onClick={() => onChange(Math.max(MIN_COPIES, value - 1))}
        disabled={value <= MIN_COPIES}
        aria-label={t('choose.fewer')}
        data-testid="copies-minus"
      >
        −
      </button>
      <output className="stepper__value" aria-live="polite" data-testid="copies-value">
        {t('choose.copiesValue', { count: value })}
      </output>
      <button
        type="button"
        className="stepper__button"
        onClick={() => onChange(Math.min(MAX_COPIES, value + 1))}
        disabled={value >= MAX_COPIES}
        aria-label={t('choose.more')}
        data-testid="copies-plus"
      >
        ＋
      </button>
    </div>
  );
}
