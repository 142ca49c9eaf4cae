/** Today's reconciliation: counts and yen by outcome, cash in/out, refunds, vouchers; printable. */
import { useTranslation } from 'react-i18next';
import type { StaffReconciliation as Reconciliation } from '../../../contract/staff-console';
import { useKiosk } from '../../app/kiosk-context';
import { isoDay, yen } from './staff-format';
import { useStaffData } from './use-staff-data';
import { StaffVouchers } from './StaffVouchers';

export function StaffReconciliation() {
  const { t } = useTranslation('staff');
  const { info } = useKiosk();
  const { data: r, error, reload: load } = useStaffData<Reconciliation>((c) => c.call('staff.reconciliation', {}));

  if (error)
    return (
      <p className="staff-notice staff-notice--error" role="alert">
        {t(error)}
      </p>
    );
  if (!r) return <p className="staff-notice">{t('loading')}</p>;
  const row = (label: string, value: string, testId?: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{value}</td>
    </tr>
  );
  return (
    <section className="staff-reconciliation" aria-labelledby="staff-rec-title" data-testid="staff-reconciliation">
      <h3 id="staff-rec-title" className="staff__subtitle">
        {t('reconciliation.title', { day: isoDay(r.day), kiosk: info.kioskId })}
      </h3>
      <table className="staff-table">
        <caption>{t('reconciliation.byOutcome')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transactions.state')}</th>
            <th scope="col">{t('reconciliation.count')}</th>
            <th scope="col">{t('reconciliation.yen')}</th>
          </tr>
        </thead>
        <tbody>
          {r.byOutcome.length === 0 ? (
            <tr>
              <td colSpan={3}>{t('transactions.none')}</td>
            </tr>
          ) : (
            r.byOutcome.map((o) => (
              <tr key={o.state}>
                <th scope="row">{t(`states.${o.state}`)}</th>
                <td>{o.count}</td>
                <td>{yen(o.yen)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <table className="staff-table">
        <caption>{t('reconciliation.sales')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transactions.type')}</th>
            <th scope="col">{t('reconciliation.method')}</th>
            <th scope="col">{t('reconciliation.outcome')}</th>
            <th scope="col">{t('reconciliation.count')}</th>
            <th scope="col">{t('reconciliation.yen')}</th>
          </tr>
        </thead>
        <tbody>
          {r.sales.map((s) => (
            <tr key={`${s.certificateType}-${s.method}-${s.outcome}`} data-testid={`staff-rec-sale-${s.outcome}`}>
              <th scope="row">{t(`certificateTypes.${s.certificateType}`, { defaultValue: s.certificateType })}</th>
              <td>{t(`methods.${s.method}`, { defaultValue: s.method })}</td>
              <td>{t(`saleOutcomes.${s.outcome}`)}</td>
              <td>{s.count}</td>
              <td>{yen(s.yen)}</td>
            </tr>
          ))}
          {r.refunds.map((s) => (
            <tr key={`refund-${s.method}`}>
              <th scope="row">{t('reconciliation.refund')}</th>
              <td>{t(`methods.${s.method}`, { defaultValue: s.method })}</td>
              <td />
              <td>{s.count}</td>
              <td>−{yen(s.yen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="staff-table">
        <caption>{t('reconciliation.totals')}</caption>
        <tbody>
          {row(t('reconciliation.cashIn'), yen(r.cashInYen), 'staff-rec-cash-in')}
          {row(t('reconciliation.cashOut'), yen(r.cashOutYen))}
          {row(
            t('reconciliation.vouchers'),
            t('reconciliation.vouchersValue', { count: r.vouchersOutstanding.count, yen: yen(r.vouchersOutstanding.yen) }),
            'staff-rec-vouchers-outstanding',
          )}
          {row(t('reconciliation.vouchersIssued'), t('reconciliation.vouchersValue', { count: r.vouchersIssued.count, yen: yen(r.vouchersIssued.yen) }))}
          {row(
            t('reconciliation.vouchersSettled'),
            t('reconciliation.vouchersValue', { count: r.vouchersSettled.count, yen: yen(r.vouchersSettled.yen) }),
            'staff-rec-vouchers-settled',
          )}
          {row(t('reconciliation.vouchersOpen'), t('reconciliation.vouchersValue', { count: r.vouchersOpen.count, yen: yen(r.vouchersOpen.yen) }))}
          {row(t('reconciliation.printed'), String(r.printed))}
          {row(t('reconciliation.voids'), t('reconciliation.voidsValue', { count: r.voids, unconfirmed: r.unconfirmedVoids }))}
          {row(t('reconciliation.open'), String(r.openPaidNotPrinted))}
          {row(t('reconciliation.net'), yen(r.netYen), 'staff-rec-net')}
        </tbody>
      </table>
      <StaffVouchers onSettled={load} />
      <button type="button" className="button button--secondary staff-button staff-no-print" onClick={() => window.print()}>
        {t('reconciliation.print')}
      </button>
    </section>
  );
}
