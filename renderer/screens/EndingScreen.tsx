/**
 * What the first screen says after a session ended, for a while (main/session/session-ending.ts):
 * why it ended, the card to take while it is still in the reader, and the countdown to the first
 * screen. Once the card is out, 「最初の画面へ」 skips the rest of the wait.
 */
import { useTranslation } from 'react-i18next';
import type { SessionEnding } from '../../contract/kiosk-api';
import { HomeCountdown } from './shared/HomeCountdown';

type Props = { ending: SessionEnding; onClose: () => void };

export function EndingScreen({ ending, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <section className="step-screen step-screen--center ending" aria-labelledby="ending-title" data-testid="ending" data-reason={ending.reason}>
      <h1 id="ending-title" className="screen__title screen__title--big">
        {t(`ending.${ending.reason}.title`)}
      </h1>
      <p className="step-lead" role="status" data-testid="ending-message">
        {t(`ending.${ending.reason}.body`)}
      </p>
      {ending.takeCard ? (
        <p className="screen__title--huge take-card-line" role="alert" data-testid="ending-take-card">
          {t('ending.takeCard')}
        </p>
      ) : null}
      <HomeCountdown remainingMs={ending.remainingMs} />
      {ending.takeCard ? null : (
        <button type="button" className="button button--primary button--wide" onClick={onClose} data-testid="ending-close">
          {t('ending.close')}
        </button>
      )}
    </section>
  );
}
