/**
 * Which bundled fonts draw each UI language, first choice first. renderer/styles/fonts.css sets
 * the same stacks with `:lang()` rules (a test holds the two together), and the glyph check in
 * test/unit/i18n reads these packages' files to prove every string of every language can be drawn.
 *
 * Han characters take the shape of the language's own font (a Japanese 骨 is drawn differently
 * from a Chinese one), so each CJK language puts its own face first; Vietnamese needs Noto Sans
 * for letters with two diacritics (ế, ộ), which BIZ UDGothic does not have. Latin-script languages
 * put Noto Sans first too: BIZ UDGothic's Latin letters are fixed-width and read like a terminal;
 * Noto Sans has no kana or kanji, so Japanese values in those languages still come from BIZ UDGothic.
 */
import type { Language } from '../../contract/kiosk-api';

/** A font bundled from npm (@fontsource), by its package name and its CSS family name. */
export const BUNDLED_FONTS = {
  bizUdGothic: { npm: '@fontsource/biz-udgothic', family: 'BIZ UDGothic' },
  notoSans: { npm: '@fontsource/noto-sans', family: 'Noto Sans' },
  notoSansSc: { npm: '@fontsource/noto-sans-sc', family: 'Noto Sans SC' },
  notoSansTc: { npm: '@fontsource/noto-sans-tc', family: 'Noto Sans TC' },
  notoSansKr: { npm: '@fontsource/noto-sans-kr', family: 'Noto Sans KR' },
  notoSansDevanagari: { npm: '@fontsource/noto-sans-devanagari', family: 'Noto Sans Devanagari' },
} as const;

export type BundledFont = keyof typeof BUNDLED_FONTS;

const LATIN: readonly BundledFont[] = ['notoSans', 'bizUdGothic'];

export const FONT_STACKS: Readonly<Record<Language, readonly BundledFont[]>> = {
  ja: ['bizUdGothic'],
  'ja-x-easy': ['bizUdGothic'],
  en: LATIN,
  'zh-Hans': ['notoSansSc', 'bizUdGothic'],
  'zh-Hant': ['notoSansTc', 'bizUdGothic'],
  ko: ['notoSansKr', 'bizUdGothic'],
  vi: ['notoSans', 'bizUdGothic'],
  ne: ['notoSansDevanagari', 'notoSans', 'bizUdGothic'],
  fil: LATIN,
  id: LATIN,
  'pt-BR': LATIN,
};
