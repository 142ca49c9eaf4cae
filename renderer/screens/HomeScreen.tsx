/**
 * The home screen: the two journeys as two large buttons, and before any card is asked for,
 * what works now (in words and ○/× marks) and today's service hours, all as main reports them.
 * A journey that cannot finish is not offered; outside the hours the screen says when the kiosk
 * opens next (「本日の受付は終了しました。次は 12月8日(火) 8:30 から」).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Availability, Journey } from '../../contract/kiosk-api';
import { QueueCheckIn } from './queue/QueueCheckIn';
import { QueueTicketView } from './queue/QueueTicketView';
import { QueueWaits } from './queue/QueueWaits';
import { useQueueFlow } from './queue/use-queue-flow';

type Props = {
  onChoose: (journey: Journey) => void;
  /** Null until main first answers: the journeys are offered (main checks again) and no status is shown. */
  availability: Availability | null;
  /** Demo kiosk (simulated card reader): outside the hours a marked control serves anyway. */
  onOpenOutsideHours: ((open: boolean) => void) | null;
};

const CLOSED_KEY = { open: null, 'before-opening': 'beforeOpening', 'after-closing': 'afterClosing', 'closed-today': 'closedToday' } as const;

/** 08:30 → 8:30, as a Japanese notice writes it. */
const clockTime = (hhmm: string): string => hhmm.replace(/^0(?=\d:)/, '');

function dayText(t: TFunction, isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return t('home.date', { month, day, weekday: t('home.weekdays').split(',')[weekday] ?? '' });
}

export function HomeScreen({ onChoose, availability, onOpenOutsideHours }: Props) {
  const { t } = useTranslation();
  const queue = useQueueFlow();
  const offered = (j: Journey) => availability?.journeys[j] ?? true;
  const hours = availability?.hours;
  const closed = hours && hours.state !== 'open' ? hours : null;
  const journey = (j: Journey, title: string, hint: string) => (
    <button type="button" className="journey" onClick={() => onChoose(j)} disabled={!offered(j)} data-testid={`journey-${j}`}>
      <span className="journey__title">{t(title)}</span>
      <span className="journey__hint">{offered(j) ? t(hint) : t('home.status.no')}</span>
    </button>
  );
  // The ticket machine's own screens take the whole home screen while the citizen uses them.
  if (queue.view.kind === 'check-in') return <QueueCheckIn onSubmit={queue.checkIn} onCancel={queue.backHome} busy={queue.busy} />;
  if (queue.view.kind === 'outcome') return <QueueTicketView outcome={queue.view.outcome} onDone={queue.finish} />;
  return (
    <section className="home" aria-labelledby="home-title">
      <h1 id="home-title" className="screen__title">
        {t('home.title')}
      </h1>
      {closed ? (
        <div className="step-message step-message--warning" role="status" data-testid="home-closed">
          <p>{t(`home.closed.${CLOSED_KEY[closed.state]}`)}</p>
          {closed.next ? <p>{t('home.nextOpen', { date: dayText(t, closed.next.date), time: clockTime(closed.next.opens) })}</p> : null}
        </div>
      ) : null}
      <div className="home__journeys">
        {journey('certificate', 'home.certificate', 'home.certificateHint')}
        {journey('application', 'home.application', 'home.applicationHint')}
      </div>
      <QueueWaits state={queue.state} onTake={queue.take} onTouch={queue.touch} onCheckIn={queue.openCheckIn} busy={queue.busy} />
      {availability ? <AvailabilityList availability={availability} /> : null}
      {closed && onOpenOutsideHours ? (
        <button
          type="button"
          className="button button--secondary button--outlined"
          onClick={() => onOpenOutsideHours(!availability?.hoursOverridden)}
          aria-pressed={availability?.hoursOverridden ?? false}
          data-testid="sim-open-outside-hours"
        >
          {t(availability?.hoursOverridden ? 'home.simOpened' : 'home.simOpen')}
        </button>
      ) : null}
      <p className="home__help">{t('home.help')}</p>
    </section>
  );
}

function AvailabilityList({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  const { journeys, devices, hours } = availability;
  const rows = [
    ['certificate', journeys.certificate],
    ['application', journeys.application],
    ['cash', devices.cash],
    ['cashless', devices.cashless],
    ['printer', devices.printer],
  ] as const;
  return (
    <div className="home__status" data-testid="home-status">
      <h2 className="home__status-title">{t('home.status.title')}</h2>
      <ul>
        {rows.map(([what, works]) => (
          <li key={what} data-testid={`status-${what}`} data-works={works}>
            <span aria-hidden="true" className={works ? 'status-mark status-mark--ok' : 'status-mark status-mark--no'}>
              {works ? '○' : '×'}
            </span>{' '}
            {t(`home.status.${what}`)}: {t(works ? 'home.status.ok' : 'home.status.no')}
          </li>
        ))}
      </ul>
      <p data-testid="home-hours">
        {hours.today ? t('home.hoursToday', { opens: clockTime(hours.today.opens), closes: clockTime(hours.today.closes) }) : t('home.closed.closedToday')}
      </p>
    </div>
  );
}
