/**
 * How the number pad shows what was typed. The value itself is always plain digits; these
 * only add the 〒 and hyphens a citizen expects to see, as far as the digits typed so far allow.
 */

export type NumberFormat = 'plain' | 'postal' | 'phone';

/** Keeps ASCII digits only (the pad emits nothing else; a value from elsewhere may). */
export function digitsOnly(s: string): string {
  return s.replace(/[^0-9]/g, '');
}

/** 「〒123-4567」, growing as digits come: 「〒12」, 「〒123-4」. Empty stays empty. */
export function formatPostal(value: string): string {
  const d = digitsOnly(value);
  if (d === '') return '';
  return d.length <= 3 ? `〒${d}` : `〒${d.slice(0, 3)}-${d.slice(3)}`;
}

/**
 * Groups for a Japanese number, by its prefix:
 * - 070/080/090 (mobile), 050 (IP), 020: 3-4-4;
 * - 0120 (free dial) and 0570 (navi dial): 4-3-3; 0800 (free dial): 4-3-4;
 * - 03 (Tokyo) and 06 (Osaka): 2-4-4;
 * - other fixed lines: 3-3-4 (093 Kitakyushu, 092 Fukuoka…). Some rural areas use 4- or 5-digit area
 *   codes (0930-xx-xxxx); a fixed table of every area code is beyond a keypad's display, so those
 *   show as 3-3-4. The digits stay right whatever the hyphens.
 * Numbers not starting with 0 are shown without hyphens.
 */
export function phoneGroups(digits: string): number[] {
  if (!digits.startsWith('0')) return [];
  // Free dial first: 0800 would otherwise read as a mobile 080.
  if (/^0120|^0570/.test(digits)) return [4, 3, 3];
  if (/^0800/.test(digits)) return [4, 3, 4];
  if (/^0[789]0/.test(digits) || /^0[25]0/.test(digits)) return [3, 4, 4];
  if (/^0[36]/.test(digits)) return [2, 4, 4];
  return [3, 3, 4];
}

/** 「090-1234-5678」, with hyphens only between groups already reached: 「090-12」. */
export function formatPhone(value: string): string {
  const d = digitsOnly(value);
  const groups = phoneGroups(d);
  if (groups.length === 0) return d;
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < groups.length && at < d.length; i++) {
    // The last group takes whatever remains (a longer number is not cut off).
    const len = i === groups.length - 1 ? d.length - at : groups[i]!;
    parts.push(d.slice(at, at + len));
    at += len;
  }
  return parts.join('-');
}

export function formatNumber(value: string, format: NumberFormat): string {
  if (format === 'postal') return formatPostal(value);
  if (format === 'phone') return formatPhone(value);
  return digitsOnly(value);
}
