/**
 * The embedded defaults: simulated devices and the built-in demo ward back end, so that
 * `npm start` on a fresh machine runs a complete kiosk with no file to write.
 */
import type { KioskConfig } from './config-schema';

export const DEFAULT_CONFIG: KioskConfig = {
  kioskId: 'kiosk-kokurakita-01',
  ward: 'kokurakita',
  languages: ['ja', 'en'],
  defaultLanguage: 'ja',
  idle: { timeoutSec: 90, promptSec: 30 },
  devices: { card: 'sim', printer: 'sim', cash: 'sim', cashless: 'sim' },
  backend: { mode: 'embedded', url: 'https://127.0.0.1:0/' },
  maintenance: false,
  dataDir: '.madoguchi',
};
