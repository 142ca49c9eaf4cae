/**
 * Decodes text-AP EF 0001: `FF 10 0C` + 12 ASCII digits, then `FF` filler. Total: any bytes
 * give the 12-digit string or CardError `malformed-response`.
 */
import { CardError } from '../card-errors';
import { parseTlv } from '../tlv/ber-tlv';

/** Returns the 12-digit My Number held in the file bytes. */
export function decodeMyNumberFile(bytes: Uint8Array): string {
  const node = parseTlv(bytes)[0];
  if (!node || node.tag !== 0xff10) throw new CardError('malformed-response', 'My Number EF: tag FF10 expected');
  if (node.value.length !== 12) throw new CardError('malformed-response', 'My Number EF: 12 digits expected');
  const text = String.fromCharCode(...node.value);
  if (!/^[0-9]{12}$/.test(text)) throw new CardError('malformed-response', 'My Number EF: non-digit content');
  return text;
}
