/**
 * The confirmation before a card secret's last try (the PIN, the signing password): one more wrong
 * entry locks it, so the kiosk never spends that try without an explicit "yes". Shared by the
 * certificate PIN and the application signature screens so both ask the same way.
 */
import type { ReactElement } from 'react';

export interface LastTryDialogProps {
  /** Prefix of the element ids (`<idPrefix>-title`, `<idPrefix>-body`). */
  idPrefix: string;
  /** `data-testid` of the dialog; the buttons get `<yesTestId>` / `<noTestId>`. */
  testId: string;
  yesTestId: string;
  noTestId: string;
  title: string;
  body: string;
  yesLabel: string;
  noLabel: string;
  /** Spend the last try. */
  onYes: () => void;
  /** Do not: the entry is cleared. */
  onNo: () => void;
}

/**
 * The safe choice ("do not", which keeps the try) has the initial focus: a stray Enter, a second
 * tap landing where OK was, or a switch user's first press never spends the last try.
 */
export function LastTryDialog(p: LastTryDialogProps): ReactElement {
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${p.idPrefix}-title`}
        aria-describedby={`${p.idPrefix}-body`}
        data-testid={p.testId}
      >
        <h2 id={`${p.idPrefix}-title`} className="dialog__title">
          {p.title}
        </h2>
        <p id={`${p.idPrefix}-body`} className="dialog__body step-message__strong">
          {p.body}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary button--wide" onClick={p.onYes} data-testid={p.yesTestId}>
            {p.yesLabel}
          </button>
          <button type="button" className="button button--secondary button--wide" onClick={p.onNo} data-testid={p.noTestId} autoFocus>
            {p.noLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
