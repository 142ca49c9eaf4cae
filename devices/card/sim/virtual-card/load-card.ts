/**
 * `loadCardFixture(id)`: everything one virtual card needs, read from the fixtures folder:
 * the card fixture, its resident, its JPKI certificates (DER) and private keys, the CA
 * certificates and the card AP key. Read-only; nothing here is ever written back.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardFixtureError, fixturesRoot, loadResidents, readCardFixture, type CardFixture, type Resident } from './card-fixture';

/** A JPKI key pair as the card holds it. */
export interface CardKeyPair {
  /** The certificate, DER. */
  readonly certDer: Uint8Array;
  /** The private key (never leaves the card except through COMPUTE DIGITAL SIGNATURE). */
  readonly privateKey: KeyObject;
}

/** A card fixture with its resident and key material resolved. */
export interface LoadedCard {
  /** The validated card fixture. */
  readonly fixture: CardFixture;
  /** The resident whose data the card carries. */
  readonly resident: Resident;
  /** User-authentication key pair (EF 000A / 0017); null when never issued. */
  readonly auth: CardKeyPair | null;
  /** Digital-signature key pair (EF 0001 / 001A); null when never issued. */
  readonly sign: CardKeyPair | null;
  /** Test JPKI user-auth CA certificate (EF 000B), DER. */
  readonly authCaDer: Uint8Array;
  /** Test JPKI signature CA certificate (EF 0002), DER. */
  readonly signCaDer: Uint8Array;
  /** The card AP key that signs the text AP integrity record. */
  readonly apKey: KeyObject;
}

function readFixtureFile(root: string, relative: string): Buffer {
  try {
    return readFileSync(join(root, relative));
  } catch {
    throw new CardFixtureError('invalid', `fixture file missing: ${relative}`);
  }
}

function certDer(root: string, relative: string): Uint8Array {
  return new Uint8Array(new X509Certificate(readFixtureFile(root, relative)).raw);
}

function keyPair(root: string, paths: { cert: string; key: string } | null): CardKeyPair | null {
  if (!paths) return null;
  return { certDer: certDer(root, paths.cert), privateKey: createPrivateKey(readFixtureFile(root, paths.key)) };
}

/** Loads card `cardId` and everything it references. Throws CardFixtureError. */
export function loadCardFixture(cardId: string, root: string = fixturesRoot()): LoadedCard {
  const fixture = readCardFixture(cardId, root);
  const resident = loadResidents(root).find((r) => r.id === fixture.residentId);
  if (!resident) throw new CardFixtureError('not-found', `card ${cardId} refers to an unknown resident`);
  return {
    fixture,
    resident,
    auth: keyPair(root, fixture.jpki.auth),
    sign: keyPair(root, fixture.jpki.sign),
    authCaDer: certDer(root, 'pki/jpki/auth-ca.cert.pem'),
    signCaDer: certDer(root, 'pki/jpki/sign-ca.cert.pem'),
    apKey: createPrivateKey(readFixtureFile(root, 'pki/jpki/card-ap-key.pem')),
  };
}
