/**
 * The staff keypad: with staff accounts first the staff id (4-8 digits, shown), then the passcode
 * (8-12 digits, STAFF_PASSCODE_DIGITS, never shown, never kept after the try); without accounts the
 * shared passcode alone.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_PASSCODE_DIGITS, type StaffLoginResult, type StaffState } from '../../../contract/staff-console';

/** The staff id's length (contract: STAFF_ID_PATTERN). */
const STAFF_ID_DIGITS = { min: 4, max: 8 } as const;
import { useKiosk } from '../../app/kiosk-context';
import { errorKey } from './staff-format';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

type Notice = { key: string; values?: Record<string, number> } | null;

export function StaffLogin({ askId, onCancel, onOpened }: { askId: boolean; onCancel: () => void; onOpened: (state: StaffState) => void }) {
  const { t } = useTranslation('staff');
  const { client } = useKiosk();
  const [staffId, setStaffId] = useState<string | null>(null);
  const enteringId = askId && staffId === null;
  const limits = enteringId ? STAFF_ID_DIGITS : STAFF_PASSCODE_DIGITS;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const press = (d: string) => setCode((c) => (c.length < limits.max ? c + d : c));
  const submit = async () => {
    if (code.length < limits.min || busy) return;
    if (enteringId) {
      setStaffId(code);
      setCode('');
      setNotice(null);
      return;
    }
    setBusy(true);
    const tried = code;
    setCode('');
    try {
      const result: StaffLoginResult = await client.call('staff.login', { passcode: tried, ...(askId && staffId !== null ? { staffId } : {}) });
      if (result.outcome === 'wrong-passcode') setNotice({ key: 'login.wrong', values: { triesLeft: result.triesLeft } });
      else if (result.outcome === 'locked')
        setNotice({ key: 'login.locked', values: { minutes: Math.ceil(result.retryAfterSec / 60), seconds: result.retryAfterSec } });
      else if (result.outcome === 'citizen-busy') setNotice({ key: 'login.citizenBusy' });
      else {
        setNotice(null);
        onOpened(result.state);
      }
    } catch (err) {
      setNotice({ key: errorKey(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-login" aria-labelledby="staff-login-title" data-testid="staff-login">
      <h2 id="staff-login-title" className="staff__title" tabIndex={-1} ref={heading}>
        {t('login.title')}
      </h2>
      <p className="staff-login__hint">{enteringId ? t('login.idHint') : staffId !== null && askId ? t('login.forId', { id: staffId }) : t('login.hint')}</p>
      <p className="staff-login__dots" aria-live="polite" data-testid={enteringId ? 'staff-id-digits' : 'staff-passcode-dots'}>
        <span aria-hidden="true">
          {enteringId ? code : '●'.repeat(code.length)}
          {'○'.repeat(Math.max(0, limits.min - code.length))}
        </span>
        <span className="staff-visually-hidden">{t('login.entered', { count: code.length })}</span>
      </p>
      {notice ? (
        <p className="staff-notice staff-notice--error" role="alert" data-testid="staff-login-notice">
          {t(notice.key, notice.values ?? {})}
        </p>
      ) : null}
      <div className="staff-keypad" role="group" aria-label={t('login.keypad')}>
        {DIGITS.map((d) => (
          <button key={d} type="button" className="button button--secondary staff-keypad__key" onClick={() => press(d)} data-testid={`staff-key-${d}`}>
            {d}
          </button>
        ))}
        <button
          type="button"
          className="button button--secondary staff-keypad__key"
          onClick={() => setCode((c) => c.slice(0, -1))}
          data-testid="staff-key-delete"
        >
          {t('login.delete')}
        </button>
        <button type="button" className="button button--secondary staff-keypad__key" onClick={() => press('0')} data-testid="staff-key-0">
          0
        </button>
        <button
          type="button"
          className="button button--primary staff-keypad__key"
          onClick={() => void submit()}
          disabled={code.length < limits.min || busy}
          data-testid="staff-login-submit"
        >
          {enteringId ? t('login.next') : t('login.submit')}
        </button>
      </div>
      {askId && staffId !== null ? (
        <button
          type="button"
          className="button button--secondary button--wide"
          onClick={() => {
            setStaffId(null);
            setCode('');
          }}
          data-testid="staff-login-other-id"
        >
          {t('login.otherId')}
        </button>
      ) : null}
      <button type="button" className="button button--secondary button--wide" onClick={onCancel} data-testid="staff-login-cancel">
        {t('login.cancel')}
      </button>
    </section>
  );
}
