/**
 * Staff passcode hashes for unit tests, through the explicit test seam: N = 2^10 instead of the
 * production 2^17 (~0.4 s a try), so lockout tests with many tries stay fast. Never used by the
 * kiosk; the configuration and the start refuse such a hash.
 */
import { hashPasscode, parsePasscodeHash, type ParsedPasscodeHash } from '../../../main/staff/staff-passcode';

/** A fixed fictional pepper. */
export const TEST_PEPPER = Buffer.alloc(32, 7);
export const CHEAP_COST = { N: 2 ** 10, testOnlyMinimumN: 2 ** 10 };

/** The cheap hash of `passcode` with {@link TEST_PEPPER}, parsed. */
export async function cheapPasscodeHash(passcode: string): Promise<ParsedPasscodeHash> {
  return parsePasscodeHash(await hashPasscode(passcode, TEST_PEPPER, CHEAP_COST), CHEAP_COST);
}
