/**
 * A review value in the citizen's language. Japanese (and やさしい日本語) read the value as the form
 * prints it (令和8年12月8日, 転居（市内で）); other languages read dates in the Western form of their
 * own locale, choices by their label in that language (English where the content has none), and
 * yes/no in their words. Text the citizen or the card gave (names, addresses) is shown as printed.
 */
import type { ReviewField } from '../../../contract/applications';
import { pickLanguage } from './localized';

export function reviewValueText(field: ReviewField, language: string, words: { yes: string; no: string }): string {
  const value = field.value;
  if (language.startsWith('ja') || !value) return field.display;
  switch (value.kind) {
    case 'date': {
      const [y, m, d] = value.iso.split('-').map(Number);
      // UTC on both sides: a calendar day, not an instant, so no time zone may move it.
      return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
    }
    case 'choice':
      return pickLanguage(value.label, language);
    case 'yes-no':
      return value.yes ? words.yes : words.no;
  }
}
