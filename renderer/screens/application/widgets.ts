/** The input widgets the question and guide screens use (renderer/widgets/), in one place. */
export { ChoiceList } from '../../widgets/ChoiceList';
export { DatePicker } from '../../widgets/DatePicker';
export { KanaKeyboard } from '../../widgets/KanaKeyboard';
export { NumberPad } from '../../widgets/NumberPad';
export { YesNo } from '../../widgets/YesNo';
