/**
 * `npx tsx main/staff/staff-lockout-cli.ts <status | reset> [--config kiosk.json]`
 *
 * For the ward's IT administrator: the staff passcode's wrong tries and lockout are kept in the
 * kiosk's journal (a restart does not lift them, by design). `status` shows them; `reset` clears
 * them, e.g. after the kiosk was checked following a `staff-passcode-locked-again` alert. The
 * journal is opened exclusively, so the kiosk must be stopped first (otherwise: exit 3, nothing
 * changed). No passcode is read or shown.
 *
 * Exit 0 = done, 2 = usage or configuration error, 3 = the journal could not be opened.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../../platform/log';
import { openCertificateJournal } from '../certificates/certificate-journal';
import { resolveConfig } from '../config/load-config';
import type { KioskConfig } from '../config/config-schema';
import type { TransactionJournal } from '../journal/transaction-journal';
import { NO_ATTEMPTS } from './passcode-lockout';

const log = createLogger('staff-lockout-cli');
const USAGE = 'usage: npx tsx main/staff/staff-lockout-cli.ts <status | reset> [--config kiosk.json]';

/** Output sink, so tests can capture lines. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Runs the command; returns the exit code. `now` (epoch ms) for tests. */
export function runStaffLockoutCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): number {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  const command = args.positionals[0];
  if (args.positionals.length !== 1 || (command !== 'status' && command !== 'reset')) {
    io.err(USAGE);
    return 2;
  }
  let config: KioskConfig;
  try {
    config = resolveConfig(args.values.config ? ['--config', args.values.config] : [], env);
  } catch (e) {
    io.err(`configuration: ${(e as Error).message}`);
    return 2;
  }
  let journal: TransactionJournal;
  try {
    journal = openCertificateJournal(config);
  } catch (e) {
    io.err(`${(e as Error).message}`);
    return 3;
  }
  try {
    const before = journal.passcodeAttempts.load();
    const t = now();
    const locked = before.lockedUntil > t ? `locked for ${Math.ceil((before.lockedUntil - t) / 1000)} s more` : 'not locked';
    io.out(`wrong tries: ${before.failures}, lockouts since the last right passcode: ${before.lockouts}, ${locked}`);
    if (command === 'reset') {
      journal.passcodeAttempts.save(NO_ATTEMPTS);
      log.warn({ failures: before.failures, lockouts: before.lockouts }, 'staff passcode lockout reset by an administrator');
      io.out('reset: no wrong tries, not locked');
    }
    return 0;
  } finally {
    journal.close();
  }
}

if (require.main === module) {
  process.exitCode = runStaffLockoutCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
}
