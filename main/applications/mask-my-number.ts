/**
 * The 個人番号 as the review screen shows it: all but the last 4 digits hidden. The review is
 * read on a large screen in a public hall; the citizen checks it is their number by its end,
 * and the full number goes only where the law asks for it (the printed form and the submission).
 */

/** A field holds the 個人番号 when it comes from the card's number or is checked as one. */
export function isMyNumberField(field: { readonly source: string; readonly validation?: { readonly checkDigit?: string } }): boolean {
  return field.source === 'card.myNumber' || field.validation?.checkDigit === 'myNumber';
}

/** `123456789018` → `●●●●●●●●9018`; anything but 12 digits is hidden whole ('' stays '': nothing to show). */
export function maskMyNumber(display: string): string {
  if (/^\d{12}$/.test(display)) return `${'●'.repeat(8)}${display.slice(8)}`;
  return '●'.repeat([...display].length);
}
