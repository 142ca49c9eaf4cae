/**
 * A physical keyboard for the on-screen keyboards: an input laid invisibly over the widget's
 * display, so staff helping at the kiosk can type, with an IME too (kanji for a name). It opens
 * no on-screen keyboard of the OS (`inputMode="none"`): on the touch screen the widget's own keys
 * stay the way in. While the IME composes, the display shows the composition and nothing is
 * passed up; the committed text is passed up whole (a parent's limits would break a composition).
 * A printable key pressed with nothing editable focused focuses the input first, so a helper can
 * just start typing.
 */
import { useEffect, useRef, useState } from 'react';

type Props = {
  /** The widget's value (what its own display shows). */
  value: string;
  /** The whole next text once typed or committed; the widget applies its limits. */
  onText: (next: string) => void;
  /** Accessible name: the same as the display's. */
  label: string;
  testId: string;
  /** A secret (the signing password): a password input, which also keeps the IME off. */
  masked?: boolean;
  /** Called with the composition while the IME composes (null once it is committed or dropped). */
  onComposing: (text: string | null) => void;
};

const EDITABLE = 'input, textarea, select, [contenteditable="true"], button, a[href]';

export function PhysicalTyping({ value, onText, label, testId, masked = false, onComposing }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  const [draft, setDraft] = useState<string | null>(null);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const el = input.current;
      if (!el || document.activeElement === el || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(EDITABLE)) return;
      // A character, or the IME's "processing" key (229): the keystroke goes on to the input.
      if (e.key.length === 1 || e.key === 'Process' || e.keyCode === 229 || e.key === 'Backspace') el.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const compose = (text: string | null) => {
    setDraft(text);
    onComposing(text);
  };

  return (
    <input
      ref={input}
      className="wdisplay__typing"
      type={masked ? 'password' : 'text'}
      inputMode="none"
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      spellCheck={false}
      aria-label={label}
      data-testid={`${testId}-typing`}
      value={draft ?? value}
      onFocus={(e) => {
        const end = e.currentTarget.value.length;
        e.currentTarget.setSelectionRange(end, end);
      }}
      onCompositionStart={(e) => {
        composing.current = true;
        compose(e.currentTarget.value);
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        const text = e.currentTarget.value;
        compose(null);
        onText(text);
      }}
      onChange={(e) => {
        if (composing.current) compose(e.target.value);
        else onText(e.target.value);
      }}
    />
  );
}
