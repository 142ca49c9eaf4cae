/**
 * The life-event guide: tiles grouped (引っ越し, 出生 …) and a search. The search box is a
 * button: tapping it opens the on-screen kana keyboard (no system keyboard on a kiosk), and
 * the hits follow the typing, asked from the main side a moment after the last key.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideEventSummary } from '../../../contract/application-journey';
import type { GuideSearchHit, LocalizedText } from '../../../contract/applications';
import type { ApplicationViewState } from '../../app/use-application-view';
import { useLocalize, type Localize } from './localized';
import { KanaKeyboard } from './widgets';

/** Wait this long after the last key before searching, so a fast typist sends one request. */
const SEARCH_DEBOUNCE_MS = 250;

type Props = {
  events: GuideEventSummary[];
  call: ApplicationViewState['call'];
  onOpen: (eventId: string) => void;
};

type Group = { key: string; title: LocalizedText | null; events: GuideEventSummary[] };

function groupEvents(events: GuideEventSummary[]): Group[] {
  const groups: Group[] = [];
  for (const e of events) {
    const key = e.group?.ja ?? '';
    let g = groups.find((x) => x.key === key);
    if (!g) {
      g = { key, title: e.group ?? null, events: [] };
      groups.push(g);
    }
    g.events.push(e);
  }
  return groups;
}

export function GuideScreen({ events, call, onOpen }: Props) {
  const { t, i18n } = useTranslation('application');
  const localize = useLocalize();
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<GuideSearchHit[] | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void call('application.searchGuide', { query: q }).then((found) => {
        if (live && found) setHits(found);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, call]);

  return (
    <section className="step-screen" aria-labelledby="guide-title" data-testid="app-guide">
      <h1 id="guide-title" className="screen__title">
        {t('guide.title')}
      </h1>
      <p className="step-lead">{t('guide.lead')}</p>
      <div className="app-search" role="search">
        {searching ? (
          <>
            <KanaKeyboard
              value={query}
              onChange={setQuery}
              modes={i18n.language.startsWith('ja') ? ['hiragana', 'katakana', 'alnum'] : ['alnum', 'hiragana', 'katakana']}
              initialMode={i18n.language.startsWith('ja') ? 'hiragana' : 'alnum'}
              maxLength={30}
              label={t('guide.searchLabel')}
              testId="search"
            />
            <button
              type="button"
              className="button button--secondary button--outlined"
              onClick={() => {
                setSearching(false);
                setQuery('');
              }}
              data-testid="guide-search-close"
            >
              {t('guide.searchClose')}
            </button>
          </>
        ) : (
          <button type="button" className="app-search__box" onClick={() => setSearching(true)} data-testid="guide-search-open">
            <span className="app-search__label">{t('guide.search')}</span>
            <span className="app-search__placeholder">{t('guide.searchEmpty')}</span>
          </button>
        )}
      </div>
      {hits ? <SearchResults hits={hits} events={events} localize={localize} onOpen={onOpen} /> : null}
      {groupEvents(events).map((g) => (
        <section key={g.key} className="app-group" aria-labelledby={`guide-group-${g.key || 'other'}`}>
          <h2 id={`guide-group-${g.key || 'other'}`} className="app-group__title">
            {g.title ? localize(g.title) : t('guide.other')}
          </h2>
          <div className="app-tiles">
            {g.events.map((e) => (
              <button key={e.id} type="button" className="journey app-tile" onClick={() => onOpen(e.id)} data-testid={`guide-event-${e.id}`}>
                <span className="journey__title">{localize(e.title)}</span>
                <span className="journey__hint">{e.kioskProcedures > 0 ? t('guide.kioskCount', { n: e.kioskProcedures }) : t('guide.kioskNone')}</span>
              </button>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}

type ResultsProps = { hits: GuideSearchHit[]; events: GuideEventSummary[]; localize: Localize; onOpen: (eventId: string) => void };

/** One button per event hit, and per (procedure, event it belongs to) for procedure hits. */
function SearchResults({ hits, events, localize, onOpen }: ResultsProps) {
  const { t } = useTranslation('application');
  const titleOf = (id: string) => events.find((e) => e.id === id)?.title;
  const rows = hits.flatMap((h) =>
    h.kind === 'event'
      ? [{ key: `e-${h.id}`, eventId: h.id, title: localize(h.title), hint: '' }]
      : h.eventIds.map((eventId) => ({
          key: `p-${h.id}-${eventId}`,
          eventId,
          title: localize(h.title),
          hint: t('guide.inEvent', { event: localize(titleOf(eventId)) }),
        })),
  );
  return (
    <section className="app-results" aria-labelledby="guide-results-title" aria-live="polite" data-testid="guide-results">
      <h2 id="guide-results-title" className="app-group__title">
        {t('guide.results')}
      </h2>
      {rows.length === 0 ? (
        <p className="step-hint">{t('guide.noResults')}</p>
      ) : (
        <ul className="app-results__list">
          {rows.map((r) => (
            <li key={r.key}>
              <button type="button" className="journey app-tile" onClick={() => onOpen(r.eventId)} data-testid={`guide-hit-${r.key}`}>
                <span className="journey__title">{r.title}</span>
                {r.hint ? <span className="journey__hint">{r.hint}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
