/**
 * Shapes of the 書かない窓口 (no-writing applications) journey that the renderer shows:
 * the procedure guide, interview questions and answers, validation errors, the review
 * screen and postal look-up results. zod only: shared by renderer and main.
 *
 * Values never carry personal data into logs; these shapes travel over IPC only.
 */
import { z } from 'zod';
import { ERA_NAMES } from './japanese-calendar';

/** A text in several UI languages; `ja` and `en` are always present. */
export const localizedTextSchema = z.object({ ja: z.string().min(1), en: z.string().min(1) }).catchall(z.string().min(1));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Where the citizen does a procedure the kiosk cannot do. */
export const officeIdSchema = z.enum([
  'kiosk',
  'shiminka', // 区役所 市民課
  'hoken-nenkin', // 区役所 保険年金課
  'kodomo-katei', // 区役所 子ども・家庭政策課 (fictional name for the demo)
  'nenkin-jimusho', // 年金事務所
  'kyoiku-iinkai', // 教育委員会 / 学校
  'other',
]);
export type OfficeId = z.infer<typeof officeIdSchema>;

/**
 * The tiny condition language used by templates and the guide, as data:
 * `{ "eq": ["moveType", "転居"] }`, `{ "in": ["reason", ["a","b"]] }`, `{ "truthy": "hasChildren" }`,
 * `{ "answered": "x" }`, `{ "and": [...] }`, `{ "or": [...] }`, `{ "not": c }`.
 * A field that has not been answered yet makes `eq`/`in`/`truthy` false.
 */
export type Condition =
  | { eq: [string, string | number | boolean] }
  | { ne: [string, string | number | boolean] }
  | { in: [string, (string | number | boolean)[]] }
  | { truthy: string }
  | { answered: string }
  | { and: Condition[] }
  | { or: Condition[] }
  | { not: Condition };

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ eq: z.tuple([z.string().min(1), scalarSchema]) }),
    z.strictObject({ ne: z.tuple([z.string().min(1), scalarSchema]) }),
    z.strictObject({ in: z.tuple([z.string().min(1), z.array(scalarSchema).min(1)]) }),
    z.strictObject({ truthy: z.string().min(1) }),
    z.strictObject({ answered: z.string().min(1) }),
    z.strictObject({ and: z.array(conditionSchema).min(1) }),
    z.strictObject({ or: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** Kinds of input a question needs; the renderer picks the keypad/picker from it. */
export const fieldTypeSchema = z.enum(['text', 'kana', 'date', 'era-date', 'postal', 'address', 'choice', 'checkbox', 'number', 'phone']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/**
 * A date bound: an ISO date `YYYY-MM-DD`, `today`, or `today+N` / `today-N` (days).
 */
export const dateBoundSchema = z.string().regex(/^(\d{4}-\d{2}-\d{2}|today([+-]\d{1,5})?)$/);

/** Validation rules of one field (all optional). */
export const fieldValidationSchema = z.strictObject({
  /** An answer must be given (false/empty is not an answer, except a checkbox's false). */
  required: z.boolean().optional(),
  /** A regular expression (no flags) the normalised text must match in full. */
  pattern: z.string().optional(),
  /** Message key shown when `pattern` fails (defaults to `pattern`). */
  patternMessage: z.string().optional(),
  /** Length bounds in characters (code points) of the normalised text. */
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).optional(),
  /** Bounds of a number answer. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Bounds of a date answer. */
  minDate: dateBoundSchema.optional(),
  maxDate: dateBoundSchema.optional(),
  /** A check-digit algorithm the text must satisfy. */
  checkDigit: z.enum(['myNumber']).optional(),
});
export type FieldValidation = z.infer<typeof fieldValidationSchema>;

/** One option of a choice question. */
export const choiceOptionSchema = z.strictObject({
  /** The stored value (also what the form prints unless `print` says otherwise). */
  value: z.string().min(1),
  label: localizedTextSchema,
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

/** An answer value: text/date (ISO) as string, checkbox as boolean, number as number. */
export const answerValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** One screen of the interview. */
export const questionSchema = z.strictObject({
  /** The field id; shared by every form that needs it, so it is asked once. */
  id: z.string().min(1),
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  type: fieldTypeSchema,
  options: z.array(choiceOptionSchema).optional(),
  validation: fieldValidationSchema,
  /** A suggested value (e.g. today's date, the applicant as householder), already valid. */
  defaultValue: answerValueSchema.optional(),
  /** Template ids of the forms this answer goes into. */
  usedBy: z.array(z.string()),
  /** True for a guide screening question (e.g. "household has children?"), not a form field. */
  screening: z.boolean(),
});
export type Question = z.infer<typeof questionSchema>;

/** A validation failure: a message key (see content/demo-ward/forms/messages.json) and its parameters. */
export const validationErrorSchema = z.strictObject({
  code: z.enum([
    'required',
    'pattern',
    'too-short',
    'too-long',
    'too-small',
    'too-large',
    'not-a-number',
    'invalid-date',
    'date-too-early',
    'date-too-late',
    'not-kana',
    'bad-choice',
    'bad-check-digit',
    'wrong-type',
    'unknown-question',
    'not-applicable',
    'bad-postal',
    'bad-characters',
  ]),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The question the error is about. */
  questionId: z.string(),
});
export type ValidationError = z.infer<typeof validationErrorSchema>;

/** One line of the review screen. */
export const reviewFieldSchema = z.strictObject({
  fieldId: z.string(),
  label: localizedTextSchema,
  /** The value as the form prints it (era dates in 和暦, choices by label). */
  display: z.string(),
  source: z.enum(['card', 'interview', 'derived', 'preset']),
  /** The question to go back to for a change; absent for card and derived values. */
  editQuestionId: z.string().optional(),
  /**
   * The value in a form the screen can put in the citizen's language (a Western date, the choice's
   * label in every language the content has, yes/no); absent where the printed text is all there is.
   */
  value: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('date'), iso: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
      z.strictObject({ kind: z.literal('choice'), label: localizedTextSchema }),
      z.strictObject({ kind: z.literal('yes-no'), yes: z.boolean() }),
    ])
    .optional(),
});
export type ReviewField = z.infer<typeof reviewFieldSchema>;
export const reviewFormSchema = z.strictObject({
  templateId: z.string(),
  procedureId: z.string(),
  title: localizedTextSchema,
  fields: z.array(reviewFieldSchema),
});
export type ReviewForm = z.infer<typeof reviewFormSchema>;

/** A form with every value it prints; what the PDF renderer and the back end receive. */
export const filledFormSchema = z.strictObject({
  templateId: z.string(),
  procedureId: z.string(),
  title: localizedTextSchema,
  /** The date the forms were filled (ISO), used for 届出日. */
  filledOn: z.string(),
  /** Field id → value; only fields whose condition held. */
  values: z.record(z.string(), answerValueSchema),
});
export type FilledForm = z.infer<typeof filledFormSchema>;

/** A procedure as the guide shows it. */
export const guideProcedureSchema = z.strictObject({
  id: z.string(),
  name: localizedTextSchema,
  kioskCanDo: z.boolean(),
  office: officeIdSchema,
  officeName: localizedTextSchema,
  formIds: z.array(z.string()),
  documents: z.array(localizedTextSchema),
  conditionLabel: localizedTextSchema.optional(),
  note: localizedTextSchema.optional(),
  optional: z.boolean(),
});
export type GuideProcedure = z.infer<typeof guideProcedureSchema>;

/** One life event (引っ越し, 出生, ...) as the guide shows it. */
export const guideEventSchema = z.strictObject({
  id: z.string(),
  title: localizedTextSchema,
  group: localizedTextSchema.optional(),
  procedures: z.array(guideProcedureSchema),
});
export type GuideEvent = z.infer<typeof guideEventSchema>;

/** A guide search hit. */
export const guideSearchHitSchema = z.strictObject({
  kind: z.enum(['event', 'procedure']),
  id: z.string(),
  /** For a procedure: the events it belongs to. */
  eventIds: z.array(z.string()),
  title: localizedTextSchema,
  score: z.number(),
});
export type GuideSearchHit = z.infer<typeof guideSearchHitSchema>;

/** A postal look-up candidate (Japan Post data). */
export const postalCandidateSchema = z.strictObject({
  postalCode: z.string().regex(/^\d{7}$/),
  prefecture: z.string(),
  city: z.string(),
  /** 町域; empty when Japan Post lists the code for the whole ward (以下に掲載がない場合). */
  town: z.string(),
  /** 全国地方公共団体コード (5 digits). */
  cityCode: z.string(),
});
export type PostalCandidate = z.infer<typeof postalCandidateSchema>;

/** A Japanese-era date. */
export const warekiSchema = z.strictObject({
  era: z.enum(ERA_NAMES),
  /** 1 = 元年. */
  year: z.number().int().min(1),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
});
export type Wareki = z.infer<typeof warekiSchema>;

/**
 * What the My Number Card's 券面事項入力補助AP gave (after its 4-digit PIN): the basic four
 * and the 個人番号. Absent keys are asked in the interview (manual entry without a card).
 * `birthDate` is ISO `YYYY-MM-DD`; `sex` maps the AP's 1/2 to male/female (3/9 → absent).
 */
export const cardFactsSchema = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  address: z.string().min(1).max(200).optional(),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  sex: z.enum(['male', 'female']).optional(),
  myNumber: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export type CardFacts = z.infer<typeof cardFactsSchema>;
