/**
 * The parts of the 券面AP and the common AP the simulator models: the 券面AP basic info
 * (EF 0003) and the common AP's record (EF 0001). The 券面AP images (EF 0001/0002/0005) are
 * not modelled and answer 6A82.
 */
import type { LoadedCard } from './load-card';
import { concatBytes, tlv, utf8 } from './card-tlv';

/** Contents of the modelled 券面AP EFs. */
export interface VisualApFiles {
  /** EF 0003: `FF 30 {DF31, DF32 key ID, DF33 version, DF34 municipality code, DF35}`. */
  readonly apInfo: Uint8Array;
}

/** Builds the modelled 券面AP files. */
export function buildVisualApFiles(card: LoadedCard): VisualApFiles {
  const keyId = new Uint8Array(16);
  keyId.set(utf8(card.fixture.serialNumber).subarray(0, 16));
  const apInfo = tlv(
    0xff30,
    concatBytes(
      tlv(0xdf31, Uint8Array.of(0x01, 0x00, 0x00, 0x00)),
      tlv(0xdf32, keyId),
      tlv(0xdf33, Uint8Array.of(0x01)),
      tlv(0xdf34, utf8(card.fixture.municipalityCode)),
      tlv(0xdf35, Uint8Array.of(0x00)),
    ),
  );
  return { apInfo };
}

/** Common AP EF 0001 record 1: `01 1C` + 15-digit serial + 5-digit municipality + expiry YYYYMMDD. */
export function buildCommonApRecord(card: LoadedCard): Uint8Array {
  const f = card.fixture;
  return tlv(0x01, utf8(f.serialNumber + f.municipalityCode + f.cardExpiry.replace(/-/g, '')));
}
