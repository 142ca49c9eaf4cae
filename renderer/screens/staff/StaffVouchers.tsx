/**
 * Refund vouchers (返金引換券) at the staff console: the ones still to pay out (any day) and
 * today's paid ones, and "paid out at the counter". Staff key in the amount and the 照合コード
 * printed on the citizen's slip (the console never shows the code, so a slip must be presented);
 * the journal checks both and refuses a second payout.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffVoucher } from '../../../contract/staff-console';
import { useKiosk } from '../../app/kiosk-context';
import { clock, errorKey, yen } from './staff-format';
import { useStaffData } from './use-staff-data';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'A', 'B', 'C', 'D', 'E', 'F'];

type Field = 'amount' | 'code';

function SettleForm({ voucher, onDone, onCancel }: { voucher: StaffVoucher; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('staff');
  const { client } = useKiosk();
  const [amount, setAmount] = useState('');
  const [code, setCode] = useState('');
  const [field, setField] = useState<Field>('amount');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = field === 'amount' ? amount : code;
  const set = field === 'amount' ? setAmount : setCode;
  const max = field === 'amount' ? 7 : 8;
  const ready = /^[1-9]\d*$/.test(amount) && (!voucher.slipPrinted || code.length === 8);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('staff.settleVoucher', {
        voucher: voucher.number,
        amountYen: Number(amount),
        reason: 'cash-at-counter',
        ...(code.length === 8 ? { checkCode: code } : {}),
      });
      onDone();
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  };
  const fieldButton = (f: Field, label: string, shown: string) => (
    <button
      type="button"
      className={`button staff-button ${field === f ? 'button--primary' : 'button--secondary'}`}
      aria-pressed={field === f}
      onClick={() => setField(f)}
      data-testid={`staff-voucher-field-${f}`}
    >
      {label}: {shown || '—'}
    </button>
  );
  return (
    <div className="staff-voucher-form" role="group" aria-label={t('vouchers.formTitle', { number: voucher.number })} data-testid="staff-voucher-form">
      <p className="staff__subtitle">{t('vouchers.formTitle', { number: voucher.number })}</p>
      <div className="staff-voucher-form__fields">
        {fieldButton('amount', t('vouchers.amountField'), amount ? yen(Number(amount)) : '')}
        {voucher.slipPrinted ? fieldButton('code', t('vouchers.codeField'), code.replace(/^(.{4})/, '$1 ')) : null}
      </div>
      <div className="staff-keypad staff-keypad--hex">
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            className="button button--secondary staff-keypad__key"
            disabled={value.length >= max || (field === 'amount' && !/\d/.test(k))}
            onClick={() => set(value + k)}
            data-testid={`staff-voucher-key-${k}`}
          >
            {k}
          </button>
        ))}
        <button
          type="button"
          className="button button--secondary staff-keypad__key"
          onClick={() => set(value.slice(0, -1))}
          data-testid="staff-voucher-key-delete"
        >
          {t('vouchers.delete')}
        </button>
      </div>
      {error ? (
        <p className="staff-notice staff-notice--error" role="alert" data-testid="staff-voucher-error">
          {t(error)}
        </p>
      ) : null}
      <div className="staff-voucher-form__actions">
        <button type="button" className="button button--secondary staff-button" onClick={onCancel}>
          {t('vouchers.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary staff-button"
          disabled={!ready || busy}
          onClick={() => void submit()}
          data-testid="staff-voucher-submit"
        >
          {t('vouchers.submit')}
        </button>
      </div>
    </div>
  );
}

export function StaffVouchers({ onSettled }: { onSettled: () => void }) {
  const { t } = useTranslation('staff');
  const { data: list, error, reload: load } = useStaffData<StaffVoucher[]>((c) => c.call('staff.listVouchers', {}));
  const [open, setOpen] = useState<StaffVoucher | null>(null);

  if (error)
    return (
      <p className="staff-notice staff-notice--error" role="alert">
        {t(error)}
      </p>
    );
  if (!list) return null;
  return (
    <section className="staff-vouchers" aria-labelledby="staff-vouchers-title" data-testid="staff-vouchers">
      <table className="staff-table">
        <caption id="staff-vouchers-title">{t('vouchers.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vouchers.number')}</th>
            <th scope="col">{t('reconciliation.yen')}</th>
            <th scope="col">{t('vouchers.issued')}</th>
            <th scope="col">{t('vouchers.status')}</th>
          </tr>
        </thead>
        <tbody>
          {list.length === 0 ? (
            <tr>
              <td colSpan={4}>{t('vouchers.none')}</td>
            </tr>
          ) : (
            list.map((v) => (
              <tr key={v.number} data-testid={`staff-voucher-${v.number}`}>
                <th scope="row">{v.number}</th>
                <td>{yen(v.amountYen)}</td>
                <td>
                  {clock(v.issuedAt)}
                  {v.slipPrinted ? ` ${t('vouchers.slip')}` : ''}
                </td>
                <td>
                  {v.settledAt !== null ? (
                    t('vouchers.settled', { at: clock(v.settledAt) })
                  ) : (
                    <button
                      type="button"
                      className="button button--primary staff-button staff-no-print"
                      onClick={() => setOpen(v)}
                      data-testid={`staff-voucher-settle-${v.number}`}
                    >
                      {t('vouchers.settle')}
                    </button>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {open ? (
        <SettleForm
          key={open.number}
          voucher={open}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            load();
            onSettled();
          }}
        />
      ) : null}
    </section>
  );
}
