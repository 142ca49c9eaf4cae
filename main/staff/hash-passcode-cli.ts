/**
 * The hash tool's command: makes the `staff.passcodeHash` value for this kiosk, keyed with this
 * kiosk's staff pepper (made now, once, if it has none). Shared by the browser shell's script
 * (`build/scripts/hash-staff-passcode.ts`, pepper in a 0600 key file) and the Electron app
 * (`--hash-staff-passcode`, pepper wrapped by the OS keystore).
 *
 *     [--data-dir <dataDir of the kiosk's configuration>]
 *
 * The passcode comes from the terminal or standard input, never from the command line. Prints only
 * the hash. Exit 0 = printed, 1 = bad passcode, 2 = usage, 3 = the pepper could not be read or made.
 */
import { parseArgs } from 'node:util';
import { STAFF_PASSCODE_DIGITS, STAFF_PASSCODE_PATTERN } from '../../contract/staff-console';
import { errorCode } from '../../platform/log';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { KeyProvider } from '../outbox';
import { hashPasscode, type PasscodeTestSeam } from './staff-passcode';
import { getOrCreateStaffPepper } from './staff-pepper';

export interface HashPasscodeIo {
  /** The passcode typed (or piped); null when a typed confirmation differed. */
  readPasscode(prompt: string): Promise<string | null>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'usage: hash-staff-passcode [--data-dir <dir>]   (the passcode is asked for, or read from standard input)';

/** Runs the command; returns the exit code. `seam` lets tests hash cheaply. */
export async function runHashPasscodeCli(
  argv: readonly string[],
  io: HashPasscodeIo,
  pepperProvider: (dataDir: string) => KeyProvider,
  seam: PasscodeTestSeam & { N?: number } = {},
): Promise<number> {
  let dataDir: string;
  try {
    const args = parseArgs({ args: [...argv], allowPositionals: false, options: { 'data-dir': { type: 'string' } } });
    dataDir = args.values['data-dir'] ?? DEFAULT_CONFIG.dataDir;
  } catch {
    io.err(`Give the passcode on standard input or at the prompt, never as an argument.\n${USAGE}`);
    return 2;
  }
  const passcode = await io.readPasscode(`Staff passcode (${STAFF_PASSCODE_DIGITS.min}-${STAFF_PASSCODE_DIGITS.max} digits): `);
  if (passcode === null) {
    io.err('The two entries differ.');
    return 1;
  }
  if (!STAFF_PASSCODE_PATTERN.test(passcode)) {
    io.err(`The staff passcode is ${STAFF_PASSCODE_DIGITS.min} to ${STAFF_PASSCODE_DIGITS.max} digits.`);
    return 1;
  }
  const provider = pepperProvider(dataDir);
  let pepper: Buffer;
  try {
    pepper = getOrCreateStaffPepper(provider);
  } catch (err) {
    io.err(`The staff pepper (${provider.description}) cannot be read or made [${errorCode(err)}].`);
    return 3;
  }
  io.out(await hashPasscode(passcode, pepper, seam));
  return 0;
}
