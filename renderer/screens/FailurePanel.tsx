/**
 * The end of a journey that failed, the same for every journey: what happened (announced), the
 * card to take first (before the money, as at a bank's machine: the card is what gets forgotten),
 * what the journey has to add (money given back, a voucher, a kept receipt number), and one way
 * out to the home screen. It stays until that button (or the idle timer): taking the card only
 * removes the card line. Each journey keeps its own words and test ids.
 */
import type { ReactNode } from 'react';

type Props = {
  /** Prefix of the element ids and test ids (`cert` → `cert-failed`, `cert-home`...). */
  prefix: string;
  /** The heading (「手続きを完了できませんでした」...). */
  title: string;
  /** What happened, announced to screen readers. */
  message: string;
  /** The take-your-card line, or null when no card is in the reader. */
  takeCard: string | null;
  /** The label of the one button, back to the home screen. */
  homeLabel: string;
  onHome: () => void;
  /** What the journey adds after the message and the card line. */
  children?: ReactNode;
};

export function FailurePanel({ prefix, title, message, takeCard, homeLabel, onHome, children }: Props) {
  return (
    <section className="step-screen" aria-labelledby={`${prefix}-failed-title`} data-testid={`${prefix}-failed`}>
      <h1 id={`${prefix}-failed-title`} className="screen__title">
        {title}
      </h1>
      <p className="step-message step-message--error" role="alert" data-testid={`${prefix}-failed-message`}>
        {message}
      </p>
      {takeCard !== null ? (
        <p className="screen__title--big take-card-line" data-testid={`${prefix}-failed-take-card`}>
          {takeCard}
        </p>
      ) : null}
      {children}
      <button type="button" className="button button--primary button--wide" onClick={onHome} data-testid={`${prefix}-home`}>
        {homeLabel}
      </button>
    </section>
  );
}
