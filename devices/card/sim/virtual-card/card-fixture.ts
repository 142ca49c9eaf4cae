/**
 * Card and resident fixtures: schemas and loaders.
 *
 * `fixtures/residents.json` holds fictional residents; `fixtures/cards/<card-id>.json` holds one
 * card each (its resident, PINs, initial tries, ATR, key/cert paths). Files are read, validated
 * and never written: run-time changes (tries used, changed PINs) live in the card state registry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isValidMyNumber } from './my-number-check-digit';

const isoDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
const hexBytes = z.string().regex(/^([0-9A-Fa-f]{2})( ?[0-9A-Fa-f]{2})*$/);

/** One fictional resident (住民). */
export const residentSchema = z.object({
  id: z.string().min(1),
  familyName: z.string().min(1),
  givenName: z.string().min(1),
  familyKana: z.string().min(1),
  givenKana: z.string().min(1),
  birthDate: isoDate,
  /** ISO 5218 / JIS X 0303 digit: 1 male, 2 female, 9 not applicable, 0 unknown. */
  sex: z.enum(['0', '1', '2', '9']),
  ward: z.enum(['門司区', '小倉北区', '小倉南区', '若松区', '八幡東区', '八幡西区', '戸畑区']),
  postalCode: z.string().regex(/^[0-9]{3}-[0-9]{4}$/),
  /** As printed on the card: full-width digits. */
  address: z.string().min(1),
  myNumber: z.string().refine(isValidMyNumber, 'My Number must be 12 digits with a valid check digit'),
  /** Foreign residents: the name in the alphabet, as it is the legal name on the card. */
  alphabetName: z.string().optional(),
  /** Foreign residents: registered 通称 (name in common use). */
  tsusho: z.string().optional(),
  nationality: z.string().optional(),
});
export type Resident = z.infer<typeof residentSchema>;

const keyPair = z.object({ cert: z.string().min(1), key: z.string().min(1) });
const triesLeft = z.number().int().min(0);

/** One card fixture, as stored in `fixtures/cards/<card-id>.json`. */
export const cardFixtureSchema = z.object({
  cardId: z.string().regex(/^[a-z0-9-]+$/),
  residentId: z.string().min(1),
  /** Contact ATR, hex (spaces allowed). */
  atr: hexBytes,
  /** JPKI token label (EF 0006), e.g. JPKIAPICCTOKEN2 for the plastic card. */
  tokenLabel: z.string().max(32),
  /** 15-digit card serial number (common AP). */
  serialNumber: z.string().regex(/^[0-9]{15}$/),
  /** 5-digit issuing municipality code. */
  municipalityCode: z.string().regex(/^[0-9]{5}$/),
  issuedOn: isoDate,
  cardExpiry: isoDate,
  /** 4-digit security code printed on the card face (part of 照合番号B). */
  securityCode: z.string().regex(/^[0-9]{4}$/),
  pins: z.object({
    textPin: z.string().regex(/^[0-9]{4}$/),
    /** null: JPKI certs never issued, so the PIN was never set. */
    jpkiAuthPin: z
      .string()
      .regex(/^[0-9]{4}$/)
      .nullable(),
    signingPassword: z
      .string()
      .regex(/^[A-Z0-9]{6,16}$/)
      .nullable(),
    jukiPin: z.string().regex(/^[0-9]{4}$/),
  }),
  triesLeft: z.object({
    textPin: triesLeft.max(3),
    jpkiAuthPin: triesLeft.max(3),
    signingPassword: triesLeft.max(5),
    jukiPin: triesLeft.max(3),
  }),
  /** Paths relative to the fixtures folder; null when that certificate was never issued. */
  jpki: z.object({ auth: keyPair.nullable(), sign: keyPair.nullable() }),
  flags: z.object({ authCertExpired: z.boolean(), authCertRevoked: z.boolean() }),
});
export type CardFixture = z.infer<typeof cardFixtureSchema>;

/** Typed failure of a fixture load. */
export class CardFixtureError extends Error {
  constructor(
    /** not-found: no such card or resident; invalid: a file failed validation or could not be read. */
    readonly code: 'not-found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'CardFixtureError';
  }
}

/**
 * The fixtures folder: MADOGUCHI_FIXTURES_DIR if set (bundled builds), else `<repo>/fixtures`
 * found relative to this source file.
 */
export function fixturesRoot(): string {
  return process.env.MADOGUCHI_FIXTURES_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'fixtures');
}

/** Ids of every card fixture, sorted. */
export function listCardFixtures(root: string = fixturesRoot()): string[] {
  return readdirSync(join(root, 'cards'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CardFixtureError(missing ? 'not-found' : 'invalid', `cannot read fixture ${path}`);
  }
}

/** Every resident in `fixtures/residents.json`, validated. */
export function loadResidents(root: string = fixturesRoot()): Resident[] {
  const parsed = z.object({ residents: z.array(residentSchema) }).safeParse(readJson(join(root, 'residents.json')));
  if (!parsed.success) throw new CardFixtureError('invalid', 'residents.json does not match its schema');
  return parsed.data.residents;
}

/** The card fixture `<cardId>.json`, validated (not its resident or key files). */
export function readCardFixture(cardId: string, root: string = fixturesRoot()): CardFixture {
  if (!/^[a-z0-9-]+$/.test(cardId)) throw new CardFixtureError('not-found', 'malformed card id');
  const parsed = cardFixtureSchema.safeParse(readJson(join(root, 'cards', `${cardId}.json`)));
  if (!parsed.success || parsed.data.cardId !== cardId) {
    throw new CardFixtureError('invalid', `card fixture ${cardId} does not match its schema`);
  }
  return parsed.data;
}

/** Parses spaced or unspaced hex into bytes (input already validated by the schema). */
export function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/ /g, ''), 'hex'));
}
