/**
 * Every language says everything Japanese says, with the same {{variables}}: a missing key would
 * show a Japanese string in the middle of a Korean screen, a wrong variable an empty gap.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { LANGUAGE_NAMES } from '../../../renderer/i18n/languages';
import { resources } from '../../../renderer/i18n/resources';
import { LANGUAGES, compareWithJapanese, interpolations, namespacesOf, readLanguage, readNamespace } from './locale-strings';

const ja = readLanguage('ja');

describe('every language has every string of Japanese', () => {
  for (const language of LANGUAGES.filter((l) => l !== 'ja')) {
    test(`${language}: same keys and interpolations as ja`, () => {
      const jaForLanguage = new Map([...ja].filter(([k]) => namespacesOf(language).some((ns) => k.startsWith(`${ns}:`))));
      assert.deepEqual(compareWithJapanese(jaForLanguage, readLanguage(language)), []);
    });
  }

  test('every language has a folder, a name in its own script and its bundled resources', () => {
    for (const language of LANGUAGES) {
      assert.ok(readNamespace(language, 'common').size > 0, `${language} has common.json`);
      assert.ok(LANGUAGE_NAMES[language].length > 0);
      assert.deepEqual(Object.keys(resources[language]).sort(), [...namespacesOf(language)].sort(), language);
    }
  });

  test('the default config offers every language, Japanese first', () => {
    assert.deepEqual([...DEFAULT_CONFIG.languages].sort(), [...LANGUAGES].sort());
    assert.equal(DEFAULT_CONFIG.languages[0], 'ja');
  });
});

describe('the comparison itself', () => {
  const jaStrings = new Map([
    ['common:a', '{{count}}件'],
    ['common:b', 'はい'],
    ['common:c', '{{x}}と{{y}}'],
  ]);

  test('finds a missing key, an extra key and a changed variable', () => {
    const other = new Map([
      ['common:a', '{{n}} items'],
      ['common:c', '{{y}} and {{x}}'],
      ['common:z', 'extra'],
    ]);
    assert.deepEqual(compareWithJapanese(jaStrings, other).sort(), [
      'common:a: interpolations {n} where Japanese has {count}',
      'extra key common:z',
      'missing key common:b',
    ]);
  });

  test('accepts plural forms of a Japanese key', () => {
    const other = new Map([
      ['common:a_one', '{{count}} item'],
      ['common:a_other', '{{count}} items'],
      ['common:b', 'yes'],
      ['common:c', '{{x}}, {{y}}'],
    ]);
    assert.deepEqual(compareWithJapanese(jaStrings, other), []);
  });

  test('a value the code passes in two forms may be used in either', () => {
    const dates = new Map([['widgets:d', '{{year}}年{{month}}月']]);
    assert.deepEqual(compareWithJapanese(dates, new Map([['widgets:d', '{{monthName}} {{year}}']])), []);
    assert.deepEqual(compareWithJapanese(dates, new Map([['widgets:d', '{{monthName}}']])), [
      'widgets:d: interpolations {month} where Japanese has {month,year}',
    ]);
  });

  test('reads interpolations with formats and spaces', () => {
    assert.deepEqual(interpolations('{{ b }} {{a, number}} {{a}}'), ['a', 'a', 'b']);
  });

  test('a language folder missing one key fails the check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    try {
      for (const language of ['ja', 'ko'] as const) {
        mkdirSync(join(dir, language));
        const common = language === 'ja' ? { a: 'はい', b: 'いいえ' } : { a: '예' };
        writeFileSync(join(dir, language, 'common.json'), JSON.stringify(common));
      }
      assert.deepEqual(compareWithJapanese(readLanguage('ja', dir), readLanguage('ko', dir)), ['missing key common:b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
