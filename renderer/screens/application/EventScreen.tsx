/**
 * One life event: the forms this kiosk fills (optional ones as switches), the procedures done
 * at other counters and where, and everything to bring, then one big "start" button.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideEvent, GuideProcedure, LocalizedText } from '../../../contract/applications';
import { useLocalize } from './localized';

type Props = {
  event: GuideEvent;
  included: string[];
  onToggle: (procedureId: string, included: boolean) => void;
  onStart: () => void;
  onBack: () => void;
};

/** Every document of the event's procedures, once each (procedures often share one). */
function documentsOf(procedures: GuideProcedure[]): LocalizedText[] {
  const seen = new Set<string>();
  const out: LocalizedText[] = [];
  for (const p of procedures)
    for (const d of p.documents) {
      if (seen.has(d.ja)) continue;
      seen.add(d.ja);
      out.push(d);
    }
  return out;
}

export function EventScreen({ event, included, onToggle, onStart, onBack }: Props) {
  const { t } = useTranslation('application');
  const localize = useLocalize();
  const kiosk = event.procedures.filter((p) => p.kioskCanDo);
  const elsewhere = event.procedures.filter((p) => !p.kioskCanDo);
  const documents = documentsOf(event.procedures);
  const canStart = kiosk.some((p) => !p.optional || included.includes(p.id));

  return (
    <section className="step-screen" aria-labelledby="event-title" data-testid="app-event">
      <h1 id="event-title" className="screen__title">
        {localize(event.title)}
      </h1>
      <p className="step-lead">{t('event.lead')}</p>
      <ProcedurePanel id="event-kiosk" title={t('event.kiosk')} procedures={kiosk}>
        {(p) =>
          p.optional ? (
            <button
              type="button"
              className={included.includes(p.id) ? 'button button--primary app-toggle' : 'button button--secondary button--outlined app-toggle'}
              aria-pressed={included.includes(p.id)}
              aria-describedby={`procedure-name-${p.id}`}
              onClick={() => onToggle(p.id, !included.includes(p.id))}
              data-testid={`event-toggle-${p.id}`}
            >
              {included.includes(p.id) ? <span aria-hidden="true">✓ </span> : null}
              {t('event.include')}
            </button>
          ) : null
        }
      </ProcedurePanel>
      <ProcedurePanel id="event-elsewhere" title={t('event.elsewhere')} procedures={elsewhere}>
        {(p) => <p className="app-procedure__where">{t('event.where', { office: localize(p.officeName) })}</p>}
      </ProcedurePanel>
      <section className="app-panel" aria-labelledby="event-documents">
        <h2 id="event-documents" className="app-group__title">
          {t('event.documents')}
        </h2>
        {documents.length > 0 ? (
          <ul className="app-documents" data-testid="event-documents">
            {documents.map((d) => (
              <li key={d.ja}>{localize(d)}</li>
            ))}
          </ul>
        ) : (
          <p className="step-hint">{t('event.noDocuments')}</p>
        )}
      </section>
      <div className="step-actions app-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="app-back">
          {t('event.back')}
        </button>
        <button type="button" className="button button--primary button--wide" onClick={onStart} disabled={!canStart} data-testid="event-start">
          {t('event.start')}
        </button>
      </div>
    </section>
  );
}

/** One group of the event's procedures under its heading (nothing when the group is empty); `children` adds what each one needs beside its text. */
function ProcedurePanel({
  id,
  title,
  procedures,
  children,
}: {
  id: string;
  title: string;
  procedures: GuideProcedure[];
  children: (procedure: GuideProcedure) => ReactNode;
}) {
  if (procedures.length === 0) return null;
  return (
    <section className="app-panel" aria-labelledby={id}>
      <h2 id={id} className="app-group__title">
        {title}
      </h2>
      <ul className="app-procedures">
        {procedures.map((p) => (
          <li key={p.id} className="app-procedure" data-testid={`event-procedure-${p.id}`}>
            <ProcedureText procedure={p} />
            {children(p)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProcedureText({ procedure: p }: { procedure: GuideProcedure }) {
  const { t } = useTranslation('application');
  const localize = useLocalize();
  return (
    <div className="app-procedure__text">
      <p id={`procedure-name-${p.id}`} className="app-procedure__name">
        {localize(p.name)}
      </p>
      {p.optional ? <p className="step-note">{t('event.optional')}</p> : null}
      {p.conditionLabel ? <p className="step-note">{t('event.condition', { condition: localize(p.conditionLabel) })}</p> : null}
      {p.note ? <p className="step-note">{localize(p.note)}</p> : null}
    </div>
  );
}
