/** Shared helpers for the virtual card tests: hex APDU exchange with a fresh state registry. */
import { VirtualMyNumberCard, CardStateRegistry } from '../../../devices/card/sim/virtual-card';

export const JPKI_AID = 'D392F000260100000001';
export const TEXT_AID = 'D3921000310001010408';
export const VISUAL_AID = 'D3921000310001010402';
export const JUKI_AID = 'D3921000310001010401';
export const COMMON_AID = 'D3921000310001010100';

/** Hex without spaces, upper case. */
export function h(hex: string): Buffer {
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex');
}

/** A card plus a hex exchange function. */
export interface Harness {
  readonly card: VirtualMyNumberCard;
  readonly registry: CardStateRegistry;
  /** Sends hex, returns the whole response as upper-case hex. */
  tx(apdu: string): string;
  /** Sends hex, returns [data, sw hex]. */
  txData(apdu: string): [Buffer, string];
}

export function harness(cardId = 'card-001', registry = new CardStateRegistry()): Harness {
  const card = VirtualMyNumberCard.fromFixture(cardId, { registry });
  const tx = (apdu: string): string =>
    Buffer.from(card.transmit(h(apdu)))
      .toString('hex')
      .toUpperCase();
  const txData = (apdu: string): [Buffer, string] => {
    const r = Buffer.from(card.transmit(h(apdu)));
    return [r.subarray(0, -2), r.subarray(-2).toString('hex').toUpperCase()];
  };
  return { card, registry, tx, txData };
}

/** SELECT DF by AID (short form, no FCI). */
export function selectAid(aid: string): string {
  return `00A4040C0A${aid}`;
}

/** SELECT EF by FID. */
export function selectEf(fid: string): string {
  return `00A4020C02${fid}`;
}

/** VERIFY current EF with an ASCII secret. */
export function verify(secret: string): string {
  return `00200080${secret.length.toString(16).padStart(2, '0')}${Buffer.from(secret, 'ascii').toString('hex')}`;
}

/** Reads a whole binary EF with extended Le. */
export function readWhole(t: Harness): Buffer {
  const [data, sw] = t.txData('00B0000000 0000');
  if (sw !== '9000') throw new Error(`read failed ${sw}`);
  return data;
}
