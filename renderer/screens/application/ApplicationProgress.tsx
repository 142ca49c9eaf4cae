/** A calm "please wait" screen for the steps the citizen only waits through; read out once by screen readers. */
import { useTranslation } from 'react-i18next';

export type ApplicationProgressKind = 'starting' | 'reading' | 'signing' | 'submitting' | 'printing';

type Props = { kind: ApplicationProgressKind; formsDone?: number; formsTotal?: number };

export function ApplicationProgress({ kind, formsDone, formsTotal }: Props) {
  const { t } = useTranslation('application');
  return (
    <section className="step-screen step-screen--center" aria-live="polite" aria-busy="true" data-testid={`app-progress-${kind}`}>
      <div className="step-spinner" aria-hidden="true" />
      <h1 className="screen__title">{t(`progress.${kind}`)}</h1>
      {formsTotal ? <p className="step-lead">{t('progress.printingForms', { done: formsDone ?? 0, total: formsTotal })}</p> : null}
      <p className="step-hint">{t('progress.wait')}</p>
    </section>
  );
}
