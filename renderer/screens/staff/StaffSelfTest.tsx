/**
 * The self-test (自己診断): one button, then the steps as they run (what each found, and for a
 * failure what to do), with the prompt of a step that waits for the technician (put the coin back).
 * Polled once a second while the view is open.
 */
import { useTranslation } from 'react-i18next';
import type { SelfTestReport } from '../../../contract/self-test';
import { useKiosk } from '../../app/kiosk-context';
import type { AlertLookup } from './alert-text';
import { selfTestFix, selfTestResult } from './self-test-text';
import { clock, errorKey } from './staff-format';
import { useStaffData } from './use-staff-data';

const POLL_MS = 1000;

export function StaffSelfTest() {
  const { t, i18n } = useTranslation('staff');
  const lookup: AlertLookup = (key, params) => (i18n.exists(key, { ns: 'staff' }) ? t(key, params ?? {}) : undefined);
  const { client } = useKiosk();
  // A read of the kept report (no device is asked): cheap enough to poll while the view is open.
  const { data: report, setData, error, setError } = useStaffData<SelfTestReport>((c) => c.call('staff.getSelfTest', {}), { refreshMs: POLL_MS });
  const running = report?.phase === 'running';

  const start = async () => {
    try {
      setData(await client.call('staff.startSelfTest', {}));
    } catch (err) {
      setError(errorKey(err));
    }
  };

  return (
    <section className="staff-self-test" aria-labelledby="staff-self-test-title" data-testid="staff-self-test">
      <h3 id="staff-self-test-title" className="staff__subtitle">
        {t('selfTest.title')}
      </h3>
      {error ? (
        <p className="staff-notice staff-notice--error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <button type="button" className="button button--primary staff-button" onClick={start} disabled={running} data-testid="staff-self-test-run">
        {running ? t('selfTest.running') : t('selfTest.run')}
      </button>
      {!report ? <p className="staff-notice">{t('loading')}</p> : null}
      {report && report.phase === 'idle' ? <p>{t('selfTest.notRun')}</p> : null}
      {report && report.phase !== 'idle' ? (
        <>
          <p data-testid="staff-self-test-summary" role="status">
            {report.startedAt ? t('selfTest.startedAt', { at: clock(report.startedAt) }) : null}{' '}
            {report.phase === 'done' ? (report.passed ? t('selfTest.passed') : t('selfTest.failed')) : t('selfTest.running')}
          </p>
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t('selfTest.step')}</th>
                <th scope="col">{t('selfTest.status')}</th>
                <th scope="col">{t('selfTest.found')}</th>
                <th scope="col">{t('selfTest.fix')}</th>
              </tr>
            </thead>
            <tbody>
              {report.steps.map((s) => (
                <tr key={s.id} className={`staff-self-test__step staff-self-test__step--${s.status}`} data-testid={`staff-self-test-${s.id}`}>
                  <th scope="row">{t(`selfTestSteps.${s.id}`)}</th>
                  <td>{t(`selfTestStatus.${s.status}`)}</td>
                  <td>
                    {s.code ? selfTestResult(s.code, lookup) : null}
                    {s.prompt ? (
                      <strong className="staff-self-test__prompt" role="alert">
                        {t(`selfTestPrompt.${s.prompt}`, { defaultValue: s.prompt })}
                      </strong>
                    ) : null}
                    {Object.keys(s.facts).length > 0 ? (
                      <small className="staff-self-test__facts">
                        {Object.entries(s.facts)
                          .map(([k, v]) => `${k}: ${String(v)}`)
                          .join(' · ')}
                      </small>
                    ) : null}
                  </td>
                  <td>{s.status === 'fail' && s.code ? (selfTestFix(s.code, lookup) ?? '') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
