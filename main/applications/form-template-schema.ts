/**
 * zod schema of a form template (`<content>/forms/<id>.json`): its fields (source, validation,
 * conditions) and its A4 layout in millimetres. Cross-checks that JSON Schema cannot express
 * (ids unique, conditions and derivations refer to earlier fields, My Number only where the
 * template names its legal basis) are in `superRefine`, so every error carries a path.
 */
import { z } from 'zod';
import {
  choiceOptionSchema,
  conditionSchema,
  fieldTypeSchema,
  fieldValidationSchema,
  localizedTextSchema,
  answerValueSchema,
  type Condition,
} from '../../contract/applications';

/** Rules a `derived:<rule>` source may name; `args` are field ids or `=literal`. */
export const DERIVED_RULES = ['today', 'age', 'copy', 'firstOf', 'pick', 'switch', 'join'] as const;
export type DerivedRule = (typeof DERIVED_RULES)[number];

export const CARD_SOURCES = ['card.name', 'card.address', 'card.birthDate', 'card.sex', 'card.myNumber'] as const;
export type CardSource = (typeof CARD_SOURCES)[number];

const sourceSchema = z.union([z.enum(CARD_SOURCES), z.literal('interview'), z.templateLiteral(['derived:', z.enum(DERIVED_RULES)])]);

const derivationSchema = z.strictObject({ rule: z.enum(DERIVED_RULES), args: z.array(z.string()).default([]) });

export const fieldSchema = z.strictObject({
  /** Global field id: the same id in two templates is the same answer, asked once. */
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  type: fieldTypeSchema,
  source: sourceSchema,
  /** Arguments of a derived source: field ids, `today`, or `=literal`. */
  args: z.array(z.string()).optional(),
  options: z.array(choiceOptionSchema).min(1).optional(),
  validation: fieldValidationSchema.default({}),
  /** The field exists (is asked, printed) only when this holds. */
  when: conditionSchema.optional(),
  /** A literal suggestion for the interview. */
  defaultValue: answerValueSchema.optional(),
  /** A derived suggestion for the interview (e.g. today, the applicant's name). */
  defaultFrom: derivationSchema.optional(),
});
export type TemplateField = z.infer<typeof fieldSchema>;

const mm = z.number().min(0).max(297);
const rect = { x: mm, y: mm, w: z.number().positive().max(210), h: z.number().positive().max(297) };

export const layoutElementSchema = z.discriminatedUnion('kind', [
  /** Large centred title. */
  z.strictObject({ kind: z.literal('title'), ...rect, text: z.string(), size: z.number().positive().optional() }),
  /** Static text (notes, addressee, units). */
  z.strictObject({
    kind: z.literal('label'),
    ...rect,
    text: z.string(),
    size: z.number().positive().optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
  }),
  /** A ruled cell; with `label`, a shaded label column of `labelWidth` mm on its left. */
  z.strictObject({
    kind: z.literal('box'),
    ...rect,
    label: z.string().optional(),
    labelWidth: z.number().positive().optional(),
    bold: z.boolean().optional(),
  }),
  /** A field's value; `format` picks how (plain, 和暦 text, choice label, with 様). */
  z.strictObject({
    kind: z.literal('field'),
    ...rect,
    field: z.string(),
    size: z.number().positive().optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
    format: z.enum(['plain', 'wareki', 'choice', 'postal', 'number']).optional(),
  }),
  /** The フリガナ row above a name: small katakana. */
  z.strictObject({ kind: z.literal('furigana'), ...rect, field: z.string() }),
  /** A date as 令和/平成/昭和 checkboxes + 年 月 日. */
  z.strictObject({
    kind: z.literal('eraDate'),
    ...rect,
    field: z.string(),
    eras: z.array(z.enum(['明治', '大正', '昭和', '平成', '令和'])).min(1),
  }),
  /** A checkbox, ticked when the field equals `value` (or is true when no value is given). */
  z.strictObject({
    kind: z.literal('checkbox'),
    x: mm,
    y: mm,
    field: z.string(),
    value: z.union([z.string(), z.boolean()]).optional(),
    label: z.string(),
    size: z.number().positive().optional(),
  }),
  /** One box per digit (postal code, My Number, account number). */
  z.strictObject({ kind: z.literal('digits'), ...rect, field: z.string(), count: z.number().int().min(1).max(16) }),
  /** A box the citizen or the clerk signs or stamps in. */
  z.strictObject({ kind: z.literal('signature'), ...rect, label: z.string() }),
  /** Receipt number area. */
  z.strictObject({ kind: z.literal('receipt'), ...rect }),
  /** QR code of the receipt number. */
  z.strictObject({ kind: z.literal('qr'), x: mm, y: mm, size: z.number().positive().max(60) }),
  z.strictObject({ kind: z.literal('line'), x1: mm, y1: mm, x2: mm, y2: mm }),
]);
export type LayoutElement = z.infer<typeof layoutElementSchema>;

export const formTemplateSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    title: localizedTextSchema,
    /** Which office receives it. */
    office: z.string(),
    /** The legal basis for asking 個人番号; required iff a field has source card.myNumber. */
    myNumberBasis: localizedTextSchema.optional(),
    fields: z.array(fieldSchema).min(1),
    layout: z.strictObject({ page: z.literal('A4'), elements: z.array(layoutElementSchema).min(1) }),
  })
  .superRefine((t, ctx) => {
    const seen = new Map<string, number>();
    t.fields.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field id "${f.id}"` });
      for (const ref of conditionRefs(f.when)) {
        if (!seen.has(ref))
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'when'], message: `condition refers to "${ref}", which is not an earlier field` });
      }
      const derived = f.source.startsWith('derived:');
      if (derived && f.source !== 'derived:today' && (f.args ?? []).length === 0) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'args'], message: `${f.source} needs args` });
      }
      if (!derived && f.args) ctx.addIssue({ code: 'custom', path: ['fields', i, 'args'], message: 'args only go with a derived source' });
      // Derivation args may name fields of other forms in the same interview (resolved at fill
      // time), so they are checked across all templates by the loader, not here.
      if (f.type === 'choice' && !f.options) ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'a choice field needs options' });
      if (f.source === 'card.myNumber' && !t.myNumberBasis) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'source'], message: '個人番号 only where the form legally requires it: add myNumberBasis' });
      }
      if (f.validation.pattern !== undefined) {
        try {
          new RegExp(f.validation.pattern, 'u');
        } catch {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'validation', 'pattern'], message: 'not a valid regular expression' });
        }
      }
      seen.set(f.id, i);
    });
    if (t.myNumberBasis && !t.fields.some((f) => f.source === 'card.myNumber')) {
      ctx.addIssue({ code: 'custom', path: ['myNumberBasis'], message: 'myNumberBasis without a card.myNumber field' });
    }
    t.layout.elements.forEach((e, i) => {
      if ('field' in e && !seen.has(e.field)) {
        ctx.addIssue({ code: 'custom', path: ['layout', 'elements', i, 'field'], message: `unknown field "${e.field}"` });
      }
      if ('w' in e && (e.x + e.w > 210.01 || e.y + e.h > 297.01)) {
        ctx.addIssue({ code: 'custom', path: ['layout', 'elements', i], message: 'element leaves the A4 page' });
      }
    });
  });
export type FormTemplate = z.infer<typeof formTemplateSchema>;

/** Every field id a condition reads. */
export function conditionRefs(c: Condition | undefined): string[] {
  if (!c) return [];
  if ('eq' in c) return [c.eq[0]];
  if ('ne' in c) return [c.ne[0]];
  if ('in' in c) return [c.in[0]];
  if ('truthy' in c) return [c.truthy];
  if ('answered' in c) return [c.answered];
  if ('and' in c) return c.and.flatMap(conditionRefs);
  if ('or' in c) return c.or.flatMap(conditionRefs);
  return conditionRefs(c.not);
}
