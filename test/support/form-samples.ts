/**
 * Filled forms for every template with fictional data: the residents of the card fixtures
 * (card-001 髙橋, card-008 NGUYEN VAN AN with the 通称 佐藤 安) and a "stress" person whose every
 * value is as long as the template's validation allows, in full-width characters (the widest).
 * Values are built in template order like the interview does: conditions decide which fields
 * exist, derived fields are derived. Used by the form tests and `build/scripts/render-form-samples.ts`.
 */
import type { AnswerValue, FilledForm } from '../../contract/applications';
import { evaluateCondition } from '../../main/applications/conditions';
import { deriveValue } from '../../main/applications/derive';
import { addDays } from '../../contract/japanese-calendar';
import type { DerivedRule, FormTemplate, TemplateField } from '../../main/applications/form-template-schema';

/** The day the sample forms are filled (fixed, so 和暦 output is reproducible). */
export const SAMPLE_DAY = '2026-11-28';

/** A fictional person's answers by field id; missing ids fall back to {@link typeFallback}. */
export type SamplePerson = Readonly<Record<string, AnswerValue>>;

/** card-001 (res-001): 髙橋 健太, 小倉北区, moving to 小倉南区; children and 葬祭費 data alongside. */
export const TAKAHASHI: SamplePerson = {
  name: '髙橋　健太',
  nameKana: 'タカハシ　ケンタ',
  birthDate: '1980-02-17',
  sex: 'male',
  myNumber: '382719460526',
  currentAddress: '福岡県北九州市小倉北区魚町３丁目４番５号',
  moveType: 'tenkyo',
  moveDate: '2026-11-20',
  newPostal: '8020971',
  newAddress: '福岡県北九州市小倉南区守恒本町２丁目３番４号',
  movingCount: 3,
  isHouseholder: true,
  phone: '093-555-0123',
  identityMethod: 'mynumber-card',
  jidoClaimType: 'jusho-henko',
  pensionType: 'kosei',
  child1Name: '髙橋　陽菜',
  child1NameKana: 'タカハシ　ヒナ',
  child1BirthDate: '2019-04-30',
  child1LivesWith: true,
  hasChild2: true,
  child2Name: '髙橋　湊',
  child2NameKana: 'タカハシ　ミナト',
  child2BirthDate: '2019-05-01',
  bankName: '北九州銀行',
  bankBranch: '魚町支店',
  accountType: 'futsu',
  accountNumber: '1234567',
  accountHolderKana: 'タカハシ　ケンタ',
  kokuhoReason: 'jusho-henko',
  insuredNumber: '40-123456',
  kokuhoMembers: 3,
  certType: 'juminhyo',
  certScope: 'setai',
  includeHonseki: false,
  certCopies: 2,
  certPurpose: 'kinyu',
  deceasedName: '髙橋　德次郎',
  deceasedBirthDate: '1926-12-24',
  deathDate: '2026-10-02',
  funeralDate: '2026-10-05',
  relationToDeceased: 'ko',
  previousInsurer: '全国健康保険協会福岡支部',
  kokuhoEventDate: '2026-10-31',
};

/** card-008 (res-008): a foreign resident; the card's name carries the 通称 in brackets. */
export const NGUYEN: SamplePerson = {
  ...TAKAHASHI,
  name: 'NGUYEN VAN AN（佐藤　安）',
  nameKana: 'グエン　ヴァン　アン',
  birthDate: '1996-12-01',
  sex: 'male',
  myNumber: '459261738085',
  currentAddress: '福岡県北九州市小倉北区京町４丁目６番２７－８０２号',
  moveType: 'tennyu',
  isHouseholder: false,
  householderName: 'NGUYEN THI MAI（佐藤　舞）',
  relationship: '夫',
  accountHolderKana: 'グエン　ヴァン　アン',
  child1Name: 'NGUYEN MINH KHOA（佐藤　海）',
  child1NameKana: 'グエン　ミン　コア',
  hasChild2: false,
  jidoClaimType: 'nintei',
  kokuhoReason: 'tennyu',
  certType: 'juminhyo-kisai',
  certScope: 'honnin',
  certPurpose: 'other',
  relationToDeceased: 'haigusha',
};

const WIDE = '髙'; // a full-width ideograph: as wide as any glyph the forms print

function stretch(seed: string, length: number): string {
  const chars = Array.from(seed);
  return Array.from({ length }, (_, i) => chars[i % chars.length]!).join('');
}

/** The longest value a field's validation allows, in the widest characters of its kind. */
function longest(f: TemplateField): AnswerValue | undefined {
  const max = f.validation.maxLength;
  switch (f.type) {
    case 'kana':
      return stretch('ヴァンデンボッシュ　', max ?? 60);
    case 'address':
      return stretch('福岡県北九州市小倉北区浅野三丁目８番１号リバーサイドマンション小倉東棟', max ?? 120);
    case 'text':
      if (f.validation.pattern === '\\d{12}' || f.validation.pattern === '\\d{7}') return undefined;
      if (f.id === 'insuredNumber') return '１２３４５６７８９０１２';
      return stretch(WIDE, max ?? 40);
    case 'choice': {
      // the option with the longest label prints the most text
      const opts = [...(f.options ?? [])].sort((a, b) => b.label.ja.length - a.label.ja.length);
      return opts[0]?.value;
    }
    case 'number':
      return f.validation.max ?? 9;
    case 'phone':
      return '09012345678';
    default:
      return undefined;
  }
}

/** The ISO date a `minDate`/`maxDate` bound names (`today±N` against {@link SAMPLE_DAY}). */
export function resolveBound(bound: string): string {
  const m = /^today([+-]\d+)?$/.exec(bound);
  return m ? addDays(SAMPLE_DAY, Number(m[1] ?? 0))! : bound;
}

/**
 * A person whose every value is as long as validation allows (the boxes' worst case), over the
 * fields of all `templates` (a derived field may print an answer of another form). Dates are
 * the oldest the validation allows: the oldest era the form must offer.
 */
export function stressPerson(templates: Iterable<FormTemplate>): SamplePerson {
  const out: Record<string, AnswerValue> = { ...TAKAHASHI, isHouseholder: false, hasChild2: true, child1LivesWith: false };
  for (const t of templates) {
    for (const f of t.fields) {
      if (f.source.startsWith('derived:')) continue;
      const v = f.type === 'era-date' && f.validation.minDate ? resolveBound(f.validation.minDate) : longest(f);
      if (v !== undefined) out[f.id] = v;
    }
  }
  return out;
}

/** The form the interview would produce for `person` (conditions applied, derived fields derived). */
export function sampleForm(template: FormTemplate, person: SamplePerson): FilledForm {
  const values: Record<string, AnswerValue> = {};
  const own = new Set(template.fields.map((f) => f.id));
  // a derivation may read an answer given for another form of the same interview
  const others = Object.fromEntries(Object.entries(person).filter(([id]) => !own.has(id)));
  for (const f of template.fields) {
    if (f.when && !evaluateCondition(f.when, values)) continue;
    const v = f.source.startsWith('derived:')
      ? deriveValue(f.source.slice('derived:'.length) as DerivedRule, f.args ?? [], { ...others, ...values }, SAMPLE_DAY)
      : person[f.id];
    if (v !== undefined) values[f.id] = v;
  }
  return { templateId: template.id, procedureId: 'sample', title: template.title, filledOn: SAMPLE_DAY, values };
}

/** The named sample people, for loops over "every form for every person". */
export const SAMPLE_PEOPLE = { takahashi: TAKAHASHI, nguyen: NGUYEN } as const;

/** A receipt number in the kiosk's format (ward code, day, sequence). */
export const SAMPLE_RECEIPT = '4010601-20261128-0042';
