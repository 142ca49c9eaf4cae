/**
 * The contract's `staff.*` requests. Everything but `staff.getState`, `staff.login` and
 * `staff.logout` is refused with `staff.no-session` unless a staff session is open; actions
 * (ack, void, reprint, retry, settle a voucher, start the self-test) also restart the staff idle timer, reads do not, so a console left
 * open and polling still times out.
 */
import { KioskError } from '../../contract/errors';
import type { SelfTestReport } from '../../contract/self-test';
import type { RequestHandlers } from '../ipc/request-router';
import type { StaffConsole } from './staff-console';
import type { StaffSession } from './staff-session';

type StaffChannel = Extract<keyof RequestHandlers, `staff.${string}`>;
export type StaffHandlers = Pick<RequestHandlers, StaffChannel>;

/** The self-test as the console starts and follows it (main/selftest); `start` refuses while a citizen is there. */
export interface StaffSelfTest {
  start(): SelfTestReport;
  current(): SelfTestReport;
}

export function staffHandlers(session: StaffSession, console: StaffConsole, selfTest: StaffSelfTest | null = null): StaffHandlers {
  const needSelfTest = (): StaffSelfTest => {
    if (!selfTest) throw new KioskError('staff.unavailable', 'staff:errors.staff.unavailable');
    return selfTest;
  };
  const read = <T>(fn: () => T): T => {
    session.require();
    return fn();
  };
  const act = <T>(fn: () => T): T => {
    session.activity();
    return fn();
  };
  return {
    'staff.getState': async () => session.state(),
    'staff.login': async ({ passcode, staffId }) => session.login(passcode, staffId),
    'staff.logout': async () => session.logout(),
    'staff.activity': async () => session.activity(),
    'staff.getOverview': async () => read(() => console.overview()),
    'staff.ackAlert': async ({ id }) => act(() => console.ackAlert(id)),
    'staff.listTransactions': async () => read(() => console.listTransactions()),
    'staff.reprint': async ({ txId, reason }) => act(() => console.reprint(txId, reason)),
    'staff.void': async ({ txId, reason }) => act(() => console.void(txId, reason)),
    'staff.retryOutbox': async () =>
      act(() => {
        console.retryOutbox();
        return { ok: true as const };
      }),
    'staff.reconciliation': async ({ day }) => read(() => console.reconciliation(day)),
    'staff.listVouchers': async () => read(() => console.listVouchers()),
    'staff.settleVoucher': async (input) => act(() => console.settleVoucher(input)),
    'staff.startSelfTest': async () => act(() => needSelfTest().start()),
    'staff.getSelfTest': async () => read(() => needSelfTest().current()),
  };
}
