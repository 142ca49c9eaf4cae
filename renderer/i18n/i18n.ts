/**
 * i18next set up for the kiosk: Japanese first, every string from the resource files.
 * A new language is a folder under `locales/` plus an entry in the contract's `languageSchema`,
 * `languages.ts` and `resources.ts`; the checks in test/unit/i18n then demand every key of it.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../contract/kiosk-api';
import { resources } from './resources';

export { resources };

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    // A key missing in a language (the staff console outside ja/en) shows in Japanese.
    fallbackLng: 'ja',
    defaultNS: 'common',
    ns: ['common', 'certificate', 'widgets', 'application', 'staff', 'voice'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
