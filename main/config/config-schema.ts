/**
 * The kiosk's one typed configuration.
 *
 * Validated at start; an error names the bad key and value. Unknown keys are errors too,
 * so a typo in a deployed file is caught rather than silently ignored.
 */
import { z } from 'zod';
import { languageSchema } from '../../contract/kiosk-api';
import { passcodeHashProblem } from '../staff/staff-passcode';
import { WARD_IDS } from './wards';
import { AROUND_THE_CLOCK, serviceHoursSchema } from './service-hours';
import { DEFAULT_VOICE_CONFIG, voiceConfigSchema } from '../speech/speech-config';

/** `sim` runs the simulator as a normal device; `real` uses the hardware binding. */
export const deviceBindingSchema = z.enum(['sim', 'real']);

/** A private IPv4 address (the kiosk's on the ward network): the only non-loopback address metrics may bind. */
export function isWardNetworkAddress(address: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!m) return false;
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((x) => x > 255)) return false;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** A ward service's address: HTTPS only (its server certificate is checked against the configured CA). */
const httpsUrlSchema = z
  .string()
  .url()
  .refine((u) => u.startsWith('https://'), 'must be an https:// URL');

/** The kiosk's client certificate and key, and the CA of a ward service's server certificate (PEM files). */
const clientTlsFilesSchema = z.object({ certFile: z.string().min(1), keyFile: z.string().min(1), caFile: z.string().min(1) }).strict();

export const configSchema = z
  .object({
    kioskId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'lower-case letters, digits and hyphens, 3 to 64 characters'),
    /**
     * Prefix of this kiosk's application receipt numbers (1-8 of A-Z, 0-9), unique in the city.
     * Default: the ward's code and the kiosk id's trailing number (`kiosk-kokurakita-01` → 4010601).
     */
    receiptPrefix: z
      .string()
      .regex(/^[A-Z0-9]{1,8}$/, '1 to 8 upper-case letters or digits')
      .optional(),
    ward: z.enum(WARD_IDS),
    languages: z
      .array(languageSchema)
      .min(1)
      .refine((l) => new Set(l).size === l.length, 'languages must not repeat'),
    defaultLanguage: languageSchema,
    idle: z
      .object({
        /** Seconds without a touch before the "Need more time?" prompt. */
        timeoutSec: z.number().int().min(1).max(3600),
        /** Seconds the prompt stays before the wipe: at least 20 so anyone can answer it. */
        promptSec: z.number().int().min(20).max(600),
      })
      .strict(),
    devices: z
      .object({
        card: deviceBindingSchema,
        printer: deviceBindingSchema,
        cash: deviceBindingSchema,
        cashless: deviceBindingSchema,
      })
      .strict(),
    /** Where the `real` bindings find their hardware. */
    hardware: z
      .object({
        /** IPP URI of the certificate printer, e.g. ipp://printer.local/ipp/print. */
        printerUri: z.string().regex(/^ipps?:\/\/[^\s]+$/, 'an ipp:// or ipps:// URI'),
        /** USB ids of the HID cash unit. */
        cashUnit: z.object({ vendorId: z.number().int().min(0).max(0xffff), productId: z.number().int().min(0).max(0xffff) }).strict(),
        /**
         * Reader names the `real` card binding may use (regular expressions). Virtual readers
         * (vpcd) are refused unless listed here: only test rigs list them.
         */
        cardReaderAllow: z.array(z.string().min(1).max(200)),
      })
      .strict(),
    backend: z
      .object({
        /**
         * `remote`: the kiosk connects to `url`. `embedded` asks for the demo's reference back end,
         * which only the demo entry (demo/start-demo.ts, `npm start`) starts; it then hands the
         * kiosk "remote" and that back end's URL. The kiosk itself refuses "embedded".
         */
        mode: z.enum(['embedded', 'remote']),
        url: httpsUrlSchema,
        tls: clientTlsFilesSchema,
        /** The city's public key that signs certificates (their QR seal), PEM. */
        sealPublicKeyFile: z.string().min(1),
      })
      .strict(),
    /**
     * The ward queue service (queue/, 待たない): the home screen's waits, tickets and reservation
     * check-in. Optional (`null` in a file over the defaults): a kiosk without it shows no waits and
     * offers no tickets. `embedded`,
     * like `backend.mode`, asks the demo entry to start one (PGlite) and hand its URL on.
     */
    queue: z
      .object({
        mode: z.enum(['embedded', 'remote']),
        url: httpsUrlSchema,
        tls: clientTlsFilesSchema,
        /**
         * The citizen's wait-status page, printed as the ticket's QR: `{id}` becomes the ticket's id.
         * Default: `<url>/wait/{id}` (queue/openapi.yaml).
         */
        statusPageUrl: z
          .string()
          .regex(/^https:\/\/[^\s]+\{id\}[^\s]*$/, 'an https:// URL containing {id}')
          .optional(),
        /** Seconds between two refreshes of the home screen's waits. */
        refreshSec: z.number().int().min(5).max(600).default(30),
        /** Longest one request may take, milliseconds (then: no ticket, the citizen goes to the reception desk). */
        timeoutMs: z.number().int().min(500).max(30_000).default(5_000),
        /**
         * Which queue service a 書かない application's 「このまま窓口へ」 ticket is for: the office
         * (content's guide `offices`) of its first procedure → a service id of the queue.
         */
        officeServices: z.record(z.string().min(1).max(64), z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)).default({}),
      })
      .strict()
      .nullable()
      .optional(),
    /**
     * The ward's content folder: `guide/`, `forms/`, `postal/postal-codes.json` and
     * `documents/city-seal.png`. Relative paths are from the project (app) folder.
     */
    contentDir: z.string().min(1),
    /**
     * 受付時間: one window per weekday and the closed dates (holidays, 年末年始), Japan time
     * (main/config/service-hours.ts). Outside them the home screen says when the kiosk opens and
     * offers no journey. Default: open around the clock.
     */
    serviceHours: serviceHoursSchema.default(AROUND_THE_CLOCK),
    /** Shuffle the digits of the on-screen PIN keypad for each citizen (against shoulder-surfing). */
    shufflePinPad: z.boolean(),
    /** Voice guidance: the speech engine (espeak-ng by default, or a city's own program) and its prompt cache (main/speech/). */
    voice: voiceConfigSchema.default(DEFAULT_VOICE_CONFIG),
    /** Maintenance mode unlocks devtools, reload and quit shortcuts for technicians. */
    maintenance: z.boolean(),
    /** Where the kiosk keeps its databases and key files (created 0700). Relative paths are under the user data folder. */
    dataDir: z.string().min(1),
    /**
     * Days a finished record is kept: acknowledged outbox receipts and finished journal sales are
     * deleted after this (at start and daily); unresolved sales and unsettled vouchers never are.
     */
    retentionDays: z.number().int().min(7).max(3650).default(90),
    /** The tamper-evident audit log (main/audit): how often its head is signed while entries arrive. */
    audit: z
      .object({ signEverySec: z.number().int().min(10).max(86_400) })
      .strict()
      .default({ signEverySec: 300 }),
    /**
     * The Prometheus metrics endpoint (main/metrics): `listen` is `loopback` (127.0.0.1, the default)
     * or this kiosk's own address on the ward network (a private IPv4 address, never 0.0.0.0);
     * `port` 0 picks a free one (tests). `enabled: false` serves nothing.
     */
    metrics: z
      .object({
        enabled: z.boolean(),
        listen: z.union([z.literal('loopback'), z.string().refine(isWardNetworkAddress, 'loopback or a private IPv4 address (10/8, 172.16/12, 192.168/16)')]),
        port: z.number().int().min(0).max(65_535),
      })
      .strict()
      .default({ enabled: true, listen: 'loopback', port: 9464 }),
    /** Log files (JSON lines, platform/log.ts) in `<dataDir>/logs/`, rotated by size: `kiosk.log`, `kiosk.log.1` … */
    log: z
      .object({
        file: z.boolean(),
        /** A file is rotated when it would grow past this (bytes). */
        maxFileBytes: z.number().int().min(65_536).max(1_073_741_824),
        /** Rotated files kept besides the current one. */
        keepFiles: z.number().int().min(1).max(50),
      })
      .strict()
      .default({ file: true, maxFileBytes: 10 * 1024 * 1024, keepFiles: 5 }),
    /** The ward staff console (係員メニュー). */
    staff: z
      .object({
        /**
         * Peppered scrypt hash of the 8-12 digit staff passcode: `scrypt$N$r$p$<salt b64url>$<key b64url>`
         * (N ≥ 2^17, r ≥ 8, salt ≥ 16 bytes, key ≥ 32 bytes; main/staff/staff-passcode.ts). Make
         * one on the kiosk with `npx tsx build/scripts/hash-staff-passcode.ts` (it keeps the pepper).
         */
        passcodeHash: z.string().superRefine((hash, ctx) => {
          const problem = passcodeHashProblem(hash);
          if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (see build/scripts/hash-staff-passcode.ts)` });
        }),
        /** Wrong passcodes before the keypad locks. */
        lockoutAfter: z.number().int().min(1).max(20),
        /** How long the keypad stays locked, seconds. */
        lockoutSec: z.number().int().min(10).max(86_400),
        /** Staff session ends after this long without a staff touch, seconds. */
        idleTimeoutSec: z.number().int().min(15).max(3600),
      })
      .strict(),
  })
  .strict()
  .refine((c) => c.languages.includes(c.defaultLanguage), { message: 'must be one of languages', path: ['defaultLanguage'] });

export type KioskConfig = z.infer<typeof configSchema>;
