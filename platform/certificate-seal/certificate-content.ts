/**
 * The content of one certificate as the ward back end returns it: what is printed, and what the
 * verification QR is signed over.
 *
 * Every object is strict: an unknown key (for instance a `myNumber` the kiosk must never print)
 * makes the whole content invalid rather than being silently carried along.
 */
import { z } from 'zod';
import { addressText, boundedText, isoDate, isoDateTime, issuingAuthoritySchema, personName, serialNumber, sexSchema, yen } from './content-primitives';

/** The certificate types the kiosk issues: the ward API contract owns the list. */
export { certificateTypeSchema, type CertificateType } from '../../contract/ward-api';

const common = {
  /** 交付番号, unique per issued certificate. */
  serialNumber,
  /** When the back end issued it (printed as the issue date and time). */
  issuedAt: isoDateTime,
  /** The office that certifies, printed beside the seal. */
  issuingAuthority: issuingAuthoritySchema,
};

/** One person on a 住民票. Optional fields appear only when the matching option was requested. */
export const residentRowSchema = z.strictObject({
  /** 氏名 */
  name: personName,
  /** ふりがな, when the city records it. */
  kana: boundedText(80).optional(),
  /** 生年月日 */
  birthDate: isoDate,
  /** 性別 */
  sex: sexSchema,
  /** 続柄 (e.g. 世帯主, 妻, 子), only with the 世帯主・続柄 option. */
  relationship: boundedText(20).optional(),
  /** 住民となった日 */
  becameResidentOn: isoDate,
  /** 住所を定めた日 (住定日), when recorded. */
  addressSince: isoDate.optional(),
  /** 前住所, when recorded. */
  previousAddress: addressText.optional(),
  /** 本籍, only with the 本籍・筆頭者 option. */
  honseki: addressText.optional(),
  /** 筆頭者, only with the 本籍・筆頭者 option. */
  hittosha: personName.optional(),
});
export type ResidentRow = z.infer<typeof residentRowSchema>;

export const juminhyoSchema = z
  .strictObject({
    type: z.literal('juminhyo'),
    ...common,
    /** 本人のみ / 世帯全員 / 世帯の一部. */
    scope: z.enum(['self', 'household', 'partial']),
    /** Options the citizen chose. 個人番号 is deliberately not an option at the kiosk. */
    include: z.strictObject({
      /** 世帯主の氏名と続柄 */
      householdHeadAndRelationship: z.boolean(),
      /** 本籍と筆頭者 */
      honsekiAndHittosha: z.boolean(),
    }),
    /** 住所 of the household. */
    address: addressText,
    /** 世帯主, only with the 世帯主・続柄 option. */
    householdHead: personName.optional(),
    /** The persons certified, in record order. */
    members: z.array(residentRowSchema).min(1).max(20),
  })
  .superRefine((c, ctx) => {
    if (c.scope === 'self' && c.members.length !== 1) ctx.addIssue({ code: 'custom', message: 'scope self certifies exactly one person', path: ['members'] });
    const rel = c.include.householdHeadAndRelationship;
    if (rel !== (c.householdHead !== undefined)) ctx.addIssue({ code: 'custom', message: 'householdHead present iff requested', path: ['householdHead'] });
    c.members.forEach((m, i) => {
      if (rel !== (m.relationship !== undefined))
        ctx.addIssue({ code: 'custom', message: 'relationship present iff requested', path: ['members', i, 'relationship'] });
      const hon = c.include.honsekiAndHittosha;
      const some = m.honseki !== undefined || m.hittosha !== undefined;
      const both = m.honseki !== undefined && m.hittosha !== undefined;
      if (hon ? !both : some) {
        ctx.addIssue({ code: 'custom', message: 'honseki/hittosha present iff requested', path: ['members', i, 'honseki'] });
      }
    });
  });

/** A registered seal impression, described as a vector so no image bytes travel. */
export const sealImpressionSchema = z.strictObject({
  /** Outline of the seal. */
  shape: z.enum(['circle', 'square']),
  /** The characters carved in the seal, read top to bottom, right to left (1-4). */
  text: boundedText(4),
});

export const inkanSchema = z.strictObject({
  type: z.literal('inkan'),
  ...common,
  /** 登録番号 */
  registrationNumber: z.string().regex(/^[0-9A-Z-]{1,20}$/u),
  holder: z.strictObject({ name: personName, birthDate: isoDate, sex: sexSchema.optional(), address: addressText }),
  /** 印影 */
  impression: sealImpressionSchema,
});

/** One item of a 戸籍 身分事項 entry, e.g. { label: '出生日', value: '平成2年4月1日' }. */
export const kosekiItemSchema = z.strictObject({ label: boundedText(12), value: boundedText(100) });

/** One 身分事項 (or 戸籍事項) entry: a kind such as 出生 or 婚姻 and its items. */
export const kosekiEventSchema = z.strictObject({
  kind: boundedText(12),
  items: z.array(kosekiItemSchema).min(1).max(12),
});

export const kosekiPersonSchema = z.strictObject({
  /** 氏名 of the person (戸籍 prints 名 under the 筆頭者's 氏; the full name is kept here). */
  name: personName,
  birthDate: isoDate,
  sex: sexSchema,
  father: personName.optional(),
  mother: personName.optional(),
  /** 続柄, e.g. 長男, 長女. Absent for the 筆頭者 and spouses. */
  relationship: boundedText(10).optional(),
  /** true when the person has left this 戸籍 (除籍). */
  removed: z.boolean().optional(),
  events: z.array(kosekiEventSchema).max(30),
});

const kosekiBody = {
  ...common,
  /** 本籍 */
  honseki: addressText,
  /** 筆頭者氏名 */
  hittosha: personName,
  /** 戸籍事項 (e.g. 戸籍改製). */
  kosekiEvents: z.array(kosekiEventSchema).max(10),
};

export const kosekiZenbuSchema = z.strictObject({
  type: z.literal('koseki-zenbu'),
  ...kosekiBody,
  persons: z.array(kosekiPersonSchema).min(1).max(20),
});

export const kosekiKojinSchema = z.strictObject({
  type: z.literal('koseki-kojin'),
  ...kosekiBody,
  persons: z.array(kosekiPersonSchema).length(1),
});

export const fuhyoSchema = z.strictObject({
  type: z.literal('fuhyo'),
  ...common,
  honseki: addressText,
  hittosha: personName,
  persons: z
    .array(
      z.strictObject({
        name: personName,
        birthDate: isoDate,
        /** 住所の履歴, oldest first. */
        addresses: z
          .array(z.strictObject({ address: addressText, since: isoDate }))
          .min(1)
          .max(30),
      }),
    )
    .min(1)
    .max(20),
});

export const kazeiSchema = z.strictObject({
  type: z.literal('kazei'),
  ...common,
  /** 年度 of the tax (e.g. 2025 = 令和7年度, over income of 2024). */
  fiscalYear: z.number().int().min(1990).max(2100),
  taxpayer: z.strictObject({ name: personName, birthDate: isoDate.optional(), address: addressText }),
  income: z.strictObject({ salary: yen, business: yen, other: yen, total: yen }),
  deductions: z.strictObject({ social: yen, basic: yen, dependents: yen, total: yen }),
  taxableIncome: yen,
  tax: z.strictObject({ municipal: yen, prefectural: yen, total: yen }),
  dependents: z.strictObject({ spouse: z.boolean(), count: z.number().int().min(0).max(20) }),
});

/** Any certificate's content. */
export const certificateContentSchema = z.discriminatedUnion('type', [
  juminhyoSchema,
  inkanSchema,
  kosekiZenbuSchema,
  kosekiKojinSchema,
  fuhyoSchema,
  kazeiSchema,
]);
export type CertificateContent = z.infer<typeof certificateContentSchema>;
export type JuminhyoContent = z.infer<typeof juminhyoSchema>;
export type InkanContent = z.infer<typeof inkanSchema>;
export type KosekiContent = z.infer<typeof kosekiZenbuSchema> | z.infer<typeof kosekiKojinSchema>;
export type FuhyoContent = z.infer<typeof fuhyoSchema>;
export type KazeiContent = z.infer<typeof kazeiSchema>;

/** The names of the persons a certificate is about, in printed order. */
export function subjectNames(c: CertificateContent): string[] {
  switch (c.type) {
    case 'juminhyo':
      return c.members.map((m) => m.name);
    case 'inkan':
      return [c.holder.name];
    case 'koseki-zenbu':
    case 'koseki-kojin':
      return c.persons.map((p) => p.name);
    case 'fuhyo':
      return c.persons.map((p) => p.name);
    case 'kazei':
      return [c.taxpayer.name];
  }
}
