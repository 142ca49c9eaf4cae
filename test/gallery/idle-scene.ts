/**
 * The kiosk the gallery draws (every language the kiosk has, no simulators: the screens as a ward
 * runs them) and its resting scene: no session, both journeys idle, the staff console closed.
 */
import { languageSchema, type Availability, type KioskInfo } from '../../contract/kiosk-api';
import type { PageScene } from './page-scene';

export const GALLERY_INFO: KioskInfo = {
  kioskId: 'gallery-01',
  // The longest ward name in English (the top bar holds it beside three controls).
  ward: { id: 'yahatahigashi', nameJa: '八幡東区', nameEn: 'Yahatahigashi Ward' },
  languages: [...languageSchema.options],
  defaultLanguage: 'ja',
  shell: 'browser',
  maintenance: false,
  simulated: { card: false, printer: false, cash: false, cashless: false },
  shufflePinPad: false,
};

/** Open, every device working: the home screen as a citizen finds it on a weekday. */
export const OPEN_AVAILABILITY: Availability = {
  hours: { state: 'open', today: { opens: '08:30', closes: '17:15' }, next: null },
  devices: { printer: true, cash: true, cashless: true },
  journeys: { certificate: true, application: true },
  hoursOverridden: false,
};

export const IDLE_SCENE: PageScene = {
  session: { phase: 'idle' },
  certificate: { step: 'idle' },
  application: { step: 'idle' },
  staff: { phase: 'closed' },
  availability: OPEN_AVAILABILITY,
  answers: { 'kiosk.getInfo': GALLERY_INFO },
};
