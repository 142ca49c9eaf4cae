/**
 * "Need more time?": large, one touch to continue. Touches elsewhere do not count, so the
 * next person in line cannot continue someone else's session by accident.
 */
import { useOpeningFocus } from '../app/use-screen-start';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../app/use-countdown';

/** `onFinish` null: no 「おわる」 (a paid certificate sale: leaving means finishing it). */
type Props = { remainingMs: number; onExtend: () => void; onFinish: (() => void) | null };

export function IdlePrompt({ remainingMs, onExtend, onFinish }: Props) {
  const { t } = useTranslation();
  const seconds = useCountdown(remainingMs);
  const extend = useOpeningFocus<HTMLButtonElement>();
  return (
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" data-testid="idle-prompt">
        <h2 id="idle-title" className="dialog__title">
          {t('idle.title')}
        </h2>
        <p id="idle-body" className="dialog__body" aria-live="polite">
          {t('idle.body', { seconds })}
        </p>
        <div className="dialog__actions">
          <button ref={extend} type="button" className="button button--primary button--wide" onClick={onExtend} data-testid="idle-extend">
            {t('idle.extend')}
          </button>
          {onFinish ? (
            <button type="button" className="button button--secondary button--wide" onClick={onFinish} data-testid="idle-finish">
              {t('idle.finish')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
