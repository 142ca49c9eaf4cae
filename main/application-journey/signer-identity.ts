/**
 * Who a JPKI signing certificate names: its subjectAltName carries the basic 4 as otherNames
 * (mynumber-card.md §5): `1.2.392.200149.8.5.5.1` name and `.4` birth date (era digit +
 * YYYYMMDD), each an explicitly tagged UTF8String. The journey compares them with the facts the
 * citizen identified with, so a card swapped between identification and signing cannot sign
 * someone else's application. Total: any certificate gives a value (facts it could not read are
 * left out). Personal data: never log the result.
 */

/** DER of the OID 1.2.392.200149.8.5.5 (JPKI basic-4 arc), without its last arc. */
const BASIC4_ARC = [0x2a, 0x83, 0x08, 0x8c, 0x9b, 0x55, 0x08, 0x05, 0x05];

/** The signer's name and birth date (ISO) as the certificate states them. */
export interface SignerFacts {
  name?: string;
  birthDate?: string;
}

/** Reads a DER length at `at`; null when it runs past `end` or is not a definite short/long form. */
function readLength(der: Uint8Array, at: number, end: number): { length: number; next: number } | null {
  const first = der[at];
  if (first === undefined || at >= end) return null;
  if (first < 0x80) return { length: first, next: at + 1 };
  const count = first & 0x7f;
  if (count < 1 || count > 3 || at + count >= end) return null;
  let length = 0;
  for (let i = 1; i <= count; i++) length = (length << 8) | der[at + i]!;
  return { length, next: at + 1 + count };
}

/** The UTF8String value of the otherName whose OID ends in `lastArc`, or undefined. */
function otherNameText(der: Uint8Array, lastArc: number): string | undefined {
  const oid = [0x06, BASIC4_ARC.length + 1, ...BASIC4_ARC, lastArc];
  outer: for (let i = 0; i + oid.length < der.length; i++) {
    for (let j = 0; j < oid.length; j++) if (der[i + j] !== oid[j]) continue outer;
    let at = i + oid.length;
    if (der[at] !== 0xa0) return undefined;
    const wrapper = readLength(der, at + 1, der.length);
    if (!wrapper) return undefined;
    at = wrapper.next;
    if (der[at] !== 0x0c) return undefined;
    const value = readLength(der, at + 1, der.length);
    if (!value || value.next + value.length > der.length) return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(der.subarray(value.next, value.next + value.length));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function signerFacts(certDer: Uint8Array): SignerFacts {
  const facts: SignerFacts = {};
  const name = otherNameText(certDer, 0x01);
  if (name) facts.name = name;
  // Era digit, then the Gregorian YYYYMMDD.
  const birth = /^\d(\d{4})(\d{2})(\d{2})$/.exec(otherNameText(certDer, 0x04) ?? '');
  if (birth) facts.birthDate = `${birth[1]}-${birth[2]}-${birth[3]}`;
  return facts;
}

/**
 * True when the certificate names the person the citizen identified as: every fact the
 * identification has (name, birth date) must be in the certificate and equal (NFC, spaces
 * ignored: the card writes a full-width space between family and given name).
 */
export function signerMatches(cert: SignerFacts, identified: SignerFacts): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/[\s\u3000]/g, '');
  if (identified.name !== undefined && (cert.name === undefined || norm(cert.name) !== norm(identified.name))) return false;
  if (identified.birthDate !== undefined && cert.birthDate !== identified.birthDate) return false;
  return identified.name !== undefined || identified.birthDate !== undefined;
}
