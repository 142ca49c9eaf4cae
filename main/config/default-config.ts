/**
 * The embedded defaults: simulated devices, the demo ward's content and the demo's reference
 * back end (started by `npm start`), so that a fresh machine runs a complete kiosk with no file
 * to write.
 */
import { DEMO_CONTENT_DIR } from '../applications/content-dir';
import type { KioskConfig } from './config-schema';
import { DEFAULT_VOICE_CONFIG } from '../speech/speech-config';

/** The demo kiosk's client certificate and the city CA, from the committed TEST PKI (fixtures/pki). */
const DEMO_KIOSK_TLS = {
  certFile: 'fixtures/pki/kiosk/clients/kiosk-kokurakita-01.cert.pem',
  keyFile: 'fixtures/pki/kiosk/clients/kiosk-kokurakita-01.key.pem',
  caFile: 'fixtures/pki/kiosk/city-ca.cert.pem',
};

export const DEFAULT_CONFIG: KioskConfig = {
  kioskId: 'kiosk-kokurakita-01',
  ward: 'kokurakita',
  languages: ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'zh-Hant', 'ko', 'vi', 'ne', 'fil', 'id', 'pt-BR'],
  defaultLanguage: 'ja',
  idle: { timeoutSec: 90, promptSec: 30 },
  devices: { card: 'sim', printer: 'sim', cash: 'sim', cashless: 'sim' },
  hardware: {
    printerUri: 'ipp://127.0.0.1:631/ipp/print',
    cashUnit: { vendorId: 0x1209, productId: 0x4d47 },
    cardReaderAllow: [],
  },
  // The demo uses the committed TEST PKI (fixtures/pki); relative paths are from the project folder.
  backend: {
    mode: 'embedded',
    url: 'https://127.0.0.1:0/',
    tls: DEMO_KIOSK_TLS,
    sealPublicKeyFile: 'fixtures/documents/city-seal.pub.pem',
  },
  // The demo's ward queue service (started by `npm start` on embedded PGlite), the same TEST PKI.
  queue: {
    mode: 'embedded',
    url: 'https://127.0.0.1:0/',
    tls: DEMO_KIOSK_TLS,
    refreshSec: 30,
    timeoutMs: 5_000,
    // The demo guide's offices (content/demo-ward/guide/procedures.json) → the queue's services (fixtures/queue/wards.json).
    officeServices: { shiminka: 'resident-moves', 'hoken-nenkin': 'insurance-pension', 'kodomo-katei': 'welfare' },
  },
  // The demo ward's guide, forms, postal codes and seal image (content/demo-ward/).
  contentDir: DEMO_CONTENT_DIR,
  // A ward office's kiosk hours: weekdays 8:30-19:00, weekends 9:00-17:00; closed on national
  // holidays (2026-2027) and 12/29-1/3. Outside them the demo offers a marked simulator control to go on.
  serviceHours: {
    weekly: {
      sun: { opens: '09:00', closes: '17:00' },
      mon: { opens: '08:30', closes: '19:00' },
      tue: { opens: '08:30', closes: '19:00' },
      wed: { opens: '08:30', closes: '19:00' },
      thu: { opens: '08:30', closes: '19:00' },
      fri: { opens: '08:30', closes: '19:00' },
      sat: { opens: '09:00', closes: '17:00' },
    },
    closedDates: [
      ...['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-12', '2026-02-11', '2026-02-23', '2026-03-20', '2026-04-29', '2026-05-03'],
      ...['2026-05-04', '2026-05-05', '2026-05-06', '2026-07-20', '2026-08-11', '2026-09-21', '2026-09-22', '2026-09-23', '2026-10-12'],
      ...['2026-11-03', '2026-11-23', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-11'],
      ...['2027-02-11', '2027-02-23', '2027-03-21', '2027-03-22', '2027-04-29', '2027-05-03', '2027-05-04', '2027-05-05', '2027-07-19'],
      ...['2027-08-11', '2027-09-20', '2027-09-23', '2027-10-11', '2027-11-03', '2027-11-23', '2027-12-29', '2027-12-30', '2027-12-31'],
    ],
  },
  shufflePinPad: true,
  // Voice guidance offline with Debian's espeak-ng (main/speech/); a city may plug its own engine.
  voice: DEFAULT_VOICE_CONFIG,
  maintenance: false,
  dataDir: '.madoguchi',
  retentionDays: 90,
  audit: { signEverySec: 300 },
  // Prometheus scrapes 127.0.0.1:9464 (a node exporter's agent on the kiosk); `listen` names the
  // kiosk's ward-network address to let the city's Prometheus scrape it directly.
  metrics: { enabled: true, listen: 'loopback', port: 9464 },
  log: { file: true, maxFileBytes: 10 * 1024 * 1024, keepFiles: 5 },
  // DEMO staff passcode 24681357 (README: 係員メニュー), keyed with the public demo pepper
  // (main/staff/staff-pepper.ts). A real deployment makes its own hash on the kiosk.
  staff: {
    passcodeHash: 'scrypt$131072$8$1$i3Bqcbnxg4_v3v32K56maw$84m4Xb_rSJ27zi1V-gHFWxcSUVR9LyHqcD5a8jma6vc',
    lockoutAfter: 5,
    lockoutSec: 300,
    idleTimeoutSec: 180,
  },
};
