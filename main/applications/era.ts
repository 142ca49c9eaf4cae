/**
 * Western (ISO `YYYY-MM-DD`) ↔ 和暦 (明治/大正/昭和/平成/令和) conversion. Pure and total:
 * every input gives a value or a typed error.
 *
 * The era table (改元日) is `contract/eras.ts`, shared with the renderer's date picker. Dates
 * before 1873-01-01 are refused: Japan used the lunisolar calendar until 明治5年, so a Gregorian
 * day there has no 明治 month/day a form could show.
 */
import type { Wareki } from '../../contract/applications';
import { EARLIEST_SUPPORTED, ERAS, type EraName } from '../../contract/eras';

export { EARLIEST_SUPPORTED, ERAS, type EraName };

export type EraError = { code: 'invalid-date' | 'before-supported' | 'unknown-era' | 'outside-era' };
export type EraResult<T> = { ok: true; value: T } | { ok: false; error: EraError };

/** Parses a strict ISO date `YYYY-MM-DD` that exists in the calendar. */
export function parseIsoDate(s: unknown): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidYmd(y, mo, d)) return null;
  return { y, m: mo, d };
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export function formatIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Western ISO date → 和暦. */
export function toWareki(iso: unknown): EraResult<Wareki> {
  const p = parseIsoDate(iso);
  if (!p) return { ok: false, error: { code: 'invalid-date' } };
  const s = formatIso(p.y, p.m, p.d);
  if (s < EARLIEST_SUPPORTED) return { ok: false, error: { code: 'before-supported' } };
  // ISO strings of the same width compare as dates.
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i]!;
    if (s >= era.start) {
      return { ok: true, value: { era: era.name, year: p.y - era.firstYear + 1, month: p.m, day: p.d } };
    }
  }
  return { ok: false, error: { code: 'before-supported' } };
}

/** 和暦 → Western ISO date; refuses days outside the era (e.g. 昭和64年1月8日, 平成31年5月1日). */
export function fromWareki(w: { era: unknown; year: unknown; month: unknown; day: unknown }): EraResult<string> {
  const idx = ERAS.findIndex((e) => e.name === w.era);
  if (idx < 0) return { ok: false, error: { code: 'unknown-era' } };
  const { year, month, day } = w;
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number' || year < 1) {
    return { ok: false, error: { code: 'invalid-date' } };
  }
  const era = ERAS[idx]!;
  const y = era.firstYear + year - 1;
  if (!isValidYmd(y, month, day)) return { ok: false, error: { code: 'invalid-date' } };
  const iso = formatIso(y, month, day);
  const next = ERAS[idx + 1];
  if (iso < era.start || (next && iso >= next.start)) return { ok: false, error: { code: 'outside-era' } };
  if (iso < EARLIEST_SUPPORTED) return { ok: false, error: { code: 'before-supported' } };
  return { ok: true, value: iso };
}

/** 「令和元年5月1日」; numbers in the given digits style. */
export function formatWareki(w: Wareki): string {
  const year = w.year === 1 ? '元' : String(w.year);
  return `${w.era}${year}年${w.month}月${w.day}日`;
}

/** ISO → 「令和元年5月1日」, or null for a date outside the supported range. */
export function isoToWarekiText(iso: unknown): string | null {
  const r = toWareki(iso);
  return r.ok ? formatWareki(r.value) : null;
}

/** Whole years between two ISO dates (age on `on`), or null if either is not a date. */
export function ageOn(birthIso: unknown, onIso: unknown): number | null {
  const b = parseIsoDate(birthIso);
  const o = parseIsoDate(onIso);
  if (!b || !o) return null;
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age < 0 ? null : age;
}

/** Adds days to an ISO date (UTC arithmetic, no time zone surprises). */
export function addDays(iso: string, days: number): string | null {
  const p = parseIsoDate(iso);
  if (!p) return null;
  const t = Date.UTC(p.y, p.m - 1, p.d) + days * 86_400_000;
  const dt = new Date(t);
  if (Number.isNaN(dt.getTime())) return null;
  return formatIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Today in Japan (Asia/Tokyo) as ISO; the kiosk stands in Japan whatever the host TZ says. */
export function todayInJapan(now: Date = new Date()): string {
  const jst = new Date(now.getTime() + 9 * 3_600_000);
  return formatIso(jst.getUTCFullYear(), jst.getUTCMonth() + 1, jst.getUTCDate());
}
