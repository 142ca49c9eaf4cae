/**
 * i18next set up for the kiosk: Japanese first, every string from the resource files.
 * New languages are a folder under `locales/` plus an entry here and in the contract.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../contract/kiosk-api';
import enApplication from './locales/en/application.json';
import enCertificate from './locales/en/certificate.json';
import enCommon from './locales/en/common.json';
import enStaff from './locales/en/staff.json';
import enWidgets from './locales/en/widgets.json';
import jaApplication from './locales/ja/application.json';
import jaCertificate from './locales/ja/certificate.json';
import jaCommon from './locales/ja/common.json';
import jaStaff from './locales/ja/staff.json';
import jaWidgets from './locales/ja/widgets.json';

export const resources = {
  ja: { common: jaCommon, certificate: jaCertificate, widgets: jaWidgets, application: jaApplication, staff: jaStaff },
  en: { common: enCommon, certificate: enCertificate, widgets: enWidgets, application: enApplication, staff: enStaff },
} as const;

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ja',
    defaultNS: 'common',
    ns: ['common', 'certificate', 'widgets', 'application', 'staff'],
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
