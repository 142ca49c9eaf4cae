/**
 * The check digit of a 12-digit individual number (個人番号), per the formula in
 * 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 art. 8 / 総務省令 art. 5:
 *
 *   check = 11 − (Σ_{n=1..11} Pn × Qn mod 11), or 0 when (Σ mod 11) ≤ 1
 *   Pn = the n-th digit counted from the right of the 11 base digits
 *   Qn = n + 1 for 1 ≤ n ≤ 6, n − 5 for 7 ≤ n ≤ 11
 *
 * Fixtures use it so every fictional My Number is well-formed; host code may use it to
 * reject a mistyped number before it reaches a card or the back end.
 */

/** Returns the check digit (0–9) for 11 ASCII base digits, or null when the input is not 11 digits. */
export function myNumberCheckDigit(base11: string): number | null {
  if (!/^[0-9]{11}$/.test(base11)) return null;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = base11.charCodeAt(11 - n) - 0x30;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const rest = sum % 11;
  return rest <= 1 ? 0 : 11 - rest;
}

/** True when the string is 12 ASCII digits whose last digit is the correct check digit. */
export function isValidMyNumber(myNumber: string): boolean {
  if (!/^[0-9]{12}$/.test(myNumber)) return false;
  return myNumberCheckDigit(myNumber.slice(0, 11)) === myNumber.charCodeAt(11) - 0x30;
}
