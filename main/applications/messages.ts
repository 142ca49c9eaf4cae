/**
 * ja/en texts of the validation message keys (content/demo-ward/forms/messages.json, bundled: the message keys are the code's). The renderer may
 * hold its own copy in its i18n bundle; main uses this for the review and for tests.
 */
import messages from '../../content/demo-ward/forms/messages.json';

export type MessageLang = 'ja' | 'en';
const table = messages as Record<MessageLang, Record<string, string>>;

/** The text for `key` with `{param}` placeholders filled; the key itself if unknown. */
export function formatMessage(key: string, params: Record<string, string | number>, lang: MessageLang = 'ja'): string {
  const text = table[lang]?.[key] ?? table.ja[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Every key known in both languages (tests check ja and en have the same keys). */
export function messageKeys(lang: MessageLang): string[] {
  return Object.keys(table[lang] ?? {});
}
