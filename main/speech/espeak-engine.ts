/**
 * The offline default: Debian's espeak-ng (build/system-packages.txt). It has a voice for every
 * kiosk language but Filipino, where the page says so and offers English speech. Two of its voices
 * read only part of what the screens show, so their prompts are authored for it: Japanese in kana
 * (it reads no kanji) and Chinese in pinyin with tone marks (Debian's Mandarin voice reads no
 * hanzi; both Chinese scripts are spoken in Mandarin).
 */
import type { CommandEngineSpec } from './command-engine';

export const ESPEAK_NG_SPEC: CommandEngineSpec = {
  id: 'espeak-ng',
  executable: 'espeak-ng',
  // -b 1: the input is UTF-8; --stdin: the text comes on stdin; --stdout: the WAV goes to stdout.
  args: ['-v', '{voice}', '-s', '{wpm}', '-b', '1', '--stdin', '--stdout'],
  voices: {
    ja: 'ja',
    'ja-x-easy': 'ja',
    en: 'en-us',
    'zh-Hans': 'cmn-latn-pinyin',
    'zh-Hant': 'cmn-latn-pinyin',
    ko: 'ko',
    vi: 'vi',
    ne: 'ne',
    id: 'id',
    'pt-BR': 'pt-br',
  },
  // espeak-ng's own default is 175; a little slower for a public kiosk.
  baseWpm: 160,
};
