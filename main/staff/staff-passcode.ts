/**
 * The staff passcode: stored only as an scrypt hash, checked in constant time.
 *
 * Stored format (one string, `$`-separated, like a PHC string):
 *
 *     scrypt$<N>$<r>$<p>$<salt, base64url>$<derived key, base64url>
 *
 * e.g. `scrypt$16384$8$1$<22 chars>$<43 chars>` for N=2^14, r=8, p=1, a 16-byte salt and a
 * 32-byte key. Make one with `npx tsx build/scripts/hash-staff-passcode.ts`. The passcode is
 * 6 to 8 digits (what a keypad can take); scrypt's cost plus the lockout is what makes
 * guessing slow, so N must be at least 2^14.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const STAFF_PASSCODE_PATTERN = /^[0-9]{6,8}$/;

/** Why a stored hash cannot be used (a configuration error, caught at start). */
export class PasscodeHashFormatError extends Error {
  override readonly name = 'PasscodeHashFormatError';
  constructor(readonly code: 'bad-format' | 'weak-parameters') {
    super(code === 'bad-format' ? 'staff passcode hash: expected scrypt$N$r$p$salt$key' : 'staff passcode hash: scrypt parameters too weak');
  }
}

export interface ParsedPasscodeHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,128})\$([A-Za-z0-9_-]{22,128})$/;

/** Parses a stored hash; total: any string gives a value or a `PasscodeHashFormatError`. */
export function parsePasscodeHash(stored: string): ParsedPasscodeHash {
  const m = FORMAT.exec(stored);
  if (!m) throw new PasscodeHashFormatError('bad-format');
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4]!, 'base64url');
  const key = Buffer.from(m[5]!, 'base64url');
  // N must be a power of two (scrypt's rule); below 2^14 or a short salt/key is too weak to keep.
  if (N < 16384 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 8 || p < 1 || salt.length < 16 || key.length < 32) {
    throw new PasscodeHashFormatError('weak-parameters');
  }
  return { N, r, p, salt, key };
}

function scrypt(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret, salt, keylen, { ...options, maxmem: 256 * options.N! * options.r! }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a passcode for the configuration (fresh random salt unless one is given, for fixtures). */
export async function hashPasscode(passcode: string, options: { N?: number; r?: number; p?: number; salt?: Buffer } = {}): Promise<string> {
  if (!STAFF_PASSCODE_PATTERN.test(passcode)) throw new RangeError('the staff passcode is 6 to 8 digits');
  const N = options.N ?? 16384;
  const r = options.r ?? 8;
  const p = options.p ?? 1;
  const salt = options.salt ?? randomBytes(16);
  const key = await scrypt(passcode, salt, 32, { N, r, p });
  const stored = `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  parsePasscodeHash(stored); // refuses parameters we would refuse at start
  return stored;
}

/** True when `passcode` matches `stored`. Compares in constant time; never logs either. */
export async function verifyPasscode(passcode: string, stored: ParsedPasscodeHash): Promise<boolean> {
  // Same work for a malformed try as for a real one, so timing tells nothing.
  const candidate = await scrypt(STAFF_PASSCODE_PATTERN.test(passcode) ? passcode : '', stored.salt, stored.key.length, { N: stored.N, r: stored.r, p: stored.p });
  return timingSafeEqual(candidate, stored.key) && STAFF_PASSCODE_PATTERN.test(passcode);
}
