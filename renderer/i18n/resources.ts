/**
 * Every language's resource files, bundled into the renderer (no network loading).
 * One import per locale folder; the folder's index names its namespaces (see languages.ts).
 */
import type { Language } from '../../contract/kiosk-api';
import * as ja from './locales/ja';
import * as ja_easy from './locales/ja-x-easy';
import * as en from './locales/en';
import * as zh_Hans from './locales/zh-Hans';
import * as zh_Hant from './locales/zh-Hant';
import * as ko from './locales/ko';
import * as vi from './locales/vi';
import * as ne from './locales/ne';
import * as fil from './locales/fil';
import * as id from './locales/id';
import * as pt_BR from './locales/pt-BR';

export const resources = {
  ja: { ...ja },
  'ja-x-easy': { ...ja_easy },
  en: { ...en },
  'zh-Hans': { ...zh_Hans },
  'zh-Hant': { ...zh_Hant },
  ko: { ...ko },
  vi: { ...vi },
  ne: { ...ne },
  fil: { ...fil },
  id: { ...id },
  'pt-BR': { ...pt_BR },
} satisfies Record<Language, object>;
