/**
 * 「N秒後に最初の画面に戻ります」: the one countdown shown wherever the kiosk will go back to its
 * first screen by itself (an ending, the take-certificate screen). The time comes from main
 * (counted on the kiosk's clock); the renderer only counts it down between main's events.
 */
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../../app/use-countdown';

export function HomeCountdown({ remainingMs }: { remainingMs: number }) {
  const { t } = useTranslation();
  const seconds = useCountdown(remainingMs);
  return (
    <p className="home-countdown" data-testid="home-countdown">
      {t('ending.countdown', { seconds })}
    </p>
  );
}
