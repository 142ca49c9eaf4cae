/**
 * Each UI language's name in its own script, as the language chooser shows it: a citizen who
 * cannot read the current language still finds their own.
 */
import type { Language } from '../../contract/kiosk-api';

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  ja: '日本語',
  'ja-x-easy': 'やさしい にほんご',
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ko: '한국어',
  vi: 'Tiếng Việt',
  ne: 'नेपाली',
  fil: 'Filipino',
  id: 'Bahasa Indonesia',
  'pt-BR': 'Português (Brasil)',
};

/** The namespaces every language has. */
export const CITIZEN_NAMESPACES = ['common', 'certificate', 'widgets', 'application', 'voice'] as const;

/**
 * Namespaces only ward staff read (the staff console): Japanese and English. In any other
 * language i18next falls back to Japanese for them.
 */
export const STAFF_NAMESPACES = ['staff'] as const;
export const STAFF_LANGUAGES: readonly Language[] = ['ja', 'en'];
