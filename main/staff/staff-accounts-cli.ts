/**
 * `npm run staff:accounts -- <list | add <id> | reset <id> | disable <id> | enable <id>> [--config kiosk.json]`
 *
 * For the ward's administrator: manages the staff directory (staff-directory.ts) on the stopped
 * kiosk (its stores are opened exclusively). `add` and `reset` ask for the passcode (8-12 digits)
 * on the terminal, twice, or read it from standard input, never from the command line; it is hashed
 * as the shared passcode is, keyed with this kiosk's pepper (made on first use). `reset` also
 * clears the account's lockout and enables it. Each change is an audit entry (`config.changed`,
 * actor `technician`). Once one account is enabled the shared passcode no longer opens the console.
 * The Electron shell keeps its pepper in the OS keystore: this tool serves the browser shell's key file.
 *
 * Exit 0 = done, 1 = refused (bad passcode, id exists or unknown), 2 = usage or configuration,
 * 3 = a store or the pepper could not be opened (is the kiosk still running?).
 */
import { parseArgs } from 'node:util';
import { STAFF_ID_PATTERN, STAFF_PASSCODE_DIGITS, STAFF_PASSCODE_PATTERN } from '../../contract/staff-console';
import { systemClock, type Clock } from '../../platform/clock';
import { errorCode } from '../../platform/log';
import type { AuditLog } from '../audit/audit-log';
import { openCliConfigAndAudit } from '../audit/cli-audit';
import type { KioskConfig } from '../config/config-schema';
import type { KeyProvider } from '../outbox';
import type { HashPasscodeIo } from './hash-passcode-cli';
import { StaffDirectory, StaffDirectoryError } from './staff-directory';
import { hashPasscode, type PasscodeTestSeam } from './staff-passcode';
import { fileStaffPepperProvider, getOrCreateStaffPepper } from './staff-pepper';

const USAGE = 'usage: npm run staff:accounts -- <list | add <id> | reset <id> | disable <id> | enable <id>> [--config kiosk.json]';
const COMMANDS = ['list', 'add', 'reset', 'disable', 'enable'] as const;
type Command = (typeof COMMANDS)[number];

export interface StaffAccountsCliOptions {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  pepperProvider?: (dataDir: string) => KeyProvider;
  /** Tests hash cheaply. */
  seam?: PasscodeTestSeam & { N?: number };
}

export async function runStaffAccountsCli(argv: readonly string[], io: HashPasscodeIo, o: StaffAccountsCliOptions = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: [...argv], allowPositionals: true, options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch {
    io.err(`Give a passcode on standard input or at the prompt, never as an argument.\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, id] = args.positionals as [string | undefined, string | undefined];
  const needsId = command !== 'list';
  if (!COMMANDS.includes(command as Command) || args.positionals.length !== (needsId ? 2 : 1)) {
    io.err(USAGE);
    return 2;
  }
  if (needsId && !STAFF_ID_PATTERN.test(id ?? '')) {
    io.err('A staff id is 4 to 8 digits (職員番号).');
    return 2;
  }
  const clock = o.clock ?? systemClock;
  const opened = openCliConfigAndAudit(args.values.config, o.env ?? process.env, clock, io.err);
  if ('exitCode' in opened) return opened.exitCode;
  const { config, audit } = opened;
  let directory: StaffDirectory;
  try {
    directory = StaffDirectory.open(config.dataDir, { clock, ...(o.seam ? { seam: o.seam } : {}) });
  } catch (e) {
    audit.close();
    io.err(`the staff directory could not be opened (${errorCode(e)}): stop the kiosk first`);
    return 3;
  }
  try {
    return await run(command as Command, id ?? '', { directory, audit, io, config, o });
  } finally {
    directory.close();
    audit.close();
  }
}

interface RunContext {
  directory: StaffDirectory;
  audit: AuditLog;
  io: HashPasscodeIo;
  config: KioskConfig;
  o: StaffAccountsCliOptions;
}

async function run(command: Command, id: string, { directory, audit, io, config, o }: RunContext): Promise<number> {
  if (command === 'list') {
    const now = (o.clock ?? systemClock).now();
    for (const a of directory.list()) {
      io.out(`${a.id}\t${a.disabled ? 'disabled' : 'enabled'}\t${a.lockedUntil > now ? 'locked' : a.failures > 0 ? `${a.failures} wrong` : '-'}`);
    }
    io.out(
      directory.hasEnabledAccounts()
        ? 'The shared passcode is off: staff sign in with their id.'
        : 'No enabled account: the shared passcode opens the console.',
    );
    return 0;
  }
  try {
    if (command === 'add' || command === 'reset') {
      const hash = await readHash(io, config, o);
      if (hash === null) return 1;
      if (command === 'add') directory.add(id, hash);
      else directory.reset(id, hash);
    } else if (command === 'disable') directory.disable(id);
    else directory.enable(id);
  } catch (e) {
    if (!(e instanceof StaffDirectoryError)) {
      io.err(`the staff pepper or the directory could not be read or written (${errorCode(e)})`);
      return 3;
    }
    io.err(e.code === 'exists' ? `Staff id ${id} exists already (use reset).` : e.code === 'not-found' ? `No staff id ${id}.` : `Refused: ${e.code}.`);
    return 1;
  }
  audit.record({ kind: 'config.changed', actor: 'technician', outcome: 'ok', detail: { change: `staff-account-${command}`, account: `staff:${id}` } });
  io.out(`${command}: ${id}`);
  return 0;
}

/** The passcode asked for and hashed with this kiosk's pepper, or null (told why) when it cannot be. */
async function readHash(io: HashPasscodeIo, config: KioskConfig, o: StaffAccountsCliOptions): Promise<string | null> {
  const passcode = await io.readPasscode(`Passcode (${STAFF_PASSCODE_DIGITS.min}-${STAFF_PASSCODE_DIGITS.max} digits): `);
  if (passcode === null || !STAFF_PASSCODE_PATTERN.test(passcode)) {
    io.err(passcode === null ? 'The two entries differ.' : `A staff passcode is ${STAFF_PASSCODE_DIGITS.min} to ${STAFF_PASSCODE_DIGITS.max} digits.`);
    return null;
  }
  const pepper = getOrCreateStaffPepper((o.pepperProvider ?? fileStaffPepperProvider)(config.dataDir));
  return hashPasscode(passcode, pepper, o.seam ?? {});
}
