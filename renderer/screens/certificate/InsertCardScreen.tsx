/** 「マイナンバーカードを差し込んでください」: the drawing, one sentence, nothing to press. */
import { useTranslation } from 'react-i18next';
import { CardSlotDrawing } from './CardSlotDrawing';
import { messageText } from './message-text';

type Props = {
  messageKey?: string;
  /** Overrides the text of `messageKey` (a journey whose keys live in another namespace resolves them itself). */
  messageText?: string;
};

export function InsertCardScreen({ messageKey, messageText: text }: Props) {
  const { t } = useTranslation('certificate');
  return (
    <section className="cert-screen cert-screen--center" aria-labelledby="insert-title" data-testid="cert-insert-card">
      {messageKey ? (
        <p className="cert-message cert-message--warning" role="alert" data-testid="cert-insert-message">
          {text ?? messageText(t, messageKey)}
        </p>
      ) : null}
      <h1 id="insert-title" className="screen__title cert-title--big">
        {t('insert.title')}
      </h1>
      <CardSlotDrawing label={t('insert.drawing')} />
      <p className="cert-hint">{t('insert.hint')}</p>
    </section>
  );
}
