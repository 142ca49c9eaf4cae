/**
 * Small zod building blocks for certificate content: bounded text, dates, yen amounts.
 *
 * Every string is bounded and free of control characters, so a malformed back-end answer
 * becomes a typed validation error instead of a broken page. Text is NOT normalized here:
 * names keep the exact code points of the resident record (NFC would fold CJK compatibility
 * ideographs such as U+FA19 神 into U+795E, a different registered character).
 */
import { z } from 'zod';

// C0/C1 controls and line/paragraph separators have no place on a certificate line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

// With the u flag a well-formed pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Non-empty text of at most `max` UTF-16 units, without control characters. */
export function boundedText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'control characters are not allowed' })
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'lone surrogates are not allowed' });
}

/**
 * A person's full name as registered (氏名), e.g. 「𠮷田 太郎」. The bounds (40 for names, 100
 * for addresses) are what every certificate cell can set at its smallest size; longer data is
 * refused (the citizen is served at the counter) rather than printed cut off.
 */
export const personName = boundedText(40);

/** A postal address or 本籍 as registered. */
export const addressText = boundedText(100);

/** A calendar date `YYYY-MM-DD` that exists (no 2月30日). */
export const isoDate = z.iso.date();

/** An instant with an explicit offset, e.g. `2025-06-02T10:15:00+09:00`. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** 性別 as the resident record holds it. */
export const sexSchema = z.enum(['male', 'female']);
export type Sex = z.infer<typeof sexSchema>;

/** A non-negative whole amount of yen. */
export const yen = z.number().int().min(0).max(1_000_000_000_000);

/** Certificate serial number (交付番号): upper-case letters, digits and hyphens. */
export const serialNumber = z.string().regex(/^[A-Z0-9][A-Z0-9-]{3,31}$/u);

/** The issuing authority printed above the seal. */
export const issuingAuthoritySchema = z.strictObject({
  /** Office title as printed, e.g. 「北九州市小倉北区長」. */
  title: boundedText(40),
  /** Holder of the office printed after the title, when the city prints one. */
  holderName: personName.optional(),
});
export type IssuingAuthority = z.infer<typeof issuingAuthoritySchema>;
