/**
 * The retention job: at start and then once a day, deletes what the kiosk no longer needs to keep
 * after `retentionDays` (configuration): acknowledged outbox receipts (delivered or resolved, their
 * payloads long purged) and finished journal sales (journal-retention.ts). Unresolved sales,
 * unsettled vouchers and queued or dead-lettered submissions are never deleted, whatever their age.
 * A failed run is logged with its code and alerts staff; the next day's run tries again.
 */
import type { StaffAlert } from '../staff/staff-alert';
import { pruneJournal, type JournalPruneResult } from '../journal/journal-retention';
import type { TransactionJournal } from '../journal/transaction-journal';
import { systemClock, type Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';

const log = createLogger('retention');
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionJobOptions {
  /** Days a finished record is kept. */
  retentionDays: number;
  journal: TransactionJournal;
  outbox: { pruneReceipts(before: number): number };
  alertStaff: (alert: StaffAlert) => void;
  clock?: Clock;
}

export interface RetentionRun extends JournalPruneResult {
  /** Outbox receipts deleted. */
  receipts: number;
}

export interface RetentionJob {
  /** Runs once now (also what the timer does); null when the run failed. */
  runNow(): RetentionRun | null;
  stop(): void;
}

/** Runs the job now and arms the daily run. */
export function startRetentionJob(options: RetentionJobOptions): RetentionJob {
  const clock = options.clock ?? systemClock;
  let timer: unknown = null;
  let stopped = false;

  const runNow = (): RetentionRun | null => {
    const before = clock.now() - options.retentionDays * DAY_MS;
    try {
      const receipts = options.outbox.pruneReceipts(before);
      const journal = pruneJournal(options.journal, before);
      const run = { receipts, ...journal };
      log.info({ ...run, retentionDays: options.retentionDays }, 'retention run');
      return run;
    } catch (err) {
      log.error({ err: errorCode(err) }, 'retention run failed');
      options.alertStaff({ code: 'retention-failed', severity: 'warning' });
      return null;
    }
  };
  const arm = (): void => {
    if (stopped) return;
    timer = clock.setTimeout(() => {
      runNow();
      arm();
    }, DAY_MS);
  };

  runNow();
  arm();
  return {
    runNow,
    stop: () => {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
