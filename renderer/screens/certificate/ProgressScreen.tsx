/** A calm "please wait" screen for steps the citizen only waits through; read out once by screen readers. */
import { useTranslation } from 'react-i18next';

export type ProgressKind = 'starting' | 'reading' | 'authenticating' | 'preparing';

export function ProgressScreen({ kind }: { kind: ProgressKind }) {
  const { t } = useTranslation('certificate');
  return (
    <section className="step-screen step-screen--center" aria-live="polite" aria-busy="true" data-testid={`cert-progress-${kind}`}>
      <div className="step-spinner" aria-hidden="true" />
      <h1 className="screen__title">{t(`progress.${kind}`)}</h1>
      <p className="step-hint">{t('progress.wait')}</p>
    </section>
  );
}
