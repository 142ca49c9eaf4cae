/**
 * Texts that arrive from the main side in every language (guide titles, question labels,
 * form titles): shown in the language the citizen picked. When that one is missing, a
 * Japanese variant (やさしい日本語) falls back to Japanese and any other language to English,
 * which a visitor reading Korean or Nepali is likelier to read than kanji.
 */
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../contract/applications';

export type Localize = (text: LocalizedText | undefined | null) => string;

export function pickLanguage(text: LocalizedText | undefined | null, language: string): string {
  if (!text) return '';
  return text[language] ?? (language.startsWith('ja') ? text.ja : text.en);
}

/** A function that picks the current language's text; re-renders when the language changes. */
export function useLocalize(): Localize {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return (text) => pickLanguage(text, language);
}
