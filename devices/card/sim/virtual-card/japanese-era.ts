/**
 * Japanese-era birth dates as the card writes them: 照合番号B (birth YYMMDD in the era year) and
 * the signing certificate's birth-date otherName (era code + Gregorian YYYYMMDD). The eras and
 * their 住基 / JPKI codes are the kiosk's one calendar (`contract/japanese-calendar.ts`).
 */
import { eraOf, eraYear } from '../../../../contract/japanese-calendar';

/** A Gregorian date expressed in its era. */
export interface EraDate {
  /** Era code: 1 明治 … 5 令和. */
  readonly code: number;
  /** Era name in kanji. */
  readonly name: string;
  /** Year within the era, 1 = 元年. */
  readonly year: number;
}

/** Converts an ISO date (YYYY-MM-DD) to its era; null for a non-date or a day before 明治6年. */
export function toEraDate(isoDate: string): EraDate | null {
  const era = eraOf(isoDate);
  if (!era) return null;
  return { code: era.code, name: era.name, year: eraYear(era, Number(isoDate.slice(0, 4))) };
}

/** Birth date as YYMMDD with the era year (for 照合番号B and the 券面AP birth key); null if out of range. */
export function eraYymmdd(isoDate: string): string | null {
  const era = toEraDate(isoDate);
  if (!era) return null;
  return String(era.year % 100).padStart(2, '0') + isoDate.slice(5, 7) + isoDate.slice(8, 10);
}

/**
 * 照合番号B: era-year birth YYMMDD + card expiry year (Gregorian, 4 digits) + 4-digit security code.
 * Example from the reference: 1980-02-17, 2035, 2285 → 55021720352285.
 */
export function collationNumberB(birthIso: string, expiryIso: string, securityCode: string): string | null {
  const yymmdd = eraYymmdd(birthIso);
  if (!yymmdd || !/^[0-9]{4}/.test(expiryIso) || !/^[0-9]{4}$/.test(securityCode)) return null;
  return yymmdd + expiryIso.slice(0, 4) + securityCode;
}
