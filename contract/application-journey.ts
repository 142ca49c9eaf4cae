/**
 * The 書かない窓口 (no-writing applications) journey as the renderer sees it: one view per
 * step, pushed as `application.changed`, and the requests that move it on.
 *
 * guide → event (its procedures) → identify (card or by hand) → [insert-card → pin → reading-card]
 * → question … question → review → submitting → printing → done, or failed with a next step.
 * Identified with the card, the review may go on to the optional electronic signature:
 * review → sign-choice → [sign-insert-card] → sign-password → signing → submitting … (or
 * sign-choice → submitting unsigned). See contract/submission-signature.ts for what is signed.
 *
 * The view carries only what the current screen must show. Personal data (the card's basic four)
 * appears only on the review screen and in the answer being edited; PINs travel only inside
 * `application.submitPin` and are never kept.
 */
import { z } from 'zod';
import { answerValueSchema, guideEventSchema, localizedTextSchema, questionSchema, reviewFormSchema, validationErrorSchema } from './applications';

/** A life event tile on the guide screen. */
export const guideEventSummarySchema = z.strictObject({
  id: z.string(),
  title: localizedTextSchema,
  group: localizedTextSchema.optional(),
  /** How many of its procedures the kiosk can fill. */
  kioskProcedures: z.number().int().nonnegative(),
});
export type GuideEventSummary = z.infer<typeof guideEventSummarySchema>;

/** How the submission went: delivered now, or kept in the durable outbox until the network is back. */
export const deliverySchema = z.enum(['accepted', 'queued']);
export type Delivery = z.infer<typeof deliverySchema>;

export const applicationViewSchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('idle') }),
  /** The life-event guide: tiles; search goes through `application.searchGuide`. */
  z.strictObject({ step: z.literal('guide'), events: z.array(guideEventSummarySchema) }),
  /** One life event: every procedure it needs, which the kiosk can fill, where the others happen. */
  z.strictObject({
    step: z.literal('event'),
    event: guideEventSchema,
    /** Optional kiosk procedures the citizen has ticked (included in the interview). */
    included: z.array(z.string()),
  }),
  /** Read the card's 券面事項 (name, address, birth date, sex) or enter them by hand. */
  z.strictObject({
    step: z.literal('identify'),
    /** Why the card path ended here (blocked PIN, not a My Number Card, unreadable): typing still works. */
    messageKey: z.string().optional(),
  }),
  z.strictObject({ step: z.literal('insert-card'), messageKey: z.string().optional() }),
  z.strictObject({ step: z.literal('reading-card') }),
  /** The 券面事項入力補助用 PIN (4 digits). */
  z.strictObject({
    step: z.literal('pin'),
    triesLeft: z.number().int().min(1).max(3),
    lastTry: z.boolean(),
    errorKey: z.string().optional(),
  }),
  /** One question per screen. */
  z.strictObject({
    step: z.literal('question'),
    question: questionSchema,
    /** 1-based position and the current estimate of the total (conditional questions may change it). */
    index: z.number().int().min(1),
    total: z.number().int().min(1),
    /** The answer given so far (when coming back), or the question's default. */
    value: answerValueSchema.optional(),
    errors: z.array(validationErrorSchema),
    /** True when the citizen came from the review screen: "OK" returns there. */
    fromReview: z.boolean(),
    /**
     * The filling day (ISO, Japan) by the kiosk's clock. The question's date bounds arrive already
     * resolved against it (`today-365` → an ISO day), so the renderer needs no clock of its own.
     */
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  /** Every form, every value as it will print; each interview value can be changed. */
  z.strictObject({
    step: z.literal('review'),
    forms: z.array(reviewFormSchema),
    errorKey: z.string().optional(),
    /** True when the citizen identified with the card: 「次へ」 leads to the e-signature choice (`application.offerSignature`). */
    canSign: z.boolean().optional(),
  }),
  /** 電子署名をして送信する / 署名せずに送信する (the printed forms are still signed by hand at the counter). */
  z.strictObject({
    step: z.literal('sign-choice'),
    /** False when the signing password is locked: only sending unsigned is offered. */
    canSign: z.boolean(),
    /** Why the signing path came back here (locked password, card error). */
    messageKey: z.string().optional(),
  }),
  /** The card must be in the reader to sign (it was taken out after identification). */
  z.strictObject({ step: z.literal('sign-insert-card'), messageKey: z.string().optional() }),
  /** The 署名用パスワード (6–16 letters and digits, upper-cased), 5 tries. */
  z.strictObject({
    step: z.literal('sign-password'),
    triesLeft: z.number().int().min(1).max(5),
    lastTry: z.boolean(),
    errorKey: z.string().optional(),
  }),
  /** The card is being read or is signing: do not pull it. */
  z.strictObject({ step: z.literal('signing') }),
  z.strictObject({ step: z.literal('submitting') }),
  z.strictObject({
    step: z.literal('printing'),
    formsDone: z.number().int().nonnegative(),
    formsTotal: z.number().int().positive(),
  }),
  z.strictObject({
    step: z.literal('done'),
    /** The receipt number printed on every form (also on screen). */
    receiptNumber: z.string(),
    delivery: deliverySchema,
    /** Titles of the printed forms, to take to the counter for signature. */
    printed: z.array(localizedTextSchema),
    /** True when the card is still in the reader and must be taken. */
    takeCard: z.boolean(),
    /** True when the submission carried the card's electronic signature (電子署名済み). */
    eSigned: z.boolean(),
  }),
  z.strictObject({
    step: z.literal('failed'),
    messageKey: z.string(),
    /** Set when the submission was kept (and will be or was delivered) even though something later failed. */
    receiptNumber: z.string().nullable(),
    takeCard: z.boolean(),
  }),
]);
export type ApplicationView = z.infer<typeof applicationViewSchema>;
export type ApplicationStep = ApplicationView['step'];

export const guideSearchInputSchema = z.strictObject({ query: z.string().max(100) });
/** The signing password as typed (upper-cased by main before it reaches the card); never logged, never kept. */
export const signPasswordInputSchema = z.strictObject({
  password: z.string().regex(/^[A-Za-z0-9]{6,16}$/),
  confirmedLastTry: z.boolean(),
});
/** An answer; text is bounded so no screen can push an unbounded string to main. */
export const answerInputSchema = z.strictObject({
  questionId: z.string().min(1).max(100),
  value: z.union([z.string().max(500), z.number().finite(), z.boolean()]),
});
