/** The open staff console: four views behind tabs (state, transactions, reconciliation, self-test), and logout. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffOverview } from './StaffOverview';
import { StaffReconciliation } from './StaffReconciliation';
import { StaffSelfTest } from './StaffSelfTest';
import { StaffTransactions } from './StaffTransactions';

const VIEWS = ['overview', 'transactions', 'reconciliation', 'selfTest'] as const;
type View = (typeof VIEWS)[number];

/** `staffId`: who is signed in (null: the shared passcode). */
export function StaffConsole({ staffId, onLogout }: { staffId: string | null; onLogout: () => void }) {
  const { t } = useTranslation('staff');
  const [view, setView] = useState<View>('overview');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="staff-console" aria-labelledby="staff-console-title" data-testid="staff-console">
      <header className="staff-console__head staff-no-print">
        <h2 id="staff-console-title" className="staff__title" tabIndex={-1} ref={heading}>
          {t('console.title')}
        </h2>
        <nav className="staff-tabs" aria-label={t('console.views')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={`button staff-button ${view === v ? 'button--primary' : 'button--secondary'}`}
              aria-current={view === v ? 'page' : undefined}
              onClick={() => setView(v)}
              data-testid={`staff-view-${v}`}
            >
              {t(`console.${v}`)}
            </button>
          ))}
        </nav>
        <p className="staff-console__who" data-testid="staff-signed-in">
          {staffId === null ? t('console.signedInShared') : t('console.signedInAs', { id: staffId })}
        </p>
        <button type="button" className="button button--secondary staff-button" onClick={onLogout} data-testid="staff-logout">
          {t('console.logout')}
        </button>
      </header>
      {view === 'overview' ? (
        <StaffOverview />
      ) : view === 'transactions' ? (
        <StaffTransactions />
      ) : view === 'reconciliation' ? (
        <StaffReconciliation />
      ) : (
        <StaffSelfTest />
      )}
    </section>
  );
}
