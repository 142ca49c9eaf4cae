/**
 * The staff text of an alert code. Most codes are fixed (`alertCodes.<code>`); a few carry a
 * reason after a known prefix (`printer-media-jam`, `print-aborted-door-open`,
 * `application-dead-letter-validation-failed`): those are a prefix text with the reason's own
 * text, or the raw reason when it has none, so staff never see only a bare code.
 */

/** Looks a key up in the staff texts; undefined when there is no such text. */
export type AlertLookup = (key: string, params?: Record<string, string>) => string | undefined;

/** A family of dynamic codes: `<prefix><reason>`. */
export interface AlertPattern {
  /** What every code of the family starts with. */
  prefix: string;
  /** The text key; its `{{reason}}` receives the reason's text. */
  key: string;
  /** Where the reason's own text is looked up (`<reasons>.<reason>`), or null to show it as it is. */
  reasons: string | null;
  /** The family's line of advice (what staff do about it). */
  advice: string;
}

/** Most specific first: the first prefix that matches wins. */
export const ALERT_PATTERNS: readonly AlertPattern[] = [
  {
    prefix: 'application-dead-letter-',
    key: 'alertPatterns.application-dead-letter',
    reasons: 'deadLetterReason',
    advice: 'alertPatternAdvice.application-dead-letter',
  },
  { prefix: 'print-aborted-', key: 'alertPatterns.print-aborted', reasons: 'printerReason', advice: 'alertPatternAdvice.print-aborted' },
  { prefix: 'print-canceled-', key: 'alertPatterns.print-canceled', reasons: 'cancelReason', advice: 'alertPatternAdvice.print-canceled' },
  { prefix: 'print-', key: 'alertPatterns.print', reasons: null, advice: 'alertPatternAdvice.print' },
  { prefix: 'printer-', key: 'alertPatterns.printer', reasons: 'printerReason', advice: 'alertPatternAdvice.printer' },
  { prefix: 'payment-', key: 'alertPatterns.payment', reasons: 'paymentState', advice: 'alertPatternAdvice.payment' },
];

/** The text of `code`, or the code itself when neither a fixed text nor a pattern fits. */
export function alertText(code: string, lookup: AlertLookup): string {
  const fixed = lookup(`alertCodes.${code}`);
  if (fixed !== undefined) return fixed;
  for (const p of ALERT_PATTERNS) {
    if (!code.startsWith(p.prefix) || code.length === p.prefix.length) continue;
    const reason = code.slice(p.prefix.length);
    const reasonText = (p.reasons ? lookup(`${p.reasons}.${reason}`) : undefined) ?? reason;
    const text = lookup(p.key, { reason: reasonText });
    if (text !== undefined) return text;
  }
  return code;
}

/** What staff do about `code` (one line), or undefined when no advice is written for it. */
export function alertAdvice(code: string, lookup: AlertLookup): string | undefined {
  const fixed = lookup(`alertAdvice.${code}`);
  if (fixed !== undefined) return fixed;
  const family = ALERT_PATTERNS.find((p) => code.startsWith(p.prefix) && code.length > p.prefix.length);
  return family ? lookup(family.advice) : undefined;
}
