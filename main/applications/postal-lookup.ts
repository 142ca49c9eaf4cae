/**
 * Postal code → address candidates from the bundled Kitakyushu extract of Japan Post's data
 * (fixtures/postal/kitakyushu.json, made by build/scripts/extract-postal.ts). Total: any input
 * gives candidates or a typed error. Accepts 8020001, 802-0001, full-width ８０２－０００１, 〒.
 */
import type { PostalCandidate } from '../../contract/applications';
import data from '../../fixtures/postal/kitakyushu.json';

export type PostalLookupResult =
  | { ok: true; postalCode: string; candidates: PostalCandidate[] }
  | { ok: false; error: { code: 'bad-format' | 'not-found' } };

const PREFECTURE: string = data.prefecture;
const WARDS = data.wards as Record<string, string>;

const index = new Map<string, PostalCandidate[]>();
for (const row of data.rows as [string, string, string][]) {
  const [postalCode, cityCode, town] = row;
  const list = index.get(postalCode) ?? [];
  list.push({ postalCode, prefecture: PREFECTURE, city: WARDS[cityCode] ?? '', town, cityCode });
  index.set(postalCode, list);
}

/** Normalises to 7 ASCII digits or null. */
export function normalizePostalCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const s = input.normalize('NFKC').replace(/[\s〒\-‐‑–—−ー]/gu, '');
  return /^\d{7}$/.test(s) ? s : null;
}

export function lookupPostal(input: unknown): PostalLookupResult {
  const code = normalizePostalCode(input);
  if (!code) return { ok: false, error: { code: 'bad-format' } };
  const candidates = index.get(code);
  if (!candidates) return { ok: false, error: { code: 'not-found' } };
  return { ok: true, postalCode: code, candidates: candidates.map((c) => ({ ...c })) };
}

/** The address prefix a candidate gives (「福岡県北九州市小倉北区浅野」); the citizen adds the rest. */
export function addressPrefix(c: PostalCandidate): string {
  return `${c.prefecture}${c.city}${c.town}`;
}

/** Where the data came from (shown in the about screen). */
export const POSTAL_DATA_SOURCE: string = data.source;
