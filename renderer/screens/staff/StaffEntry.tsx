/**
 * The staff console's place in the kiosk frame: the hidden corner on the home screen, and the
 * full-screen staff layer above everything while staff log in or work. Whether the console is
 * open follows the main side (a timeout there closes it here); only the keypad is local.
 */
import '../../styles/staff.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../app/kiosk-context';
import { HoldCorner } from './HoldCorner';
import { StaffConsole } from './StaffConsole';
import { StaffLogin } from './StaffLogin';
import { useStaffState } from './use-staff-state';

export function StaffEntry({ cornerVisible }: { cornerVisible: boolean }) {
  const { t } = useTranslation('staff');
  const { client } = useKiosk();
  const [state, setState] = useStaffState(client);
  const [keypad, setKeypad] = useState(false);
  const open = state.phase === 'open';

  const logout = async () => {
    setKeypad(false);
    setState(await client.call('staff.logout', {}).catch(() => ({ phase: 'closed' as const })));
  };

  return (
    <>
      {cornerVisible && !open && !keypad ? <HoldCorner onHeld={() => setKeypad(true)} /> : null}
      {open || keypad ? (
        <div className="staff-layer" role="dialog" aria-modal="true" aria-label={t('corner.label')} data-testid="staff-layer">
          {open ? (
            <StaffConsole staffId={state.staffId} onLogout={() => void logout()} />
          ) : (
            <StaffLogin
              askId={state.phase === 'closed' && state.accounts === true}
              onCancel={() => setKeypad(false)}
              onOpened={(s) => {
                setKeypad(false);
                setState(s);
              }}
            />
          )}
        </div>
      ) : null}
    </>
  );
}
