/**
 * Wire schemas of the ward back-end API (kiosk ↔ ward back end), shared by the reference back end
 * (backend/) and the kiosk's client (main/). zod only, no Node: both sides validate every body.
 *
 * Routing: one back end per ward. A ward's base URL is `<origin>/wards/<wardId>`; every endpoint
 * below is relative to it (e.g. `POST <origin>/wards/kokurakita/v1/auth/nonce`). The reference
 * server serves all seven wards of Kitakyushu from one process under those prefixes; a real
 * deployment may give each ward its own origin. The OpenAPI file is backend/openapi.yaml.
 */
import { z } from 'zod';

// ---------------------------------------------------------------- wards

/** Kitakyushu's seven wards (ids are romanised ward names). */
export const wardIds = ['moji', 'kokurakita', 'kokuraminami', 'wakamatsu', 'yahatahigashi', 'yahatanishi', 'tobata'] as const;
export const wardIdSchema = z.enum(wardIds);
export type WardId = z.infer<typeof wardIdSchema>;

/** Name and 全国地方公共団体コード (without check digit) of each ward. */
export const wardInfo: Readonly<Record<WardId, { nameJa: string; code: string }>> = {
  moji: { nameJa: '門司区', code: '40101' },
  wakamatsu: { nameJa: '若松区', code: '40103' },
  tobata: { nameJa: '戸畑区', code: '40105' },
  kokurakita: { nameJa: '小倉北区', code: '40106' },
  kokuraminami: { nameJa: '小倉南区', code: '40107' },
  yahatahigashi: { nameJa: '八幡東区', code: '40108' },
  yahatanishi: { nameJa: '八幡西区', code: '40109' },
};

/** Path of a ward's API below the server origin. */
export function wardBasePath(ward: WardId): string {
  return `/wards/${ward}`;
}

// ---------------------------------------------------------------- errors

/** Every non-2xx body. `code` is machine-readable; `message` is for logs, never shown to citizens. */
export const apiErrorSchema = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(500),
  /** Present on `validation-failed`: which fields were wrong. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** Error codes the back end sends, by HTTP status. */
export const apiErrorCodes = {
  400: ['validation-failed', 'malformed-json', 'missing-idempotency-key'],
  401: [
    'session-invalid',
    'nonce-unknown',
    'nonce-expired',
    'nonce-used',
    'signature-invalid',
    'certificate-malformed',
    'certificate-untrusted',
    'certificate-expired',
    'certificate-not-yet-valid',
    'certificate-revoked',
    'certificate-unmapped',
    'revocation-unavailable',
  ],
  403: ['kiosk-not-allowed', 'clerk-certificate-required', 'client-certificate-revoked', 'not-your-issuance', 'faults-disabled'],
  404: ['not-found', 'unknown-ward'],
  405: ['method-not-allowed'],
  409: ['resident-not-in-ward', 'idempotency-key-reused', 'already-printed', 'already-voided'],
  /** A submission's electronic signature was refused (contract/submission-signature.ts). */
  422: [
    'e-signature-malformed',
    'e-signature-certificate-malformed',
    'e-signature-certificate-untrusted',
    'e-signature-certificate-not-yet-valid',
    'e-signature-certificate-expired',
    'e-signature-certificate-revoked',
    'e-signature-invalid',
  ],
  413: ['body-too-large'],
  415: ['unsupported-media-type'],
  500: ['internal', 'injected-fault'],
  /**
   * The back end cannot check revocation now (no current CRL): of a signing certificate (the kiosk
   * retries the submission later), or of the kiosk's own client certificate (every request).
   */
  503: ['e-signature-revocation-unavailable', 'client-revocation-unavailable'],
} as const;

// ---------------------------------------------------------------- health

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  /** Wards this server answers for. */
  wards: z.array(wardIdSchema),
  /** Server clock (ISO 8601), so a kiosk can spot clock skew. */
  time: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

// ---------------------------------------------------------------- auth (JPKI user authentication)

const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** `POST /v1/auth/nonce` → a single-use challenge for the card to sign. */
export const nonceResponseSchema = z.object({
  /** 32 random bytes, base64. The card signs DigestInfo(SHA-256(nonce bytes)) with its user-auth key. */
  nonce: base64(32),
  /** After this instant the nonce is refused (`nonce-expired`). */
  expiresAt: z.string(),
});
export type NonceResponse = z.infer<typeof nonceResponseSchema>;

/** `POST /v1/auth/verify` body. */
export const verifyRequestSchema = z
  .object({
    /** The nonce exactly as returned by `/v1/auth/nonce`. */
    nonce: base64(32).min(1),
    /** RSASSA-PKCS1-v1_5 signature (the card's COMPUTE DIGITAL SIGNATURE output), base64. */
    signature: base64(512).min(1),
    /** The card's user-authentication certificate (EF 000A), DER, base64. */
    certificate: base64(4096).min(1),
  })
  .strict();
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

export const verifyResponseSchema = z.object({
  /** Bearer token for the certificate endpoints; bound to this kiosk and resident. */
  sessionToken: z.string().min(32).max(128),
  expiresAt: z.string(),
  /** Opaque resident id (the ward's key, not the My Number). */
  residentId: z.string(),
  ward: wardIdSchema,
});
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

/** `POST /v1/auth/logout` (Bearer token) answer: `ended` is false for a token already gone (idempotent). */
export const logoutResponseSchema = z.object({ ended: z.boolean() });
export type LogoutResponse = z.infer<typeof logoutResponseSchema>;

// ---------------------------------------------------------------- certificates

/** Certificate type ids; the sealed content schema (platform/certificate-seal) uses this list too. */
export const certificateTypes = [
  'juminhyo', // 住民票の写し
  'inkan', // 印鑑登録証明書
  'koseki-zenbu', // 戸籍全部事項証明書
  'koseki-kojin', // 戸籍個人事項証明書
  'fuhyo', // 戸籍の附票の写し
  'kazei', // 所得・課税証明書
] as const;
export const certificateTypeSchema = z.enum(certificateTypes);
export type CertificateType = z.infer<typeof certificateTypeSchema>;

/** Why the back end refuses a certificate (the real service refuses the same). */
export const refusalReasons = [
  'moved-out-scheduled', // 転出予定者
  'dv-support-measure', // DV等支援措置の対象者
  'deceased',
  'no-seal-registration',
  'honseki-outside-city-unregistered', // 本籍が市外で本籍地利用登録なし
  'no-family-register', // 本籍なし (e.g. foreign residents)
  'no-tax-record', // 該当年度の課税台帳なし
  'member-not-in-household',
  'member-not-in-register',
] as const;
export const refusalReasonSchema = z.enum(refusalReasons);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

/** 住民票's scopes: 本人 / 世帯全員 / 世帯の一部. */
export const juminhyoScopes = ['self', 'household', 'partial'] as const;

const memberIds = z.array(z.string().min(1).max(64)).min(1).max(20);
const copies = z.number().int().min(1).max(10);

/** 住民票の写し: 本人 / 世帯全員 / 世帯の一部 (memberIds). 個人番号 and 住民票コード are never available at a kiosk. */
export const juminhyoOptionsSchema = z
  .object({
    scope: z.enum(juminhyoScopes),
    /** Only with `partial`: resident ids of the household members to include (from the options endpoint). */
    memberIds: memberIds.optional(),
    /** 世帯主・続柄 */
    householdHeadAndRelationship: z.boolean().default(false),
    /** 本籍・筆頭者 */
    honsekiAndHittosha: z.boolean().default(false),
  })
  .strict()
  .refine((o) => (o.scope === 'partial') === (o.memberIds !== undefined), {
    message: 'memberIds is required with scope partial and forbidden otherwise',
    path: ['memberIds'],
  });

/** `POST /v1/certificates` body; headers `Authorization: Bearer <sessionToken>` and `Idempotency-Key`. */
export const issueCertificateRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('juminhyo'), options: juminhyoOptionsSchema, copies }).strict(),
  z.object({ type: z.literal('inkan'), copies }).strict(),
  z.object({ type: z.literal('koseki-zenbu'), copies }).strict(),
  z
    .object({
      type: z.literal('koseki-kojin'),
      /** Whose 個人事項 (one person per certificate); default: the authenticated resident. */
      options: z
        .object({ memberId: z.string().min(1).max(64).optional() })
        .strict()
        .default({}),
      copies,
    })
    .strict(),
  z.object({ type: z.literal('fuhyo'), copies }).strict(),
  z
    .object({
      type: z.literal('kazei'),
      /** 年度 in the Gregorian calendar (2025 = 令和7年度); default: the latest on record. */
      options: z
        .object({ fiscalYear: z.number().int().min(2000).max(2100).optional() })
        .strict()
        .default({}),
      copies,
    })
    .strict(),
]);
export type IssueCertificateRequest = z.infer<typeof issueCertificateRequestSchema>;

export const feeSchema = z.object({
  unitYen: z.number().int().nonnegative(),
  copies: z.number().int().min(1),
  totalYen: z.number().int().nonnegative(),
});

/**
 * `POST /v1/certificates` response (200 either way: a refusal is an answer, not a failure).
 * `certificate` is the content defined by platform/certificate-seal (`certificateContentSchema`,
 * which has Node-side helpers and so cannot live here): the kiosk must validate it with that schema
 * and check `qrPayload` with `verifySeal(qrPayload, cityPublicKey, { content })` before printing.
 */
export const issueCertificateResponseSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('issued'),
    /** 交付番号 (equals certificate.serialNumber); use it to void. */
    serial: z.string(),
    certificate: z.record(z.string(), z.unknown()),
    /** The QR text (MDG1.…) signed with the city seal key. */
    qrPayload: z.string(),
    fee: feeSchema,
  }),
  z.object({ outcome: z.literal('refused'), reason: refusalReasonSchema, message: z.string() }),
]);
export type IssueCertificateResponse = z.infer<typeof issueCertificateResponseSchema>;

/** Ids the back end hands out for people (resident and 戸籍 member ids): opaque, never a name. */
const personIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const personNameSchema = z.string().min(1).max(64);

/**
 * `GET /v1/certificates/options` response: what this resident may get here, with fees, and every
 * option the back end would accept, so the kiosk asks nothing it would refuse. The names are
 * personal data: shown to the authenticated citizen to choose, never logged.
 */
export const certificateOptionsResponseSchema = z.object({
  ward: wardIdSchema,
  types: z
    .array(
      z.object({
        type: certificateTypeSchema,
        available: z.boolean(),
        /** Set when `available` is false. */
        refusal: refusalReasonSchema.optional(),
        unitFeeYen: z.number().int().nonnegative().max(100_000),
      }),
    )
    .max(certificateTypes.length),
  /** 住民票 scopes this resident may ask for (世帯全員 and 世帯の一部 only with others in the household). */
  juminhyoScopes: z.array(z.enum(juminhyoScopes)).min(1).max(3),
  /** Household members selectable for scope `partial`, head first (names shown to the citizen to choose). */
  householdMembers: z
    .array(
      z.object({
        residentId: personIdSchema,
        name: personNameSchema,
        relationship: z.string().max(16),
        /** The authenticated resident. */
        self: z.boolean(),
        /** The member has a 本籍 the 住民票 may print (本籍・筆頭者 is refused for a member without). */
        honseki: z.boolean(),
      }),
    )
    .max(20),
  /** Living members of the resident's 戸籍, selectable for the 個人事項証明書. */
  registerMembers: z.array(z.object({ memberId: personIdSchema, name: personNameSchema, self: z.boolean() })).max(50),
  /** Fiscal years (年度) the ward offers with a tax record, newest (current) first. */
  taxYears: z
    .array(z.number().int().min(2000).max(2100))
    .max(20)
    .refine((years) => years.every((y, i) => i === 0 || y < years[i - 1]!), 'taxYears must be strictly descending (newest first)'),
});
export type CertificateOptionsResponse = z.infer<typeof certificateOptionsResponseSchema>;

/** `POST /v1/certificates/{serial}/void` body: the kiosk could not print an issued certificate. */
export const voidRequestSchema = z
  .object({
    reason: z.enum(['print-failed', 'paper-out', 'paper-jam', 'cancelled', 'power-loss']),
  })
  .strict();
export type VoidRequest = z.infer<typeof voidRequestSchema>;

/** Answer of `/void`, `/printed` and `GET /v1/certificates/{serial}`. */
export const issuanceStatusResponseSchema = z.object({
  serial: z.string(),
  status: z.enum(['issued', 'printed', 'voided']),
  /** Yen to refund to the citizen (the fee when voided, else 0). */
  refundYen: z.number().int().nonnegative(),
});
export type IssuanceStatusResponse = z.infer<typeof issuanceStatusResponseSchema>;

// ---------------------------------------------------------------- submissions (書かない窓口)

/**
 * `POST /v1/submissions` body (what main/outbox's HTTP sender posts); header `Idempotency-Key`
 * is required. The same key with the same body returns the same receipt (200 on replay, 201 first).
 */
export const submissionRequestSchema = z
  .object({
    /** Form type id, e.g. `jumin-ido-todoke`. */
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    /** The kiosk's destination queue name (informational; the ward is the URL's). */
    destination: z.string().max(64).optional(),
    /** The receipt number the kiosk printed for the citizen. */
    localReceiptNumber: z.string().max(64).optional(),
    /** When the kiosk queued it (ISO 8601). */
    createdAt: z.string().max(40).optional(),
    /** The filled form (any JSON, within the body limit). */
    payload: z.json(),
  })
  .strict();
export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/);

export const submissionReceiptSchema = z.object({
  /** 受付番号, e.g. `40106-20251128-000001`. */
  receiptNumber: z.string(),
  kind: z.string(),
  status: z.literal('received'),
  receivedAt: z.string(),
});
export type SubmissionReceipt = z.infer<typeof submissionReceiptSchema>;

/**
 * `GET /v1/submissions/by-receipt/{receipt}`: what a clerk's desk learns from the receipt number
 * the kiosk printed on the forms (and in their QR). No personal data: the status and the forms.
 */
export const submissionLookupSchema = submissionReceiptSchema.extend({
  /** The kiosk's receipt number, as printed on the forms. */
  localReceiptNumber: z.string(),
  /** The kiosk that took the application (client-certificate CN). */
  kioskId: z.string(),
  /** The forms of the submission, in order, as the kiosk printed them. */
  forms: z.array(z.object({ templateId: z.string(), title: z.string() })),
  /** True when the submission carried an electronic signature (署名用電子証明書) that verified on receipt. */
  eSigned: z.boolean(),
});
export type SubmissionLookup = z.infer<typeof submissionLookupSchema>;

// ---------------------------------------------------------------- fault injection (tests and demo only)

/** `POST <origin>/v1/_faults` (server-wide, only when the server was started with faults enabled). */
export const faultRequestSchema = z.discriminatedUnion('mode', [
  /** Stop listening (connections are refused) for `durationMs`, then listen again on the same port. */
  z.object({ mode: z.literal('down'), durationMs: z.number().int().min(1).max(600_000) }).strict(),
  /** Delay every later response by `delayMs`. */
  z.object({ mode: z.literal('slow'), delayMs: z.number().int().min(0).max(120_000) }).strict(),
  /** Answer the next `count` API requests with HTTP 500 `injected-fault`. */
  z.object({ mode: z.literal('http500'), count: z.number().int().min(1).max(1000) }).strict(),
  /** For the next `count` state-changing requests: commit, then destroy the socket without answering. */
  z.object({ mode: z.literal('drop-after-commit'), count: z.number().int().min(1).max(1000) }).strict(),
  z.object({ mode: z.literal('clear') }).strict(),
]);
export type FaultRequest = z.infer<typeof faultRequestSchema>;
/** The back end's answer to a fault request (`state` only when it stays up). */
export const faultAppliedSchema = z.object({ applied: z.string().max(32) }).passthrough();
