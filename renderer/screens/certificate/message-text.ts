/**
 * Turns a message key sent by the main side into text.
 *
 * Keys arrive as dotted paths: `certificate.…` and `printer.…` live in the `certificate`
 * namespace (the printer's strings are a section of it), `errors.…` in `common`. A key the
 * renderer does not know (a newer main side) falls back to a safe "ask staff" message
 * rather than showing the raw key to a citizen.
 */
import type { TFunction } from 'i18next';

export function messageText(t: TFunction, key: string | undefined | null): string {
  if (!key) return '';
  const resolved = key.startsWith('certificate.')
    ? `certificate:${key.slice('certificate.'.length)}`
    : key.startsWith('printer.')
      ? `certificate:${key}`
      : key.startsWith('errors.')
        ? `common:${key}`
        : null;
  const fallback = t('certificate:error.generic');
  if (!resolved) return fallback;
  return t(resolved, { defaultValue: fallback });
}
