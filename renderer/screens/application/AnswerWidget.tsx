/**
 * The input for one question, by its type: the kana keyboard for names and text (英数 alone
 * where the pattern admits no kana, e.g. the insurance 記号番号), the number pad for numbers,
 * phone numbers and postal codes, the date picker (和暦 or 西暦), a choice
 * list, or yes/no. The postal code also offers the addresses it belongs to.
 */
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Question } from '../../../contract/applications';
import { boundYear, digitsOnlyLength, initialDateYear, numberLength, textKeyboardModes } from './answer-draft';
import { useLocalize } from './localized';
import { ChoiceList, DatePicker, KanaKeyboard, NumberPad, YesNo } from './widgets';

/** Japanese phone numbers have at most 11 digits; the pad enters digits only, shown with hyphens. */
const PHONE_DIGITS = 11;

type Props = {
  question: Question;
  draft: AnswerValue | undefined;
  onChange: (next: AnswerValue) => void;
  /** The kiosk's filling day (ISO, from main): the picker's latest year when the question sets none. */
  today: string;
};

export function AnswerWidget({ question: q, draft, onChange, today }: Props) {
  const { t } = useTranslation('application');
  const localize = useLocalize();
  const label = localize(q.label);
  const text = typeof draft === 'string' ? draft : draft === undefined ? '' : String(draft);
  const maxLength = q.validation.maxLength;
  switch (q.type) {
    case 'kana':
      return <KanaKeyboard value={text} onChange={onChange} modes={['katakana', 'hiragana']} initialMode="katakana" maxLength={maxLength} label={label} />;
    case 'text': {
      const digits = digitsOnlyLength(q);
      if (digits !== null) return <NumberPad value={text} onChange={onChange} maxLength={digits} format="plain" label={label} />;
      const modes = textKeyboardModes(q);
      return <KanaKeyboard value={text} onChange={onChange} modes={modes} initialMode={modes[0]} maxLength={maxLength} label={label} />;
    }
    case 'address':
      // The start of the address usually comes from the postal code; what is left is mostly 番地.
      return (
        <KanaKeyboard value={text} onChange={onChange} modes={['alnum', 'hiragana', 'katakana']} initialMode="alnum" maxLength={maxLength} label={label} />
      );
    case 'postal':
      return <NumberPad value={text.replace(/\D/g, '')} onChange={onChange} maxLength={7} format="postal" label={label} />;
    case 'phone':
      return <NumberPad value={text} onChange={onChange} maxLength={PHONE_DIGITS} format="phone" label={label} />;
    case 'number':
      return <NumberPad value={text} onChange={onChange} maxLength={numberLength(q)} format="plain" label={label} />;
    case 'date':
    case 'era-date':
      return (
        <DatePicker
          value={text === '' ? undefined : text}
          onChange={onChange}
          mode={q.type === 'era-date' ? 'era' : 'western'}
          minYear={boundYear(q.validation.minDate)}
          maxYear={boundYear(q.validation.maxDate) ?? Number(today.slice(0, 4))}
          initialYear={initialDateYear(q, today)}
          label={label}
        />
      );
    case 'choice':
      return (
        <ChoiceList options={(q.options ?? []).map((o) => ({ value: o.value, label: localize(o.label) }))} value={text} onChange={onChange} label={label} />
      );
    case 'checkbox':
      return (
        <YesNo
          value={typeof draft === 'boolean' ? draft : undefined}
          onChange={onChange}
          label={label}
          yesLabel={t('question.yes')}
          noLabel={t('question.no')}
        />
      );
  }
}
