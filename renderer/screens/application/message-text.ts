/**
 * Turns a message key sent by the main side into text, in the `application` namespace.
 *
 * Keys arrive as dotted paths: validation keys `applications.validation.…` (the same keys as
 * content/demo-ward/forms/messages.json, whose texts the locale files copy with i18next's `{{param}}`
 * placeholders) live under `validation.`; `application.…` under the namespace's root;
 * `certificate.…`/`printer.…` and `errors.…` where the certificate screens keep them. A key
 * the renderer does not know (a newer main side) falls back to a safe "ask staff" text rather
 * than showing the raw key to a citizen.
 */
import type { TFunction } from 'i18next';

export type MessageParams = Record<string, string | number>;

export function resolveMessageKey(key: string): string | null {
  if (key.startsWith('applications.validation.')) return `application:validation.${key.slice('applications.validation.'.length)}`;
  if (key.startsWith('application.')) return `application:${key.slice('application.'.length)}`;
  if (key.startsWith('certificate.')) return `certificate:${key.slice('certificate.'.length)}`;
  if (key.startsWith('printer.')) return `certificate:${key}`;
  if (key.startsWith('errors.')) return `common:${key}`;
  return null;
}

export function appMessageText(t: TFunction, key: string | undefined | null, params: MessageParams = {}): string {
  if (!key) return '';
  const fallback = t('application:error.generic');
  const resolved = resolveMessageKey(key);
  if (!resolved) return fallback;
  const text = t(resolved, { ...params, defaultValue: fallback });
  return typeof text === 'string' ? text : fallback;
}
