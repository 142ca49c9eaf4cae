/**
 * The resource files as flat key → string lists, read from disk (no bundler, no browser), for the
 * language and glyph checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageSchema, type Language } from '../../../contract/kiosk-api';
import { CITIZEN_NAMESPACES, STAFF_LANGUAGES, STAFF_NAMESPACES } from '../../../renderer/i18n/languages';

export const LOCALES_DIR = join(import.meta.dirname, '../../../renderer/i18n/locales');
export const LANGUAGES: readonly Language[] = languageSchema.options;

/** The namespaces `language` must have. */
export function namespacesOf(language: Language): readonly string[] {
  return STAFF_LANGUAGES.includes(language) ? [...CITIZEN_NAMESPACES, ...STAFF_NAMESPACES] : CITIZEN_NAMESPACES;
}

/** `common:home.title` → its text, for every string of one namespace file. */
export function flatten(value: unknown, prefix: string, out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, out);
  } else out.set(prefix, `<not a string: ${JSON.stringify(value)}>`);
  return out;
}

/** Every string of one language's namespace; an absent file reads as no strings. */
export function readNamespace(language: Language, namespace: string, dir = LOCALES_DIR): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(join(dir, language, `${namespace}.json`), 'utf8');
  } catch {
    return new Map();
  }
  return flatten(JSON.parse(text) as unknown, `${namespace}:`);
}

/** Every string of a language, over all its namespaces. */
export function readLanguage(language: Language, dir = LOCALES_DIR): Map<string, string> {
  const out = new Map<string, string>();
  for (const ns of namespacesOf(language)) for (const [k, v] of readNamespace(language, ns, dir)) out.set(k, v);
  return out;
}

/** The `{{name}}` interpolations of a string, sorted (formats such as `{{n, number}}` by name). */
export function interpolations(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

/**
 * Values the code passes in two forms, either of which a language may use: the month as a number
 * or a name (DatePicker), a date bound in the Japanese era or ISO (validate-answer.ts).
 */
const SAME_VALUE: Readonly<Record<string, string>> = { monthShort: 'month', monthName: 'month', bound: 'boundWareki' };

function variableSet(text: string): string {
  return [...new Set(interpolations(text).map((v) => SAME_VALUE[v] ?? v))].sort().join(',');
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * What differs between a language and Japanese: keys missing, keys extra (a plural form
 * `key_one`/`key_other` of a Japanese `key` is not extra), and strings whose set of interpolated
 * values differs.
 */
export function compareWithJapanese(ja: Map<string, string>, other: Map<string, string>): string[] {
  const problems: string[] = [];
  const covered = new Set<string>();
  for (const [key, text] of other) {
    const base = ja.has(key) ? key : key.replace(PLURAL_SUFFIX, '');
    const jaText = ja.get(base);
    if (jaText === undefined) {
      problems.push(`extra key ${key}`);
      continue;
    }
    covered.add(base);
    const want = variableSet(jaText);
    const got = variableSet(text);
    if (want !== got) problems.push(`${key}: interpolations {${got}} where Japanese has {${want}}`);
  }
  for (const key of ja.keys()) if (!covered.has(key)) problems.push(`missing key ${key}`);
  return problems;
}
