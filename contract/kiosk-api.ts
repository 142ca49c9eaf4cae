/**
 * The one typed contract between the renderer and the main side.
 *
 * `requests` are promise-returning calls (renderer → main); `events` are pushed (main → renderer).
 * Each has a zod schema, checked on both sides: main validates what it receives and what it
 * returns, the renderer validates what comes back. An unknown name or an invalid payload is
 * rejected and logged, never executed. Both shells (Electron IPC and the browser shell's
 * WebSocket bridge) carry exactly these messages.
 */
import { z } from 'zod';
import { answerInputSchema, applicationViewSchema, guideSearchInputSchema, signPasswordInputSchema } from './application-journey';
import { guideSearchHitSchema, postalCandidateSchema } from './applications';
import { certificateChoiceSchema, certificateViewSchema, MAX_BASKET_ITEMS, paymentMethodSchema, simCardSchema } from './certificate-journey';
import { queueDeskEvents, queueDeskRequests } from './queue-desk';
import { staffEvents, staffRequests } from './staff-console';
import { promptTextSchema, voiceAudioPathSchema, voiceSettingsSchema } from './voice';

/**
 * The UI languages the kiosk has resources for (BCP 47). `ja-x-easy` is やさしい日本語 (a private-use
 * subtag: i18next keeps it as written and falls back to `ja` for it). A city picks among these in
 * its config; adding one is a folder under renderer/i18n/locales/ plus an entry here.
 */
export const languageSchema = z.enum(['ja', 'ja-x-easy', 'en', 'zh-Hans', 'zh-Hant', 'ko', 'vi', 'ne', 'fil', 'id', 'pt-BR']);
export type Language = z.infer<typeof languageSchema>;

export const journeySchema = z.enum(['certificate', 'application']);
export type Journey = z.infer<typeof journeySchema>;

/** Why a citizen session ended. Every path ends through the same wipe (`shutdown`: the runtime stopped). */
export const endReasonSchema = z.enum(['cancel', 'complete', 'timeout', 'card-removed', 'renderer-gone', 'crash-recovery', 'shutdown']);
export type EndReason = z.infer<typeof endReasonSchema>;

/**
 * What the first screen says for a while after a session ended, so no journey ends without a word:
 * why it ended (the card pulled, the time ran out, the citizen finished or stopped) and, while the
 * card is still in the reader, that THIS citizen must take it. No personal data: the wipe has run.
 */
export const sessionEndingSchema = z.object({
  reason: z.enum(['cancel', 'complete', 'timeout', 'card-removed']),
  /** The card is still in the reader. */
  takeCard: z.boolean(),
  /** Milliseconds left before the first screen shows, counted when the event was sent. */
  remainingMs: z.number().int().nonnegative(),
});
export type SessionEnding = z.infer<typeof sessionEndingSchema>;

export const sessionStateSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('idle'), endedReason: endReasonSchema.optional(), ending: sessionEndingSchema.optional() }),
  z.object({ phase: z.literal('active'), sessionId: z.string().uuid(), journey: journeySchema.nullable() }),
  z.object({
    phase: z.literal('prompt'),
    sessionId: z.string().uuid(),
    journey: journeySchema.nullable(),
    /** Milliseconds left before the session is wiped, counted when the event was sent. */
    remainingMs: z.number().int().nonnegative(),
  }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const kioskInfoSchema = z.object({
  kioskId: z.string(),
  ward: z.object({ id: z.string(), nameJa: z.string(), nameEn: z.string() }),
  languages: z.array(languageSchema).min(1),
  defaultLanguage: languageSchema,
  shell: z.enum(['electron', 'browser']),
  maintenance: z.boolean(),
  /** Devices running as simulators: the UI shows their controls (clearly marked) for demos. */
  simulated: z.object({ card: z.boolean(), printer: z.boolean(), cash: z.boolean(), cashless: z.boolean() }),
  /** Shuffle the PIN keypad's digits (against shoulder-surfing). */
  shufflePinPad: z.boolean(),
});
export type KioskInfo = z.infer<typeof kioskInfoSchema>;

const hhmm = z.string().regex(/^([01][0-9]|2[0-4]):[0-5][0-9]$/);

/**
 * What works now, computed by main from the devices and the service hours, pushed before any card
 * is asked for: the home screen shows it and offers only the journeys that can finish.
 */
export const availabilitySchema = z.object({
  hours: z.object({
    state: z.enum(['open', 'before-opening', 'after-closing', 'closed-today']),
    today: z.object({ opens: hhmm, closes: hhmm }).nullable(),
    /** When the kiosk next opens (Japan date and time), when it is not open now. */
    next: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), opens: hhmm }).nullable(),
  }),
  /** Each device as last checked: true when it can do its part now. */
  devices: z.object({ printer: z.boolean(), cash: z.boolean(), cashless: z.boolean() }),
  /** The journeys offered now: certificates need the hours, the printer and a way to pay; applications the hours. */
  journeys: z.object({ certificate: z.boolean(), application: z.boolean() }),
  /** Outside the hours, a simulator control (demo) lets the journeys be used anyway. */
  hoursOverridden: z.boolean(),
});
export type Availability = z.infer<typeof availabilitySchema>;

const empty = z.object({}).strict();

/**
 * A fault the simulator panel injects (demo, technicians), per device; `clear` ends that device's
 * faults. Only faults the simulators already model; the back end goes down for a minute (it
 * cannot be told to come back while it is down).
 */
export const simulatorFaultSchema = z.discriminatedUnion('device', [
  z.object({ device: z.literal('printer'), fault: z.enum(['media-empty', 'media-jam', 'door-open', 'clear']) }).strict(),
  z.object({ device: z.literal('cash'), fault: z.enum(['jam', 'door-open', 'clear']) }).strict(),
  z.object({ device: z.literal('cashless'), fault: z.enum(['offline', 'clear']) }).strict(),
  z.object({ device: z.literal('backend'), fault: z.literal('down') }).strict(),
]);
export type SimulatorFault = z.infer<typeof simulatorFaultSchema>;

/** What the kiosk can speak now (engine's languages) and this session's rate and volume (reset by the wipe). */
export const voiceInfoSchema = z.object({ languages: z.array(languageSchema), settings: voiceSettingsSchema }).strict();
export type VoiceInfo = z.infer<typeof voiceInfoSchema>;

/** Request channels: name → input and output schemas. */
export const requests = {
  /** Facts the UI needs at start: kiosk id, ward, languages, shell. */
  'kiosk.getInfo': { input: empty, output: kioskInfoSchema },
  /** What works now and the service hours (also pushed as `kiosk.availabilityChanged`). */
  'kiosk.getAvailability': { input: empty, output: availabilitySchema },
  /** Current session state (also pushed as `session.changed`). */
  'session.getState': { input: empty, output: sessionStateSchema },
  /** Starts a citizen session; a no-op returning the same session if one is active. */
  'session.start': { input: z.object({ journey: journeySchema.nullable() }).strict(), output: sessionStateSchema },
  /** Chooses or changes the journey of the active session. */
  'session.setJourney': { input: z.object({ journey: journeySchema.nullable() }).strict(), output: sessionStateSchema },
  /** The citizen touched the screen: restarts the idle timer (throttled by the renderer). Ignored while the prompt shows. */
  'session.activity': { input: empty, output: sessionStateSchema },
  /** The citizen answered "Need more time?" with yes: back to active with a fresh idle timer. */
  'session.extend': { input: empty, output: sessionStateSchema },
  /**
   * Ends the session (cancel or completion): the full wipe runs before this resolves. Refused with
   * `sale-paid` while a paid certificate sale waits for the card or prints (「最初に戻る」 never
   * gives the fee back in one touch): `certificate.cancelPaid` is the confirmed way out.
   */
  'session.end': { input: z.object({ reason: z.enum(['cancel', 'complete']) }).strict(), output: sessionStateSchema },

  /** Certificate journey: starts waiting for the card (starts the session if needed). */
  'certificate.begin': { input: empty, output: certificateViewSchema },
  /** The current step (also pushed as `certificate.changed`). */
  'certificate.getView': { input: empty, output: certificateViewSchema },
  /**
   * The 4-digit 利用者証明用 PIN. Checked for format before anything reaches the card; with one
   * try left the card is not asked unless `confirmedLastTry` is true. Never logged, never kept.
   */
  'certificate.submitPin': {
    input: z.object({ pin: z.string().regex(/^[0-9]{4}$/), confirmedLastTry: z.boolean() }).strict(),
    output: certificateViewSchema,
  },
  /**
   * The citizen's choice: type, options, copies. With the basket's items before it, checks the
   * printer and prepares every certificate (issued, rendered, journaled) before any money.
   */
  'certificate.choose': { input: certificateChoiceSchema, output: certificateViewSchema },
  /**
   * Puts the certificate on screen into the basket (several certificates, one sale) and shows the
   * list again; nothing is issued yet. Refused in the view (errorKey) when the basket is full or the
   * back end would refuse the options.
   */
  'certificate.addToBasket': { input: certificateChoiceSchema, output: certificateViewSchema },
  /** Takes an item out of the basket, by its place in the list. */
  'certificate.removeFromBasket': {
    input: z
      .object({
        index: z
          .number()
          .int()
          .min(0)
          .max(MAX_BASKET_ITEMS - 1),
      })
      .strict(),
    output: certificateViewSchema,
  },
  /** 「お支払いへ進む」 from the list: prepares the basket as it is (as `certificate.choose` does with its choice added). */
  'certificate.checkout': { input: empty, output: certificateViewSchema },
  /** Starts taking the fee. */
  'certificate.pay': { input: z.object({ method: paymentMethodSchema }).strict(), output: certificateViewSchema },
  /** On the fee or card screen: the citizen wants (or no longer wants) a receipt (領収書) printed after the certificates. */
  'certificate.setReceipt': { input: z.object({ wanted: z.boolean() }).strict(), output: certificateViewSchema },
  /** Goes back from the fee screen to the choice (money inserted so far comes back). */
  'certificate.back': { input: empty, output: certificateViewSchema },
  /**
   * After payment, on 「カードをお取りください」: the citizen confirmed that they stop. The fee is
   * given back and the failed view asks for the card. Once printing has begun there is nothing to
   * cancel: the view is answered unchanged.
   */
  'certificate.cancelPaid': { input: z.object({ confirmed: z.literal(true) }).strict(), output: certificateViewSchema },

  /** Applications journey: opens the life-event guide (starts the session if needed). */
  'application.begin': { input: empty, output: applicationViewSchema },
  /** The current step (also pushed as `application.changed`). */
  'application.getView': { input: empty, output: applicationViewSchema },
  /** Searches the guide (kanji, kana, hiragana-only, English); does not change the step. */
  'application.searchGuide': { input: guideSearchInputSchema, output: z.array(guideSearchHitSchema) },
  /** Opens one life event (from a tile or a search hit). */
  'application.openEvent': { input: z.object({ eventId: z.string().min(1).max(64) }).strict(), output: applicationViewSchema },
  /** Ticks or unticks an optional kiosk procedure of the open event. */
  'application.toggleProcedure': {
    input: z.object({ procedureId: z.string().min(1).max(64), included: z.boolean() }).strict(),
    output: applicationViewSchema,
  },
  /** Starts filling the open event's kiosk procedures: asks how to identify. */
  'application.start': { input: empty, output: applicationViewSchema },
  /** Identify with the card (券面事項入力補助AP) or by typing everything. */
  'application.identify': { input: z.object({ method: z.enum(['card', 'manual']) }).strict(), output: applicationViewSchema },
  /** The 券面事項入力補助用 PIN; same rules as the certificate PIN (format first, last try confirmed). */
  'application.submitPin': {
    input: z.object({ pin: z.string().regex(/^[0-9]{4}$/), confirmedLastTry: z.boolean() }).strict(),
    output: applicationViewSchema,
  },
  /** Answers the current question; an invalid answer comes back with its errors, nothing moves. */
  'application.answer': { input: answerInputSchema, output: applicationViewSchema },
  /** One step back (question → previous question, identify → event, event → guide). */
  'application.back': { input: empty, output: applicationViewSchema },
  /** From the review screen: change one answer, then come back to the review. */
  'application.edit': { input: z.object({ questionId: z.string().min(1).max(100) }).strict(), output: applicationViewSchema },
  /** From the review or the e-signature choice: queue the submission durably (unsigned), send it, print the forms. */
  'application.submit': { input: empty, output: applicationViewSchema },
  /** From the review, identified with the card: offer 電子署名をして送信する / 署名せずに送信する. */
  'application.offerSignature': { input: empty, output: applicationViewSchema },
  /** From the e-signature choice: sign with the card (asks for it if out, then the signing password). */
  'application.sign': { input: empty, output: applicationViewSchema },
  /** The 署名用パスワード; the last try only with `confirmedLastTry`; on success the signed submission is sent. */
  'application.submitSignPassword': { input: signPasswordInputSchema, output: applicationViewSchema },
  /** Postal code → addresses in the city (bundled Japan Post data); does not change the step. */
  'application.lookupPostal': {
    input: z.object({ postalCode: z.string().regex(/^\d{3}-?\d{4}$/) }).strict(),
    output: z.array(postalCandidateSchema),
  },

  /** Voice guidance (contract/voice.ts): the languages the speech engine speaks and the session's settings. */
  'voice.getInfo': { input: empty, output: voiceInfoSchema },
  /** The citizen's speech rate and volume, for this session only. */
  'voice.setSettings': { input: voiceSettingsSchema, output: voiceInfoSchema },
  /**
   * Synthesises (or finds cached) one screen's generic prompt at the session's rate; answers where
   * the page fetches its WAV. Refused with `not-available` in a language the engine cannot speak.
   */
  'voice.prompt': {
    input: z.object({ lang: languageSchema, text: promptTextSchema }).strict(),
    output: z.object({ audio: voiceAudioPathSchema }).strict(),
  },

  /** Simulator controls (demo, technicians): only when that device's binding is `sim`. */
  'simulator.listCards': { input: empty, output: z.array(simCardSchema) },
  'simulator.insertCard': { input: z.object({ cardId: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict(), output: z.object({}) },
  'simulator.removeCard': { input: empty, output: z.object({}) },
  'simulator.insertCash': {
    input: z.object({ yen: z.union([z.literal(10), z.literal(50), z.literal(100), z.literal(500), z.literal(1000)]) }).strict(),
    output: z.object({}),
  },
  /** Demo only (a simulated card reader): serve outside the configured service hours, or stop doing so. */
  'simulator.openOutsideHours': { input: z.object({ open: z.boolean() }).strict(), output: availabilitySchema },
  /** The simulated cashless terminal's answer to the next new charge (a decline is `insufficient-funds`). */
  'simulator.cashlessNext': { input: z.object({ outcome: z.enum(['approve', 'decline']) }).strict(), output: z.object({}) },
  /** Injects or clears a device fault, or takes the back end down for a minute (the back end must allow fault injection). */
  'simulator.fault': { input: simulatorFaultSchema, output: z.object({}) },

  /** Ward staff console (係員メニュー): see contract/staff-console.ts. */
  ...staffRequests,

  /** The ward queue's ticket machine and check-in (待たない): see contract/queue-desk.ts. */
  ...queueDeskRequests,
} as const;

/** Event channels: name → payload schema. */
export const events = {
  'session.changed': sessionStateSchema,
  'kiosk.availabilityChanged': availabilitySchema,
  'certificate.changed': certificateViewSchema,
  ...staffEvents,
  'application.changed': applicationViewSchema,
  ...queueDeskEvents,
} as const;

export type RequestName = keyof typeof requests;
export type EventName = keyof typeof events;
export type RequestInput<K extends RequestName> = z.infer<(typeof requests)[K]['input']>;
export type RequestOutput<K extends RequestName> = z.infer<(typeof requests)[K]['output']>;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
