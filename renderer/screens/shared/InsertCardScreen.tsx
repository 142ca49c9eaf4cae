/** 「マイナンバーカードを差し込んでください」: the drawing, one sentence, nothing to press. */
import { useTranslation } from 'react-i18next';
import { CardSlotDrawing } from './CardSlotDrawing';

type Props = {
  /** Why the card is asked for again (pulled, not answering), as text: each journey resolves its own message keys. */
  message?: string;
};

/** Both journeys' "insert the card" (certificates, and the applications' identification and e-signature). */
export function InsertCardScreen({ message }: Props) {
  const { t } = useTranslation('certificate');
  return (
    <section className="step-screen step-screen--center" aria-labelledby="insert-title" data-testid="cert-insert-card">
      {message ? (
        <p className="step-message step-message--warning" role="alert" data-testid="cert-insert-message">
          {message}
        </p>
      ) : null}
      <h1 id="insert-title" className="screen__title screen__title--big">
        {t('insert.title')}
      </h1>
      <CardSlotDrawing label={t('insert.drawing')} />
      <p className="step-hint">{t('insert.hint')}</p>
    </section>
  );
}
