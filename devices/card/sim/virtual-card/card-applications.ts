/**
 * The card's file system: its applications (by AID) and, in each, the EFs by FID with their
 * access rules, built from a loaded fixture. Also the initial persistent credential state.
 */
import type { KeyObject } from 'node:crypto';
import type { LoadedCard } from './load-card';
import type { CardRuntimeState, CredentialId, CredentialState } from './card-state-registry';
import { buildTextApFiles } from './text-ap-files';
import { buildJpkiFiles, CERT_EF_SIZE } from './jpki-files';
import { buildCommonApRecord, buildVisualApFiles } from './other-ap-files';
import { collationNumberB, eraYymmdd } from './japanese-era';
import { hexToBytes } from './card-fixture';
import { padWithFiller, utf8 } from './card-tlv';

/** Who may use an EF: anyone, or whoever verified one of the listed credentials. */
export type AccessRule = 'always' | readonly CredentialId[];

/** One elementary file. */
export type ElementaryFile =
  | { readonly kind: 'binary'; readonly content: Uint8Array; readonly read: AccessRule }
  | { readonly kind: 'record'; readonly records: readonly Uint8Array[]; readonly read: AccessRule }
  | { readonly kind: 'credential'; readonly credential: CredentialId }
  | { readonly kind: 'key'; readonly privateKey: KeyObject; readonly use: AccessRule };

/** The applications the card answers SELECT for. */
export type ApplicationId = 'jpki' | 'text' | 'visual' | 'juki' | 'common';

/** One application (DF). */
export interface Application {
  readonly id: ApplicationId;
  readonly aid: Uint8Array;
  /** EFs by FID; a FID not here answers 6A82. */
  readonly efs: ReadonlyMap<number, ElementaryFile>;
}

/** AIDs from the reference (§1). */
export const AIDS: Readonly<Record<ApplicationId, Uint8Array>> = {
  jpki: hexToBytes('D392F000260100000001'),
  text: hexToBytes('D3921000310001010408'),
  visual: hexToBytes('D3921000310001010402'),
  juki: hexToBytes('D3921000310001010401'),
  common: hexToBytes('D3921000310001010100'),
};

/**
 * Retry limits. JPKI and 4-digit PINs are documented (§4); the limits of 照合番号A/B and the
 * 券面AP birth key are not, so 10 is our assumption.
 */
const MAX_TRIES: Readonly<Record<CredentialId, number>> = {
  'text-pin': 3,
  'text-a': 10,
  'text-b': 10,
  'text-0012': 3,
  'jpki-auth': 3,
  'jpki-sign': 5,
  'visual-birth': 10,
  'visual-a': 10,
  'visual-b': 10,
  'juki-pin': 3,
  'common-pin': 3,
};

function cred(credential: CredentialId): ElementaryFile {
  return { kind: 'credential', credential };
}

function bin(content: Uint8Array, read: AccessRule = 'always'): ElementaryFile {
  return { kind: 'binary', content, read };
}

/** Builds the applications of one card (pure function of the fixture). */
export function buildApplications(card: LoadedCard): Map<ApplicationId, Application> {
  const f = card.fixture;
  const text = buildTextApFiles(card.resident, f.serialNumber, card.apKey);
  const jpki = buildJpkiFiles(card);
  const visual = buildVisualApFiles(card);
  const apps = new Map<ApplicationId, Application>();
  const add = (id: ApplicationId, efs: [number, ElementaryFile][]): void => {
    apps.set(id, { id, aid: AIDS[id], efs: new Map(efs) });
  };

  const jpkiEfs: [number, ElementaryFile][] = [
    [0x0002, bin(padWithFiller(card.signCaDer, CERT_EF_SIZE))],
    [0x000b, bin(padWithFiller(card.authCaDer, CERT_EF_SIZE))],
    [0x0006, bin(jpki.tokenInfo)],
    [0x0008, bin(jpki.certStatus)],
  ];
  if (card.auth) {
    jpkiEfs.push([0x000a, bin(padWithFiller(card.auth.certDer, CERT_EF_SIZE))]);
    jpkiEfs.push([0x0017, { kind: 'key', privateKey: card.auth.privateKey, use: ['jpki-auth'] }], [0x0018, cred('jpki-auth')]);
  }
  if (card.sign) {
    jpkiEfs.push([0x0001, bin(padWithFiller(card.sign.certDer, CERT_EF_SIZE), ['jpki-sign'])]);
    jpkiEfs.push([0x001a, { kind: 'key', privateKey: card.sign.privateKey, use: ['jpki-sign'] }], [0x001b, cred('jpki-sign')]);
  }
  add('jpki', jpkiEfs);

  add('text', [
    [0x0001, bin(text.myNumber, ['text-pin', 'text-a'])],
    [0x0002, bin(text.basicFour, ['text-pin', 'text-b'])],
    [0x0003, bin(text.integrity, ['text-pin', 'text-a', 'text-b'])],
    [0x0004, bin(text.cvCert)],
    [0x0005, bin(text.apInfo)],
    [0x0011, cred('text-pin')],
    [0x0012, cred('text-0012')],
    [0x0014, cred('text-a')],
    [0x0015, cred('text-b')],
    // The AP's own key signs without a PIN (INTERNAL-AUTHENTICATE-like use by terminals).
    [0x0013, { kind: 'key', privateKey: card.apKey, use: 'always' }],
  ]);
  add('visual', [
    [0x0003, bin(visual.apInfo)],
    [0x0004, bin(text.cvCert)],
    [0x0011, cred('visual-birth')],
    [0x0012, cred('visual-b')],
    [0x0013, cred('visual-a')],
  ]);
  add('juki', [
    [0x0002, { kind: 'record', records: [new Uint8Array(16)], read: ['juki-pin'] }],
    [0x001c, cred('juki-pin')],
  ]);
  add('common', [
    [0x0001, { kind: 'record', records: [buildCommonApRecord(card)], read: 'always' }],
    [0x001c, cred('common-pin')],
  ]);
  return apps;
}

/** Initial persistent state of a card: secrets and tries from the fixture. */
export function initialCardState(card: LoadedCard): CardRuntimeState {
  const f = card.fixture;
  const r = card.resident;
  const b = collationNumberB(r.birthDate, f.cardExpiry, f.securityCode);
  const entries: [CredentialId, string | null, number | null][] = [
    ['text-pin', f.pins.textPin, f.triesLeft.textPin],
    ['text-a', r.myNumber, null],
    ['text-b', b, null],
    ['text-0012', null, 0], // blocked at issue (reference: 63C0, then 6984)
    ['jpki-auth', f.pins.jpkiAuthPin, f.triesLeft.jpkiAuthPin],
    ['jpki-sign', f.pins.signingPassword, f.triesLeft.signingPassword],
    ['visual-birth', eraYymmdd(r.birthDate), null],
    ['visual-a', r.myNumber, null],
    ['visual-b', b, null],
    ['juki-pin', f.pins.jukiPin, f.triesLeft.jukiPin],
    ['common-pin', f.pins.jukiPin, f.triesLeft.jukiPin],
  ];
  const credentials = new Map<CredentialId, CredentialState>();
  for (const [id, secret, tries] of entries) {
    const maxTries = MAX_TRIES[id];
    credentials.set(id, { triesLeft: tries ?? maxTries, maxTries, secret: secret === null ? null : utf8(secret) });
  }
  return { credentials };
}
