/** The cashless terminal's step: its status (none installed is skipped, not failed). */
import type { CashlessTerminal } from '../../devices/payment/cashless/cashless-terminal';
import { fail, pass, skipped, type SelfTestStepRunner } from './self-test-step';

export function cashlessStep(terminal: Pick<CashlessTerminal, 'status'> | null, timeoutMs = 15_000): SelfTestStepRunner {
  return {
    id: 'cashless',
    timeoutMs,
    run: async () => {
      if (!terminal) return skipped('cashless-not-installed');
      const { state } = await terminal.status();
      if (state === 'ready') return pass('cashless-ready', { state });
      return fail(state === 'busy' ? 'cashless-busy' : 'cashless-offline', { state });
    },
  };
}
