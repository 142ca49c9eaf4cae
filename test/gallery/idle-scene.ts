/**
 * The kiosk the gallery draws (every language the kiosk has, no simulators: the screens as a ward
 * runs them) and its resting scene: no session, both journeys idle, the staff console closed.
 */
import { languageSchema, type KioskInfo } from '../../contract/kiosk-api';
import type { PageScene } from './page-scene';

export const GALLERY_INFO: KioskInfo = {
  kioskId: 'gallery-01',
  // The longest ward name in English (the top bar holds it beside three controls).
  ward: { id: 'yahatahigashi', nameJa: '八幡東区', nameEn: 'Yahatahigashi Ward' },
  languages: [...languageSchema.options],
  defaultLanguage: 'ja',
  shell: 'browser',
  maintenance: false,
  simulated: { card: false, cash: false, cashless: false },
  shufflePinPad: false,
};

export const IDLE_SCENE: PageScene = {
  session: { phase: 'idle' },
  certificate: { step: 'idle' },
  application: { step: 'idle' },
  staff: { phase: 'closed' },
  answers: { 'kiosk.getInfo': GALLERY_INFO },
};
