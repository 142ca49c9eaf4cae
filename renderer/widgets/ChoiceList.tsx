/**
 * One choice among a few, as big radio-like buttons (role="radiogroup" / "radio" with
 * aria-checked). The chosen one is marked by a filled circle and a thick border as well as
 * colour, so it reads without colour vision. Arrow keys move the choice, as in a radio group.
 */
import { type KeyboardEvent, useRef } from 'react';

export type ChoiceOption = {
  /** What `onChange` reports. */
  value: string;
  /** What the citizen reads (already translated). */
  label: string;
};

export type ChoiceListProps = {
  /** The choices, in display order. */
  options: ChoiceOption[];
  /** The chosen value, or undefined while nothing is chosen. */
  value: string | undefined;
  /** Called with the tapped option's value. */
  onChange: (v: string) => void;
  /** Accessible name of the question. */
  label: string;
  /** Lay the choices out in this many columns where the width allows (default 1). */
  columns?: 1 | 2 | 3 | 4 | 5;
  /** Prefix for data-testid attributes (default 'choice'); each option gets `${testId}-${value}`. */
  testId?: string;
};

export function ChoiceList({ options, value, onChange, label, columns = 1, testId = 'choice' }: ChoiceListProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const checkedIndex = options.findIndex((o) => o.value === value);

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || options.length === 0) return;
    e.preventDefault();
    const j = (i + step + options.length) % options.length;
    onChange(options[j]!.value);
    refs.current[j]?.focus();
  };

  return (
    <div className={`wchoices wchoices--cols-${columns}`} role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((o, i) => {
        const checked = o.value === value;
        return (
          <button
            key={o.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            // Roving focus: one tab stop for the group, on the chosen option (or the first).
            tabIndex={checked || (checkedIndex < 0 && i === 0) ? 0 : -1}
            className={checked ? 'wkey wchoice wchoice--on' : 'wkey wchoice'}
            onClick={() => onChange(o.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
            data-testid={`${testId}-${o.value}`}
          >
            <span className="wchoice__mark" aria-hidden="true" />
            <span className="wchoice__label">{o.label}</span>
          </button>
        );
      })}
    </div>
  );
}
