/**
 * The staff passcode: stored only as a peppered scrypt hash, checked in constant time.
 *
 * Stored format (one string, `$`-separated, like a PHC string):
 *
 *     scrypt$<N>$<r>$<p>$<salt, base64url>$<derived key, base64url>
 *
 * e.g. `scrypt$131072$8$1$<22 chars>$<43 chars>` for N=2^17, r=8, p=1, a 16-byte salt and a
 * 32-byte key. The derived key is scrypt(HMAC-SHA256(pepper, passcode), salt): the pepper is a
 * 32-byte secret of this kiosk kept outside the configuration file (staff-pepper.ts), so a leaked
 * configuration alone cannot be brute-forced offline; N ≥ 2^17 makes every guess cost ~0.3 s and
 * 128 MiB even with the pepper. Make one with `npx tsx build/scripts/hash-staff-passcode.ts`.
 * The passcode is 8 to 12 digits (contract: STAFF_PASSCODE_DIGITS).
 */
import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { STAFF_PASSCODE_DIGITS, STAFF_PASSCODE_PATTERN } from '../../contract/staff-console';

/** The weakest scrypt cost a configured hash may have. */
export const PASSCODE_MIN_N = 2 ** 17;
/** The cost a new hash gets. */
export const PASSCODE_DEFAULT_N = PASSCODE_MIN_N;
const PASSCODE_MAX_N = 2 ** 20;

/** Why a stored hash cannot be used (a configuration error, caught at start). */
export class PasscodeHashFormatError extends Error {
  override readonly name = 'PasscodeHashFormatError';
  constructor(readonly code: 'bad-format' | 'weak-parameters') {
    super(
      code === 'bad-format'
        ? 'staff passcode hash: expected scrypt$N$r$p$salt$key'
        : `staff passcode hash: scrypt parameters too weak (N ≥ ${PASSCODE_MIN_N}, r ≥ 8, salt ≥ 16 bytes, key ≥ 32 bytes)`,
    );
  }
}

export interface ParsedPasscodeHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/**
 * The explicit test seam: unit tests may accept a cheaper hash (a 2^17 scrypt per try would make
 * lockout tests slow). Production code never passes it; the configuration schema and the start
 * always check against {@link PASSCODE_MIN_N}.
 */
export interface PasscodeTestSeam {
  /** Lowest N accepted, instead of PASSCODE_MIN_N. Tests only. */
  testOnlyMinimumN?: number;
}

const FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,128})\$([A-Za-z0-9_-]{22,128})$/;

/** Parses a stored hash; total: any string gives a value or a `PasscodeHashFormatError`. */
export function parsePasscodeHash(stored: string, seam: PasscodeTestSeam = {}): ParsedPasscodeHash {
  const m = FORMAT.exec(stored);
  if (!m) throw new PasscodeHashFormatError('bad-format');
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4]!, 'base64url');
  const key = Buffer.from(m[5]!, 'base64url');
  const minN = seam.testOnlyMinimumN ?? PASSCODE_MIN_N;
  // N must be a power of two (scrypt's rule); below the minimum or a short salt/key is too weak to keep.
  if (N < minN || N > PASSCODE_MAX_N || (N & (N - 1)) !== 0 || r < 8 || r > 32 || p < 1 || p > 4 || salt.length < 16 || key.length < 32) {
    throw new PasscodeHashFormatError('weak-parameters');
  }
  return { N, r, p, salt, key };
}

/** Why a configured hash string is refused, for the configuration schema; undefined when it is usable. */
export function passcodeHashProblem(stored: string): string | undefined {
  try {
    parsePasscodeHash(stored);
    return undefined;
  } catch (err) {
    if (err instanceof PasscodeHashFormatError) return err.message;
    throw err;
  }
}

function scrypt(secret: Buffer, salt: Buffer, keylen: number, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below what N=2^17 takes.
  const maxmem = 256 * N * r;
  return new Promise((resolve, reject) => {
    scryptCb(secret, salt, keylen, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The pepper keys the passcode before scrypt: without the pepper no guess can be checked. */
function keyed(passcode: string, pepper: Buffer): Buffer {
  if (pepper.length < 32) throw new RangeError('the staff pepper is at least 32 bytes');
  return createHmac('sha256', pepper).update(passcode, 'utf8').digest();
}

/** Hashes a passcode for the configuration (fresh random salt unless one is given, for fixtures). */
export async function hashPasscode(
  passcode: string,
  pepper: Buffer,
  options: { N?: number; r?: number; p?: number; salt?: Buffer } & PasscodeTestSeam = {},
): Promise<string> {
  if (!STAFF_PASSCODE_PATTERN.test(passcode)) throw new RangeError(`the staff passcode is ${STAFF_PASSCODE_DIGITS.min} to ${STAFF_PASSCODE_DIGITS.max} digits`);
  const N = options.N ?? PASSCODE_DEFAULT_N;
  const r = options.r ?? 8;
  const p = options.p ?? 1;
  const salt = options.salt ?? randomBytes(16);
  const key = await scrypt(keyed(passcode, pepper), salt, 32, { N, r, p });
  const stored = `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  parsePasscodeHash(stored, options); // refuses parameters we would refuse at start
  return stored;
}

/** True when `passcode` keyed with `pepper` matches `stored`. Compares in constant time; never logs either. */
export async function verifyPasscode(passcode: string, stored: ParsedPasscodeHash, pepper: Buffer): Promise<boolean> {
  const wellFormed = STAFF_PASSCODE_PATTERN.test(passcode);
  // Same work for a malformed try as for a real one, so timing tells nothing.
  const candidate = await scrypt(keyed(wellFormed ? passcode : '', pepper), stored.salt, stored.key.length, stored);
  return timingSafeEqual(candidate, stored.key) && wellFormed;
}
