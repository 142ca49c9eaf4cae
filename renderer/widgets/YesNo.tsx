/** A yes/no question as two big radio buttons (はい / いいえ by default). */
import { useTranslation } from 'react-i18next';
import { ChoiceList } from './ChoiceList';

export type YesNoProps = {
  /** true = yes, false = no, undefined while unanswered. */
  value: boolean | undefined;
  /** Called with the answer tapped. */
  onChange: (v: boolean) => void;
  /** Accessible name of the question. */
  label: string;
  /** Text of the yes button (default はい / Yes). */
  yesLabel?: string;
  /** Text of the no button (default いいえ / No). */
  noLabel?: string;
  /** Prefix for data-testid attributes (default 'yesno'): `${testId}-yes`, `${testId}-no`. */
  testId?: string;
};

export function YesNo({ value, onChange, label, yesLabel, noLabel, testId = 'yesno' }: YesNoProps) {
  const { t } = useTranslation('widgets');
  return (
    <ChoiceList
      options={[
        { value: 'yes', label: yesLabel ?? t('yesNo.yes') },
        { value: 'no', label: noLabel ?? t('yesNo.no') },
      ]}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === 'yes')}
      label={label}
      columns={2}
      testId={testId}
    />
  );
}
