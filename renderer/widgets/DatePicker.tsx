/**
 * A date chosen by touch: 和暦 (元号 + 年, 元年 for year 1) or 西暦, year by large ± steppers
 * (±1 and ±10), month and day from grids of big buttons. No native date input and no
 * selects. Days that do not exist, or lie outside the era or the bounds, cannot be chosen
 * (`date-picker-model.ts`). The chosen date is shown in both calendars.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Calendar,
  type DateBounds,
  type DateDraft,
  daysOfMonth,
  draftIso,
  initialDraft,
  isDayAllowed,
  isMonthAllowed,
  offeredEras,
  setCalendar,
  setDay,
  setEra,
  setMonth,
  stepYear,
  yearRange,
} from './date-picker-model';
import { type EraName, eraByName, eraOf, eraYear, parseIso } from '../../contract/japanese-calendar';
import { ChoiceList } from './ChoiceList';

export type DatePickerProps = {
  /** The chosen date (ISO YYYY-MM-DD), or undefined while none is chosen. */
  value: string | undefined;
  /**
   * Called with the ISO date each time a complete, allowed date is chosen, and with '' when a
   * move leaves the date incomplete (e.g. choosing 令和 after 1969-02-28 unchooses the month), so
   * the parent never keeps a date the screen no longer shows.
   */
  onChange: (iso: string) => void;
  /** The calendar shown first (default 'era'); the citizen can switch. */
  mode?: Calendar;
  /** Earliest Western year offered (default 1900). */
  minYear?: number;
  /** Latest Western year offered: the caller's, by the kiosk's clock (the renderer keeps none). */
  maxYear: number;
  /** Accessible name of the date being chosen (e.g. 「生年月日」). */
  label: string;
  /** Year shown before anything is chosen (default `maxYear`). */
  initialYear?: number;
  /** Prefix for data-testid attributes (default 'date'). */
  testId?: string;
};

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function DatePicker({ value, onChange, mode = 'era', minYear = 1900, maxYear, label, initialYear, testId = 'date' }: DatePickerProps) {
  const { t, i18n } = useTranslation('widgets');
  const id = useId();
  const bounds: DateBounds = useMemo(() => ({ minYear, maxYear }), [minYear, maxYear]);
  const [draft, setDraft] = useState<DateDraft>(() => initialDraft(value, mode, bounds, initialYear ?? bounds.maxYear));

  // A new value from the parent (e.g. filled from the card) replaces the draft.
  useEffect(() => {
    if (value !== undefined && value !== draftIso(draft, bounds) && parseIso(value)) {
      setDraft((d) => initialDraft(value, d.calendar, bounds, d.year));
    }
    // Only the parent's value matters here; the draft's own moves report through `move`.
  }, [value]);

  const move = (next: DateDraft) => {
    setDraft(next);
    const iso = draftIso(next, bounds);
    if (iso !== null && iso !== value) onChange(iso);
    else if (iso === null && value) onChange('');
  };

  const lang = i18n.language;
  const monthName = (m: number, style: 'long' | 'short') =>
    new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
  const eraLabel = (e: EraName) => t(`date.eras.${e}`);
  const eraYearLabel = (n: number) => (n === 1 ? t('date.firstYear') : String(n));

  const range = yearRange(draft, bounds);
  const era = draft.calendar === 'era' && draft.era ? eraByName(draft.era) : null;
  const yearText = era
    ? t('date.yearValueEra', { era: eraLabel(era.name), year: eraYearLabel(eraYear(era, draft.year)) })
    : t('date.yearValueWestern', { year: draft.year });
  const yearSecondary = era ? t('date.yearValueWestern', { year: draft.year }) : null;

  const iso = draftIso(draft, bounds);
  const summary = (() => {
    const p = iso ? parseIso(iso) : null;
    const e = iso ? eraOf(iso) : null;
    if (!p || !e) return t('date.notChosen');
    const parts = { month: p.m, day: p.d, monthName: monthName(p.m, 'long') };
    const eraDate = t('date.eraDate', { ...parts, era: eraLabel(e.name), year: eraYearLabel(eraYear(e, p.y)) });
    const westernDate = t('date.westernDate', { ...parts, year: p.y });
    return draft.calendar === 'era'
      ? t('date.summaryEra', { eraDate, westernYear: p.y })
      : t('date.summaryWestern', { westernDate, era: eraLabel(e.name), eraYear: eraYearLabel(eraYear(e, p.y)) });
  })();

  const stepper = (delta: number, key: string) => {
    const disabled = delta < 0 ? draft.year <= range.min : draft.year >= range.max;
    return (
      <button
        type="button"
        className="wkey wdate__step"
        onClick={() => move(stepYear(draft, bounds, delta))}
        disabled={disabled}
        data-testid={`${testId}-year-${delta > 0 ? 'plus' : 'minus'}${Math.abs(delta)}`}
      >
        {t(`date.${key}`)}
      </button>
    );
  };

  const grid = (
    kind: 'month' | 'day',
    items: number[],
    chosen: number | null,
    allowed: (n: number) => boolean,
    pick: (n: number) => void,
    text: (n: number) => string,
    name?: (n: number) => string,
  ) => (
    <div className={`wdate__grid wdate__grid--${kind}`} role="radiogroup" aria-labelledby={`${id}-${kind}`}>
      {items.map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={n === chosen}
          className={n === chosen ? 'wkey wdate__cell wdate__cell--on' : 'wkey wdate__cell'}
          disabled={!allowed(n)}
          onClick={() => pick(n)}
          aria-label={name?.(n)}
          data-testid={`${testId}-${kind}-${n}`}
        >
          {text(n)}
        </button>
      ))}
    </div>
  );

  return (
    <div className="wdate" role="group" aria-label={label} data-testid={testId}>
      <div className="wdate__head">
        <p className="wdate__summary" aria-live="polite" data-testid={`${testId}-summary`}>
          <span className="wdate__summary-label">{t('date.chosen')}</span>
          <span className="wdate__summary-value">{summary}</span>
        </p>
        <div className="wdate__calendar">
          <ChoiceList
            label={t('date.calendar')}
            options={[
              { value: 'era', label: t('date.era') },
              { value: 'western', label: t('date.western') },
            ]}
            value={draft.calendar}
            onChange={(c) => move(setCalendar(draft, bounds, c as Calendar))}
            columns={2}
            testId={`${testId}-calendar`}
          />
        </div>
      </div>
      <div className="wdate__body">
        <div className="wdate__left">
          {draft.calendar === 'era' ? (
            <ChoiceList
              label={t('date.eraChoice')}
              options={offeredEras(bounds).map((e) => ({ value: e.name, label: eraLabel(e.name) }))}
              value={draft.era ?? undefined}
              onChange={(e) => move(setEra(draft, bounds, e as EraName))}
              columns={Math.min(5, offeredEras(bounds).length) as 1 | 2 | 3 | 4 | 5}
              testId={`${testId}-era`}
            />
          ) : null}
          <div className="wdate__year" role="group" aria-labelledby={`${id}-year`}>
            <span id={`${id}-year`} className="wdate__heading">
              {t('date.year')}
            </span>
            {stepper(-10, 'minus10')}
            {stepper(-1, 'minus1')}
            <output className="wdate__year-value" aria-live="polite" data-testid={`${testId}-year`}>
              <span className="wdate__year-main">{yearText}</span>
              {yearSecondary ? <span className="wdate__year-sub">{yearSecondary}</span> : null}
            </output>
            {stepper(1, 'plus1')}
            {stepper(10, 'plus10')}
          </div>
          <span id={`${id}-month`} className="wdate__heading">
            {t('date.month')}
          </span>
          {grid(
            'month',
            MONTHS,
            draft.month,
            (m) => isMonthAllowed(draft, bounds, m),
            (m) => move(setMonth(draft, bounds, m)),
            (m) => t('date.monthValue', { month: m, monthShort: monthName(m, 'short') }),
          )}
        </div>
        <div className="wdate__right">
          <span id={`${id}-day`} className="wdate__heading">
            {t('date.day')}
          </span>
          {draft.month === null ? (
            <p className="wdate__hint">{t('date.chooseMonthFirst')}</p>
          ) : (
            // The day keys show the bare number (「10日」 would crowd a 72 px key); the name says 「10日」.
            grid(
              'day',
              daysOfMonth(draft),
              draft.day,
              (d) => isDayAllowed(draft, bounds, draft.month!, d),
              (d) => move(setDay(draft, bounds, d)),
              (d) => String(d),
              (d) => t('date.dayValue', { day: d }),
            )
          )}
        </div>
      </div>
    </div>
  );
}
