/**
 * The certificate auto-issuance journey (自動交付機) as the renderer sees it: one view per
 * step, pushed as `certificate.changed`, and the requests that move it on.
 *
 * The view carries no personal data beyond what the screen must show (the household members'
 * names when the citizen picks some of them); PINs travel only inside `certificate.submitPin`.
 */
import { z } from 'zod';
import { certificateTypeSchema, juminhyoScopes } from './ward-api';

export type CertificateTypeId = z.infer<typeof certificateTypeSchema>;

export const paymentMethodSchema = z.enum(['cash', 'cashless']);

/** A person the back end named for a choice (resident or 戸籍 member id): opaque, never a name. */
const personIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const fiscalYearSchema = z.number().int().min(2000).max(2100);

export const certificateChoiceSchema = z
  .object({
    type: certificateTypeSchema,
    copies: z.number().int().min(1).max(10),
    /** 住民票: 本人 / 世帯全員 / 世帯の一部. */
    scope: z.enum(juminhyoScopes).default('self'),
    /** 住民票 世帯の一部 only: the household members chosen (ids from the choose view). */
    memberIds: z.array(personIdSchema).min(1).max(20).optional(),
    /** 住民票: include 世帯主・続柄. */
    householdHead: z.boolean().default(false),
    /** 住民票: include 本籍・筆頭者. */
    honseki: z.boolean().default(false),
    /** 戸籍個人事項証明書: whose (a 戸籍 member id from the choose view); default the citizen. */
    personId: personIdSchema.optional(),
    /** 課税・所得証明書: the 年度 (one of the choose view's years); default the newest. */
    fiscalYear: fiscalYearSchema.optional(),
  })
  .strict();
export type CertificateChoice = z.infer<typeof certificateChoiceSchema>;

/**
 * What the back end lets this citizen choose beyond the type (from its options endpoint). The
 * names are personal data the authenticated citizen sees to choose people; never logged.
 */
export const certificateOptionsViewSchema = z.object({
  juminhyoScopes: z.array(z.enum(juminhyoScopes)).min(1),
  household: z.array(
    z.object({
      id: personIdSchema,
      name: z.string(),
      relationship: z.string(),
      self: z.boolean(),
      /** 本籍・筆頭者 can be printed for this member. */
      honseki: z.boolean(),
    }),
  ),
  register: z.array(z.object({ id: personIdSchema, name: z.string(), self: z.boolean() })),
  /** Newest (current) first. */
  taxYears: z.array(fiscalYearSchema),
});
export type CertificateOptionsView = z.infer<typeof certificateOptionsViewSchema>;

/** One line of the basket (several certificates, one sale): what was chosen and its fee per copy. */
export const basketItemSchema = z.object({ choice: certificateChoiceSchema, unitFeeYen: z.number().int().nonnegative() });
export type BasketItemView = z.infer<typeof basketItemSchema>;

/** One basket item's fee: its fee per copy times its copies (main and the screen both show it). */
export function itemTotalYen(item: BasketItemView): number {
  return item.unitFeeYen * item.choice.copies;
}

/** The basket's running total. */
export function basketTotalYen(items: readonly BasketItemView[]): number {
  return items.reduce((sum, item) => sum + itemTotalYen(item), 0);
}

/** A kiosk sale stays short: the citizen checks each item on screen, the printer prints them in one run. */
export const MAX_BASKET_ITEMS = 5;

const offerSchema = z.object({
  type: certificateTypeSchema,
  available: z.boolean(),
  /** i18n key saying why not, when not available. */
  reasonKey: z.string().optional(),
  unitFeeYen: z.number().int().nonnegative(),
});

/** Where a failure leaves the citizen: what to read, and what was given back. */
const failureSchema = z.object({
  messageKey: z.string(),
  /** Yen given back by the machine. */
  refundedYen: z.number().int().nonnegative(),
  /** How `refundedYen` went back: coins/notes in the tray, or the card charge cancelled (cashless). */
  refundedTo: z.enum(['cash', 'cashless']).default('cash'),
  /** Yen the machine could not give back: a refund voucher number is printed on screen. */
  owedYen: z.number().int().nonnegative(),
  voucher: z.string().nullable(),
  /**
   * A basket's further vouchers (a voucher belongs to one certificate's transaction): `owedYen`
   * covers them all. Empty for one certificate.
   */
  moreVouchers: z.array(z.string()).max(MAX_BASKET_ITEMS).default([]),
  /**
   * True when the kiosk printed the voucher slip (返金引換券) for the citizen to take; false when
   * there is no voucher or it could not be printed (the screen then asks the citizen to call staff).
   */
  voucherPrinted: z.boolean().default(false),
  /** True when the card is still in the reader and must be taken. */
  takeCard: z.boolean(),
});

export const certificateViewSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('idle') }),
  z.object({ step: z.literal('insert-card'), messageKey: z.string().optional() }),
  z.object({ step: z.literal('reading-card') }),
  z.object({
    step: z.literal('pin'),
    triesLeft: z.number().int().min(1).max(3),
    lastTry: z.boolean(),
    /** Set after a wrong PIN. */
    errorKey: z.string().optional(),
  }),
  z.object({ step: z.literal('authenticating') }),
  z.object({
    step: z.literal('choose'),
    offers: z.array(offerSchema),
    options: certificateOptionsViewSchema,
    errorKey: z.string().optional(),
    /** Back from the fee screen: what the citizen had chosen, so the details open as they left them. */
    chosen: certificateChoiceSchema.optional(),
    /** The certificates already put in the basket (the one on screen is added on 「次へ」 or 「追加」). */
    basket: z.array(basketItemSchema).max(MAX_BASKET_ITEMS).default([]),
    /** Items the back end refused while preparing the basket: taken out, each with its reason. */
    removed: z
      .array(z.object({ type: certificateTypeSchema, reasonKey: z.string() }))
      .max(MAX_BASKET_ITEMS)
      .default([]),
  }),
  z.object({ step: z.literal('preparing') }),
  z.object({
    step: z.literal('pay'),
    /** The last certificate chosen (the whole sale is `items`). */
    choice: certificateChoiceSchema,
    /** Every certificate of this sale with its fee (one line for a single certificate). */
    items: z
      .array(z.object({ type: certificateTypeSchema, copies: z.number().int().min(1).max(10), feeYen: z.number().int().nonnegative() }))
      .max(MAX_BASKET_ITEMS)
      .default([]),
    dueYen: z.number().int().positive(),
    insertedYen: z.number().int().nonnegative(),
    method: paymentMethodSchema.nullable(),
    /**
     * Cash: coins and notes the unit will hand straight back now, because the change they would
     * need is not in the machine (「千円札はご利用いただけません」). Empty before cash is chosen.
     */
    refusedYen: z.array(z.number().int().positive()).max(7).default([]),
    /** The citizen asked for a receipt (領収書): it prints after the certificates. */
    receipt: z.boolean().default(false),
    errorKey: z.string().optional(),
  }),
  z.object({
    step: z.literal('take-card'),
    /** Change the unit paid out. */
    changeYen: z.number().int().nonnegative(),
    /** Change the unit could not pay out (empty recycler): owed by refund voucher. */
    owedYen: z.number().int().nonnegative().default(0),
    /** The refund voucher number for `owedYen` (its slip prints after the certificate). */
    voucher: z.string().nullable().default(null),
    /** The citizen asked for a receipt (領収書); still to be chosen here until the card is taken. */
    receipt: z.boolean().default(false),
  }),
  z.object({ step: z.literal('printing'), pagesDone: z.number().int().nonnegative().nullable() }),
  z.object({
    step: z.literal('take-certificate'),
    /** Change still owed (see take-card) and its voucher, if any. */
    owedYen: z.number().int().nonnegative().default(0),
    voucher: z.string().nullable().default(null),
    /** The voucher slip (返金引換券) came out with the certificate. */
    voucherPrinted: z.boolean().default(false),
    /** Milliseconds before the kiosk goes back to its first screen by itself (a countdown on screen), counted when sent. */
    remainingMs: z.number().int().nonnegative(),
    /** A receipt was asked for: `printed` it came out, `failed` it could not be printed; null when none was asked for. */
    receipt: z.enum(['printed', 'failed']).nullable().default(null),
  }),
  z.object({ step: z.literal('failed') }).merge(failureSchema),
]);
export type CertificateView = z.infer<typeof certificateViewSchema>;
export type CertificateStep = CertificateView['step'];

/** A fixture card the simulator can insert (demo and technicians only). */
export const simCardSchema = z.object({ cardId: z.string(), label: z.string() });
