/**
 * EF contents of the 券面事項入力補助AP (text AP), byte-exact in the real card's formats:
 * 0001 My Number, 0002 basic 4, 0003 integrity record, 0004 CV certificate, 0005 AP basic info.
 */
import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { Resident } from './card-fixture';
import { buildBasicFour, basicFourNameOffset } from './basic-four';
import { concatBytes, padWithFiller, tlv, utf8 } from './card-tlv';

/** Allocated size of EF 0002: the basic-4 TLV is followed by FF filler up to here. */
export const BASIC_FOUR_EF_SIZE = 512;

/** The contents of the text AP's readable EFs. */
export interface TextApFiles {
  /** EF 0001: `FF 10 0C` + 12 ASCII digits + `FF FF` (17 bytes). */
  readonly myNumber: Uint8Array;
  /** EF 0002: basic 4 TLV + FF filler. */
  readonly basicFour: Uint8Array;
  /** EF 0003: `FF 30 82 01 4B` {DF31 hash, DF32 hash, DF33 signature} (336 bytes). */
  readonly integrity: Uint8Array;
  /** EF 0004: CV certificate `7F 21 82 02 33` carrying the AP key (568 bytes). */
  readonly cvCert: Uint8Array;
  /** EF 0005: AP basic info `FF 40 82 00 9F` + FF filler (256 bytes). */
  readonly apInfo: Uint8Array;
}

function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

/** Modulus of an RSA public key as 256 big-endian bytes. */
export function rsaModulus(key: KeyObject): Uint8Array {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Uint8Array.from(Buffer.from(jwk.n ?? '', 'base64url'));
}

/**
 * Builds the text AP files. The integrity record's DF33 is sha256WithRSA (PKCS#1 v1.5) by the
 * AP key over the DF31 and DF32 TLVs (the bytes between the FF30 header and the DF33 tag); the
 * CV certificate in EF 0004 carries that key so a reader can verify it.
 */
export function buildTextApFiles(resident: Resident, cardSerial: string, apKey: KeyObject): TextApFiles {
  const myNumber = concatBytes(Uint8Array.of(0xff, 0x10, 0x0c), utf8(resident.myNumber), Uint8Array.of(0xff, 0xff));
  const basicTlv = buildBasicFour(resident);
  const hashed = concatBytes(tlv(0xdf31, sha256(myNumber)), tlv(0xdf32, sha256(basicTlv.subarray(basicFourNameOffset(basicTlv)))));
  const signature = sign('sha256', hashed, apKey);
  const integrity = tlv(0xff30, concatBytes(hashed, tlv(0xdf33, signature, 'long2')), 'long2');

  // Key IDs: the test issuer ID (6000033, as on test cards) and the card serial, 16 bytes each.
  const issuerKeyId = padWithZero(utf8('6000033'), 16);
  const subjectKeyId = padWithZero(utf8(cardSerial), 16);
  const body = tlv(0x5f4e, concatBytes(issuerKeyId, subjectKeyId, tlv(0x90, Uint8Array.of(0x01, 0x00, 0x01)), tlv(0x91, rsaModulus(apKey), 'long2')), 'long2');
  // Test cards have no J-LIS CV CA here: the CV certificate is self-signed by the AP key.
  const cvCert = tlv(0x7f21, concatBytes(body, tlv(0x5f37, sign('sha256', body, apKey), 'long2')), 'long2');

  const apInfo = padWithFiller(
    tlv(0xff40, concatBytes(tlv(0xdf41, Uint8Array.of(0x01, 0x00, 0x00, 0x00)), tlv(0xdf42, subjectKeyId), tlv(0xdf43, new Uint8Array(128), 'long2')), 'long2'),
    256,
  );

  return { myNumber, basicFour: padWithFiller(basicTlv, BASIC_FOUR_EF_SIZE), integrity, cvCert, apInfo };
}

function padWithZero(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(bytes.subarray(0, size));
  return out;
}
