/**
 * Japanese-era years, needed for 照合番号B (birth YYMMDD in the era year) and for the
 * signing certificate's birth-date otherName (era digit + Gregorian YYYYMMDD).
 */

/** One era: its start date (inclusive, ISO YYYY-MM-DD), its one-digit code and its name. */
interface Era {
  readonly start: string;
  readonly code: number;
  readonly name: string;
}

// Codes as used by 住基 / JPKI: 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和.
const ERAS: readonly Era[] = [
  { start: '2019-05-01', code: 5, name: '令和' },
  { start: '1989-01-08', code: 4, name: '平成' },
  { start: '1926-12-25', code: 3, name: '昭和' },
  { start: '1912-07-30', code: 2, name: '大正' },
  { start: '1868-10-23', code: 1, name: '明治' },
];

/** A Gregorian date expressed in its era. */
export interface EraDate {
  /** Era code: 1 明治 … 5 令和. */
  readonly code: number;
  /** Era name in kanji. */
  readonly name: string;
  /** Year within the era, 1 = 元年. */
  readonly year: number;
}

/** Converts an ISO date (YYYY-MM-DD) to its era; null for malformed or pre-明治 dates. */
export function toEraDate(isoDate: string): EraDate | null {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(isoDate)) return null;
  const era = ERAS.find((e) => isoDate >= e.start);
  if (!era) return null;
  const year = Number(isoDate.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  return { code: era.code, name: era.name, year };
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
