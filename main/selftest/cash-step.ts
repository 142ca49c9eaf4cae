/**
 * The cash unit's step: its status and faults, its change levels, then a dispense-and-recover test:
 * one 10-yen coin is paid out and taken back in through the slot, so the payout path, the coin
 * acceptor and the recycler are each shown to work and the unit ends with what it started with.
 * The technician puts the coin back (the console and the CLI ask for it); with the simulator the
 * kiosk does it itself. Every device wait is bounded (the unit's own limits and `recoverMs`).
 */
import type { CashUnit } from '../../devices/payment/cash/cash-unit';
import type { FaultCode } from '../../devices/payment/cash/cash-unit-protocol';
import { CashUnitError, type PayoutProblem } from '../../devices/payment/cash/cash-unit-types';
import { fail, pass, type SelfTestFacts, type SelfTestStepRunner, type StepResult } from './self-test-step';

export type SelfTestCashUnit = Pick<CashUnit, 'connected' | 'busy' | 'status' | 'inventory' | 'refund' | 'collect'>;

export interface CashStepDeps {
  cash: SelfTestCashUnit;
  /** How long the unit waits for the coin to come back (default 60 s). */
  recoverMs?: number;
  /** Fewer coins than this of any recycled denomination is too little change (default 5). */
  lowChangeCount?: number;
  /** The simulator's hand: puts the paid-out coin back once the unit accepts. Absent on real hardware. */
  putCoinBack?: () => void;
}

/** What the test pays out and takes back. */
export const TEST_COIN_YEN = 10;
export const PUT_COIN_BACK_PROMPT = 'cash-put-coin-back';

const FAULT_CODES: Readonly<Record<FaultCode, string>> = {
  jam: 'cash-jam',
  'door-open': 'cash-door-open',
  'device-error': 'cash-device-error',
  'cash-box-full': 'cash-box-full',
  'low-change': 'cash-change-low',
};

function payoutCode(problem: Exclude<PayoutProblem | 'no-change-for-any', null>): string {
  if (problem === 'cannot-make-change' || problem === 'no-change-for-any') return 'cash-change-low';
  if (problem === 'jam' || problem === 'door-open' || problem === 'device-error') return FAULT_CODES[problem];
  return problem === 'disconnected' ? 'cash-disconnected' : 'cash-dispense-failed';
}

function unitErrorResult(err: CashUnitError, facts: SelfTestFacts): StepResult {
  if (err.details.fault) return fail(FAULT_CODES[err.details.fault], facts);
  if (err.code === 'disconnected') return fail('cash-disconnected', facts);
  if (err.code === 'busy') return fail('cash-busy', facts);
  return fail('cash-dispense-failed', { ...facts, error: err.code });
}

export function cashStep(deps: CashStepDeps): SelfTestStepRunner {
  const recoverMs = deps.recoverMs ?? 60_000;
  const lowChange = deps.lowChangeCount ?? 5;
  return {
    id: 'cash',
    // Status, inventory and one payout each wait at most 30 s in the unit; then the coin's return.
    timeoutMs: 90_000 + recoverMs,
    run: async ({ signal, prompt }) => {
      if (!deps.cash.connected) return fail('cash-disconnected');
      if (deps.cash.busy) return fail('cash-busy');
      const facts: SelfTestFacts = {};
      try {
        const status = await deps.cash.status();
        facts.deviceState = status.state;
        const fault = status.faults[0];
        if (fault) return fail(FAULT_CODES[fault], { ...facts, faults: status.faults.join(' ') });
        if (status.state === 'fault') return fail('cash-device-error', facts);
        const levels = await deps.cash.inventory();
        for (const l of levels) facts[`yen${l.denomination}`] = l.count;
        const low = levels.filter((l) => l.count < lowChange).map((l) => l.denomination);
        if (low.length > 0) return fail('cash-change-low', { ...facts, low: low.join(' ') });

        const payout = await deps.cash.refund(TEST_COIN_YEN);
        facts.dispensedYen = payout.paidOut;
        if (payout.problem) return fail(payoutCode(payout.problem), facts);
        if (payout.paidOut !== TEST_COIN_YEN) return fail('cash-dispense-failed', facts);

        prompt(PUT_COIN_BACK_PROMPT);
        const back = await deps.cash.collect(TEST_COIN_YEN, {
          signal,
          inactivityTimeoutMs: recoverMs,
          onAccepting: (a) => {
            if (a.accept.includes(TEST_COIN_YEN)) deps.putCoinBack?.();
          },
        });
        prompt(null);
        facts.recoveredYen = back.kept;
        if (back.status !== 'paid') return fail('cash-coin-not-returned', facts);
        if (back.problem) return fail(payoutCode(back.problem), facts);
        return pass('cash-ok', facts);
      } catch (err) {
        if (err instanceof CashUnitError) return unitErrorResult(err, facts);
        throw err;
      }
    },
  };
}
