/**
 * The text of the QR printed on every application form (and kept in the form PDF's Info), for the
 * clerk's scanner (`npm run form:lookup`). No personal data: a template id, the receipt number
 * and, since format 2, the code of the ward the application was sent to, so the look-up asks
 * that ward's back end only.
 *
 *     format 1 (old forms):  MADOGUCHI-FORM:<templateId>:<receiptNumber>
 *     format 2:              MADOGUCHI-FORM:<templateId>:<receiptNumber>:<ward code>
 *
 * The ward code is the 5-digit 全国地方公共団体コード (without check digit) of `wardInfo`, e.g.
 * `40107` for 小倉南区. Forms printed before format 2 still parse (ward null). The parser is
 * total: any input gives a value or a typed code, never a throw.
 */
import { wardIds, wardInfo, type WardId } from '../../../contract/ward-api';

const QR_PREFIX = 'MADOGUCHI-FORM:';
/** Longer than any valid text (prefix + 64 + 32 + 5 + separators): refused before any regex runs. */
const MAX_LENGTH = 160;
const TEMPLATE = /^[a-z0-9-]{1,64}$/;
const RECEIPT = /^[A-Z0-9][A-Z0-9-]{3,31}$/;
const WARD_CODE = /^[0-9]{5}$/;

/** PDF Info key under which a form PDF carries its QR text. */
export const FORM_QR_INFO_KEY = 'MadoguchiForm';

/** Why a scanned text is not a usable form QR. */
export type FormQrErrorCode =
  /** Not a Madoguchi form QR at all (another QR, a receipt number typed by hand, nothing). */
  | 'not-a-form-qr'
  /** Starts like one but a part is missing, extra or badly formed (or not a string, or far too long). */
  | 'malformed'
  /** Well formed, but the ward code is not one of the city's wards. */
  | 'unknown-ward';

/** A scanned form QR, or why it is not one. */
export type FormQrParse =
  | {
      ok: true;
      /** The form template id, e.g. `jumin-ido-todoke`. */
      templateId: string;
      /** The kiosk's receipt number printed on the form. */
      receiptNumber: string;
      /** The ward the application was sent to; null on a format-1 (older) form. */
      ward: WardId | null;
      /** 1 = no ward (older forms), 2 = with the ward code. */
      format: 1 | 2;
    }
  | { ok: false; code: FormQrErrorCode };

const WARD_BY_CODE: ReadonlyMap<string, WardId> = new Map(wardIds.map((w) => [wardInfo[w].code, w]));

/**
 * What the QR on a form encodes. With `ward`, format 2 (the ward's code appended); without, the
 * format-1 text older forms carry. Throws RangeError for an id or number the parser would refuse.
 */
export function formQrText(templateId: string, receiptNumber: string, ward?: WardId): string {
  if (!TEMPLATE.test(templateId) || !RECEIPT.test(receiptNumber)) throw new RangeError('form QR: bad template id or receipt number');
  if (ward === undefined) return `${QR_PREFIX}${templateId}:${receiptNumber}`;
  const info = (wardInfo as Partial<Record<string, { code: string }>>)[ward];
  if (!info) throw new RangeError('form QR: unknown ward');
  return `${QR_PREFIX}${templateId}:${receiptNumber}:${info.code}`;
}

/** Parses the text {@link formQrText} makes, either format (total: any input gives a value or a code). */
export function parseFormQrText(text: unknown): FormQrParse {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return { ok: false, code: 'malformed' };
  // A scanner may add a line end; nothing else around the text is accepted.
  const t = text.trim();
  if (!t.startsWith(QR_PREFIX)) return { ok: false, code: 'not-a-form-qr' };
  const parts = t.slice(QR_PREFIX.length).split(':');
  if (parts.length !== 2 && parts.length !== 3) return { ok: false, code: 'malformed' };
  const [templateId = '', receiptNumber = '', wardCode] = parts;
  if (!TEMPLATE.test(templateId) || !RECEIPT.test(receiptNumber)) return { ok: false, code: 'malformed' };
  if (wardCode === undefined) return { ok: true, templateId, receiptNumber, ward: null, format: 1 };
  if (!WARD_CODE.test(wardCode)) return { ok: false, code: 'malformed' };
  const ward = WARD_BY_CODE.get(wardCode);
  if (!ward) return { ok: false, code: 'unknown-ward' };
  return { ok: true, templateId, receiptNumber, ward, format: 2 };
}
