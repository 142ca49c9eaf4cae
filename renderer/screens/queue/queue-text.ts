/** How the queue's words are said in the citizen's language. */
import type { TFunction } from 'i18next';

/** A service's name: its translation when the kiosk has one, else the queue's own (Japanese) name. */
export function serviceName(t: TFunction, service: string, nameJa: string): string {
  return t(`queue.service.${service}`, { defaultValue: nameJa });
}

/** 「約5分」; 「すぐにご案内」 with nobody ahead; 「受付でご案内」 when no counter handles it now. */
export function waitText(t: TFunction, minutes: number | null): string {
  if (minutes === null) return t('queue.noCounter');
  return minutes === 0 ? t('queue.noWait') : t('queue.wait', { minutes });
}
