/**
 * Today's certificate transactions (serial, type, fee, state, time; no personal data), with
 * void and reprint where the state allows them. Each action is a staff decision: a confirm
 * dialog asks for the reason first.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffReasonSchema, type StaffReason, type StaffTransaction } from '../../../contract/staff-console';
import { useKiosk } from '../../app/kiosk-context';
import { clock, errorKey, yen } from './staff-format';
import { useStaffData } from './use-staff-data';

type Pending = { action: 'void' | 'reprint'; tx: StaffTransaction };

function ConfirmAction({ pending, onDone, onCancel }: { pending: Pending; onDone: (tx: StaffTransaction) => void; onCancel: () => void }) {
  const { t } = useTranslation('staff');
  const { client } = useKiosk();
  const [reason, setReason] = useState<StaffReason | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const confirm = async () => {
    if (!reason) return;
    setBusy(true);
    try {
      const channel = pending.action === 'void' ? 'staff.void' : 'staff.reprint';
      onDone(await client.call(channel, { txId: pending.tx.txId, reason }));
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="overlay staff-confirm-overlay">
      <div className="dialog staff-dialog" role="alertdialog" aria-modal="true" aria-labelledby="staff-confirm-title" data-testid="staff-confirm">
        <h2 id="staff-confirm-title" className="dialog__title" tabIndex={-1} ref={title}>
          {t(`confirm.${pending.action}Title`, { serial: pending.tx.serial ?? pending.tx.txId })}
        </h2>
        <p>{t(`confirm.${pending.action}Body`)}</p>
        <fieldset className="staff-reasons">
          <legend>{t('confirm.reason')}</legend>
          {staffReasonSchema.options.map((r) => (
            <label key={r} className="staff-reason">
              <input type="radio" name="staff-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
              <span>{t(`reasons.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        {error ? (
          <p className="staff-notice staff-notice--error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--primary button--wide"
            disabled={!reason || busy}
            onClick={() => void confirm()}
            data-testid="staff-confirm-ok"
          >
            {t(`confirm.${pending.action}Do`)}
          </button>
          <button type="button" className="button button--secondary button--wide" onClick={onCancel} data-testid="staff-confirm-cancel">
            {t('confirm.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function StaffTransactions() {
  const { t } = useTranslation('staff');
  const { data: list, error, reload: load } = useStaffData<StaffTransaction[]>((c) => c.call('staff.listTransactions', {}));
  const [pending, setPending] = useState<Pending | null>(null);

  if (error)
    return (
      <p className="staff-notice staff-notice--error" role="alert">
        {t(error)}
      </p>
    );
  if (!list) return <p className="staff-notice">{t('loading')}</p>;
  return (
    <section aria-labelledby="staff-tx-title" data-testid="staff-transactions">
      <h3 id="staff-tx-title" className="staff__subtitle">
        {t('transactions.title')}
      </h3>
      {list.length === 0 ? (
        <p>{t('transactions.none')}</p>
      ) : (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('transactions.time')}</th>
              <th scope="col">{t('transactions.serial')}</th>
              <th scope="col">{t('transactions.type')}</th>
              <th scope="col">{t('transactions.fee')}</th>
              <th scope="col">{t('transactions.state')}</th>
              <th scope="col">{t('transactions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((tx) => (
              <tr key={tx.txId} data-testid={`staff-tx-${tx.txId}`}>
                <td>{clock(tx.createdAt)}</td>
                <td className="staff-mono">{tx.serial ?? '—'}</td>
                <td>
                  {t(`certificateTypes.${tx.certificateType}`, { defaultValue: tx.certificateType })}
                  {tx.copies > 1 ? ` ×${tx.copies}` : ''}
                </td>
                <td>{yen(tx.feeYen)}</td>
                <td>
                  {t(`states.${tx.state}`)}
                  {tx.refundVoucher ? <span className="staff-mono"> {tx.refundVoucher}</span> : null}
                </td>
                <td>
                  {/* The flex row sits inside the cell: a flex <td> stops being a table cell and drifts out of its row. */}
                  <div className="staff-actions">
                    {tx.canVoid ? (
                      <button type="button" className="button button--secondary staff-button" onClick={() => setPending({ action: 'void', tx })}>
                        {t('transactions.void')}
                      </button>
                    ) : null}
                    {tx.canReprint ? (
                      <button type="button" className="button button--secondary staff-button" onClick={() => setPending({ action: 'reprint', tx })}>
                        {t('transactions.reprint')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending ? (
        <ConfirmAction
          pending={pending}
          onCancel={() => setPending(null)}
          onDone={() => {
            setPending(null);
            load();
          }}
        />
      ) : null}
    </section>
  );
}
