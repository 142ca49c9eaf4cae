/**
 * The embedded defaults: simulated devices, the demo ward's content and the demo's reference
 * back end (started by `npm start`), so that a fresh machine runs a complete kiosk with no file
 * to write.
 */
import { DEMO_CONTENT_DIR } from '../applications/content-dir';
import type { KioskConfig } from './config-schema';

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
    tls: {
      certFile: 'fixtures/pki/kiosk/clients/kiosk-kokurakita-01.cert.pem',
      keyFile: 'fixtures/pki/kiosk/clients/kiosk-kokurakita-01.key.pem',
      caFile: 'fixtures/pki/kiosk/city-ca.cert.pem',
    },
    sealPublicKeyFile: 'fixtures/documents/city-seal.pub.pem',
  },
  // The demo ward's guide, forms, postal codes and seal image (content/demo-ward/).
  contentDir: DEMO_CONTENT_DIR,
  shufflePinPad: true,
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
