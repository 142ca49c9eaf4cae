/**
 * What an unattended kiosk does with an error nobody caught (a throw in a timer or event handler,
 * a rejected promise nobody awaited): it must not sit there half-working, and in Electron it must
 * not show the default error dialog to the next citizen. Both shells log one line, stop the
 * runtime the normal way for a short grace period (the session is wiped, the stores close
 * cleanly), and exit with a code of their own so the supervisor restarts them. The start-up
 * recovery then resolves any sale or submission that was in progress, as after a power cut.
 *
 * The log carries the error's name, code and stack frames but not its message: a message from a
 * library may quote the data it choked on, and that can be a citizen's.
 */
import type { Logger } from '../platform/log';

/** Exit code after an uncaught error (BSD sysexits EX_SOFTWARE): a restart is the remedy. */
export const FATAL_EXIT_CODE = 70;

/** How long the normal stop may take before the process exits anyway (ms). */
const DEFAULT_GRACE_MS = 5_000;

export interface FatalErrorPolicy {
  /** The shell's logger. */
  log: Logger;
  /** The shell's normal stop without exiting (wipe the session, close servers and stores). */
  shutdown(): Promise<void>;
  /** Ends the process (Electron: relaunch first). Called once. */
  exit(code: number): void;
  /** Grace for `shutdown` (ms). */
  graceMs?: number;
}

/** The parts of an error that are safe to log: no message. (`name` is a censored log key: it is a person's name elsewhere.) */
export function describeFatal(err: unknown): { errorName: string; errorCode?: string; frames: string[] } {
  if (!(err instanceof Error)) return { errorName: typeof err, frames: [] };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim())
    .slice(0, 12);
  return { errorName: err.name, ...(typeof code === 'string' ? { errorCode: code } : {}), frames };
}

/** Installs the policy on the process; returns a function that removes it (tests). */
export function installFatalErrorPolicy(policy: FatalErrorPolicy): () => void {
  let ending = false;
  let exited = false;
  const exitOnce = (): void => {
    if (exited) return;
    exited = true;
    policy.exit(FATAL_EXIT_CODE);
  };
  const onFatal = (kind: 'uncaught-exception' | 'unhandled-rejection') => (err: unknown) => {
    if (ending) {
      // A second failure while stopping: exit now rather than risk hanging.
      policy.log.fatal({ kind, ...describeFatal(err) }, 'another unexpected error while stopping');
      exitOnce();
      return;
    }
    ending = true;
    policy.log.fatal({ kind, ...describeFatal(err) }, 'unexpected error: the kiosk stops and is restarted');
    const grace = new Promise<void>((resolve) => setTimeout(resolve, policy.graceMs ?? DEFAULT_GRACE_MS).unref());
    const stopped = policy.shutdown().catch((stopErr: unknown) => {
      policy.log.error({ ...describeFatal(stopErr) }, 'stop after the unexpected error failed');
    });
    void Promise.race([stopped, grace]).then(exitOnce);
  };
  const exception = onFatal('uncaught-exception');
  const rejection = onFatal('unhandled-rejection');
  process.on('uncaughtException', exception);
  process.on('unhandledRejection', rejection);
  return () => {
    process.off('uncaughtException', exception);
    process.off('unhandledRejection', rejection);
  };
}
