/**
 * The card's 券面事項入力補助AP record → the interview's card facts. Each fact is checked on its
 * own: one the interview's schema refuses (too long, odd date) is left out and asked instead,
 * rather than losing everything the card gave. Personal data: never log the result.
 */
import { cardFactsSchema, type CardFacts } from '../../contract/applications';
import type { TextApRecord } from '../../devices/card/mynumber/my-number-card-client';

/** ISO 5218 sex code → the forms' values; 0 (unknown) and 9 (not applicable) are not filled. */
function sexOf(code: string): CardFacts['sex'] {
  if (code === '1') return 'male';
  if (code === '2') return 'female';
  return undefined;
}

/** `YYYYMMDD` → `YYYY-MM-DD`. */
function isoDate(yyyymmdd: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function cardFactsFrom(record: TextApRecord): CardFacts {
  const candidates: CardFacts = {
    name: record.basicInfo.name,
    address: record.basicInfo.address,
    birthDate: isoDate(record.basicInfo.birthDate),
    sex: sexOf(record.basicInfo.sex),
    myNumber: record.myNumber,
  };
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(candidates)) {
    if (value === undefined) continue;
    if (cardFactsSchema.safeParse({ [key]: value }).success) facts[key] = value;
  }
  return cardFactsSchema.parse(facts);
}
