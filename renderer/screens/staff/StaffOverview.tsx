/** Alerts (identical ones grouped, each with advice and one acknowledge), device tiles, back end and outbox; refreshed every few seconds. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffOverview as Overview } from '../../../contract/staff-console';
import { useKiosk } from '../../app/kiosk-context';
import { groupAlerts } from './alert-groups';
import { alertAdvice, alertText, type AlertLookup } from './alert-text';
import { clock, errorKey, wardName, yen } from './staff-format';
import { useStaffData } from './use-staff-data';

const REFRESH_MS = 5000;

function Tile({ title, ok, testId, children }: { title: string; ok: boolean; testId: string; children: React.ReactNode }) {
  const { t } = useTranslation('staff');
  return (
    <section className={`staff-tile ${ok ? 'staff-tile--ok' : 'staff-tile--bad'}`} aria-label={title} data-testid={testId}>
      <h3 className="staff-tile__title">
        {title} <span className="staff-tile__badge">{ok ? t('tile.ok') : t('tile.attention')}</span>
      </h3>
      {children}
    </section>
  );
}

export function StaffOverview() {
  const { t, i18n } = useTranslation('staff');
  const lookup: AlertLookup = (key, params) => (i18n.exists(key, { ns: 'staff' }) ? t(key, params ?? {}) : undefined);
  const { client } = useKiosk();
  const {
    data: overview,
    setData: setOverview,
    error,
    setError,
    reload: load,
  } = useStaffData<Overview>((c) => c.call('staff.getOverview', {}), { refreshMs: REFRESH_MS });
  const [message, setMessage] = useState<string | null>(null);

  // One acknowledgement for a group: each alert of it is acknowledged (one by one: the main side keeps
  // its per-alert record), and the list the last answer carries is shown.
  const ack = async (ids: readonly number[]) => {
    try {
      let alerts: Overview['alerts'] | null = null;
      for (const id of ids) alerts = await client.call('staff.ackAlert', { id });
      if (alerts) setOverview((o) => (o && alerts ? { ...o, alerts } : o));
    } catch (err) {
      setError(errorKey(err));
    }
  };
  const retry = async () => {
    try {
      await client.call('staff.retryOutbox', {});
      setMessage('outbox.retried');
      load();
    } catch (err) {
      setError(errorKey(err));
    }
  };

  if (!overview) return <p className="staff-notice">{error ? t(error) : t('loading')}</p>;
  const { printer, cash, card, backend, outbox } = overview;
  return (
    <div className="staff-overview" data-testid="staff-overview">
      {error ? (
        <p className="staff-notice staff-notice--error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <section className="staff-alerts" aria-labelledby="staff-alerts-title">
        <h3 id="staff-alerts-title" className="staff__subtitle">
          {t('alerts.title')}
        </h3>
        {overview.alerts.length === 0 ? <p>{t('alerts.none')}</p> : null}
        <ul className="staff-list" data-testid="staff-alerts">
          {groupAlerts(overview.alerts).map((g) => {
            const advice = alertAdvice(g.code, lookup);
            const acked = g.openIds.length === 0;
            return (
              <li
                key={g.key}
                className={`staff-alert staff-alert--${g.severity} ${acked ? 'staff-alert--acked' : ''}`}
                data-testid={`staff-alert-${g.key}`}
                data-count={g.alerts.length}
              >
                <span className="staff-alert__time">
                  {g.alerts.length > 1 ? t('alerts.repeated', { count: g.alerts.length, first: clock(g.firstAt), last: clock(g.lastAt) }) : clock(g.firstAt)}
                </span>
                <span className="staff-alert__text">{alertText(g.code, lookup)}</span>
                {g.references.length > 0 ? <span className="staff-alert__ref">{g.references.join(' ')}</span> : null}
                {acked ? (
                  <span className="staff-alert__acked">{t('alerts.acked')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary staff-button"
                    onClick={() => void ack(g.openIds)}
                    data-testid={`staff-ack-${g.key}`}
                  >
                    {t('alerts.ack')}
                  </button>
                )}
                {advice && !acked ? (
                  <span className="staff-alert__advice" data-testid={`staff-alert-advice-${g.key}`}>
                    {t('alerts.advice', { advice })}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      <div className="staff-tiles">
        <Tile title={t('tile.printer')} ok={printer.ready} testId="staff-tile-printer">
          <p>{t(`printerState.${printer.state}`)}</p>
          {printer.reasons.length > 0 ? <p>{printer.reasons.map((r) => t(`printerReason.${r}`, { defaultValue: r })).join('・')}</p> : null}
          {printer.stateReasons.length > 0 ? <p className="staff-mono">{printer.stateReasons.join(', ')}</p> : null}
        </Tile>
        <Tile title={t('tile.cash')} ok={cash.state === 'ok' || cash.state === 'busy'} testId="staff-tile-cash">
          <p>{t(`cashState.${cash.state}`)}</p>
          {cash.faults.length > 0 ? <p>{cash.faults.map((f) => t(`cashFault.${f}`, { defaultValue: f })).join('・')}</p> : null}
          {cash.levels ? (
            <p className="staff-levels">
              {cash.levels.map((l) => (
                <span key={l.denomination}>
                  {yen(l.denomination)}×{l.count}
                </span>
              ))}
            </p>
          ) : null}
        </Tile>
        <Tile title={t('tile.card')} ok={card.readerPresent} testId="staff-tile-card">
          <p>{card.readerPresent ? t('card.reader', { count: card.readers }) : t('card.noReader')}</p>
          <p>{card.cardPresent ? t('card.cardIn') : t('card.noCard')}</p>
        </Tile>
        <Tile title={t('tile.backend')} ok={backend.reachable} testId="staff-tile-backend">
          <p>{backend.reachable ? t('backend.up') : t('backend.down')}</p>
          <p>{t('backend.checked', { time: clock(backend.checkedAt) })}</p>
          {backend.pendingVoids ? <p data-testid="staff-pending-voids">{t('backend.pendingVoids', { count: backend.pendingVoids })}</p> : null}
        </Tile>
      </div>
      <section className="staff-outbox" aria-labelledby="staff-outbox-title" data-testid="staff-outbox">
        <h3 id="staff-outbox-title" className="staff__subtitle">
          {t('outbox.title')}
        </h3>
        {outbox === null ? (
          <p>{t('outbox.none')}</p>
        ) : (
          <>
            <p>{t('outbox.summary', { queued: outbox.queued, dead: outbox.deadLetters, delivered: outbox.delivered })}</p>
            {outbox.byWard.length > 0 ? (
              <table className="staff-table">
                <thead>
                  <tr>
                    <th scope="col">{t('outbox.ward')}</th>
                    <th scope="col">{t('outbox.queued')}</th>
                    <th scope="col">{t('outbox.dead')}</th>
                    <th scope="col">{t('outbox.delivered')}</th>
                    <th scope="col">{t('outbox.failures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outbox.byWard.map((w) => (
                    <tr key={w.destination}>
                      <td>{wardName(w.destination)}</td>
                      <td>{w.queued}</td>
                      <td>{w.deadLetters}</td>
                      <td>{w.delivered}</td>
                      <td>{w.failures ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {outbox.deadLetterList.length > 0 ? (
              <ul className="staff-list">
                {outbox.deadLetterList.map((d) => (
                  <li key={d.receiptNumber}>
                    {d.receiptNumber} — {wardName(d.destination)} — {lookup(`deadLetterReason.${d.code}`) ?? d.code} ({d.code}, {d.httpStatus})
                  </li>
                ))}
              </ul>
            ) : null}
            <button
              type="button"
              className="button button--secondary staff-button"
              onClick={() => void retry()}
              disabled={outbox.queued === 0}
              data-testid="staff-retry-outbox"
            >
              {t('outbox.retry')}
            </button>
            {message ? <p role="status">{t(message)}</p> : null}
          </>
        )}
      </section>
    </div>
  );
}
