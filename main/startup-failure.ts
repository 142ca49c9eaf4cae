/**
 * Turns a failure to start into the one paragraph an operator reads on the console (or in the
 * service journal) and the process exit code. A durable store that cannot be opened (corrupt,
 * truncated, locked by another instance, from a newer version, not writable) or an outbox key that
 * does not fit is not a crash to restart in a loop: the kiosk stops, says which file and what to
 * do, and changes nothing. Never includes payloads or personal data: codes, paths and actions only.
 */
import { DatabaseError } from '../platform/sqlite/database-errors';
import { ConfigError } from './config/load-config';
import { OutboxKeyError } from './outbox/outbox-errors';

/** Exit code when a durable store or its key cannot be used (a supervisor should not restart-loop on it). */
export const STORE_FAILURE_EXIT_CODE = 3;
/** Exit code for any other start-up failure (bad configuration, unexpected error). */
export const START_FAILURE_EXIT_CODE = 1;

export interface StartupFailure {
  /** What to print (one paragraph, no stack for the known cases). */
  text: string;
  /** Process exit code. */
  exitCode: number;
}

/** Describes `err` for the operator. Unknown errors keep their stack (they are bugs). */
export function describeStartupFailure(err: unknown): StartupFailure {
  if (err instanceof DatabaseError || err instanceof OutboxKeyError) {
    return {
      text:
        `Madoguchi cannot start [${err.code}]: ${err.message} ` +
        'The kiosk stays out of service until this is fixed (nothing was reset or deleted); ' +
        'if unsure, leave the data folder as it is and call the technician.',
      exitCode: STORE_FAILURE_EXIT_CODE,
    };
  }
  if (err instanceof ConfigError) return { text: err.message, exitCode: START_FAILURE_EXIT_CODE };
  return { text: err instanceof Error ? (err.stack ?? err.message) : String(err), exitCode: START_FAILURE_EXIT_CODE };
}
