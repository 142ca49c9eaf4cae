/**
 * The optional electronic signature after the review (card-identified citizens only):
 * the choice 「電子署名をして送信する」/「署名せずに送信する」, and the 署名用パスワード on the
 * 英数 board of the on-screen keyboard (masked, upper-cased, 6–16 letters and digits). The
 * password lives only in this component's state and is cleared the moment it is sent. With one
 * try left, sending first asks an explicit confirmation, like the PIN screens.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KanaKeyboard } from '../../widgets/KanaKeyboard';
import { LastTryDialog } from '../../widgets/LastTryDialog';

type ChoiceProps = {
  /** False when the signing password is locked: only sending unsigned is offered. */
  canSign: boolean;
  message?: string;
  onSign: () => void;
  onUnsigned: () => void;
  onBack: () => void;
};

export function SignChoiceScreen({ canSign, message, onSign, onUnsigned, onBack }: ChoiceProps) {
  const { t } = useTranslation('application');
  return (
    <section className="step-screen" aria-labelledby="sign-title" data-testid="app-sign-choice">
      <h1 id="sign-title" className="screen__title">
        {t('sign.title')}
      </h1>
      {message ? (
        <p className="step-message step-message--warning" role="alert" data-testid="sign-message">
          {message}
        </p>
      ) : null}
      <p className="step-lead">{t('sign.lead')}</p>
      <p className="step-hint">{t('sign.paper')}</p>
      <div className="app-identify">
        {canSign ? (
          <button type="button" className="journey app-identify__card" onClick={onSign} data-testid="sign-with">
            <span className="journey__title">{t('sign.withSignature')}</span>
            <span className="journey__hint">{t('sign.withSignatureHint')}</span>
          </button>
        ) : null}
        <button type="button" className="journey" onClick={onUnsigned} data-testid="sign-without">
          <span className="journey__title">{t('sign.withoutSignature')}</span>
          <span className="journey__hint">{t('sign.withoutSignatureHint')}</span>
        </button>
      </div>
      <div className="step-actions app-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="app-back">
          {t('sign.back')}
        </button>
      </div>
    </section>
  );
}

const PASSWORD = /^[A-Z0-9]{6,16}$/;

type PasswordProps = {
  triesLeft: number;
  lastTry: boolean;
  errorText?: string;
  onSubmit: (password: string, confirmedLastTry: boolean) => void;
  onBack: () => void;
};

export function SignPasswordScreen({ triesLeft, lastTry, errorText, onSubmit, onBack }: PasswordProps) {
  const { t } = useTranslation('application');
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const valid = PASSWORD.test(password);

  // Only letters and digits, upper-cased as the card compares them; the board's symbols and space do nothing.
  const change = (next: string) =>
    setPassword(
      next
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 16),
    );
  const send = (confirmed: boolean) => {
    const p = password;
    setPassword('');
    setConfirming(false);
    if (PASSWORD.test(p)) onSubmit(p, confirmed);
  };
  const ok = () => {
    if (!valid) return;
    if (lastTry) setConfirming(true);
    else send(false);
  };

  return (
    <section className="step-screen" aria-labelledby="sign-password-title" data-testid="app-sign-password">
      <h1 id="sign-password-title" className="screen__title">
        {t('sign.passwordTitle')}
      </h1>
      {errorText ? (
        <p className="step-message step-message--error" role="alert" data-testid="sign-password-error">
          {errorText}
        </p>
      ) : null}
      <p className={lastTry ? 'pin__tries pin__tries--last' : 'pin__tries'} data-testid="sign-password-tries">
        {t('sign.triesLeft', { n: triesLeft })}
      </p>
      {lastTry ? (
        <p className="step-message step-message--warning step-message__strong" data-testid="sign-password-last-try">
          {t('sign.lastTryWarning')}
        </p>
      ) : null}
      <p className="step-hint">{t('sign.passwordHint')}</p>
      <KanaKeyboard value={password} onChange={change} modes={['alnum']} maxLength={16} label={t('sign.passwordLabel')} testId="sign-kbd" masked />
      <div className="step-actions app-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="app-back">
          {t('sign.back')}
        </button>
        <button type="button" className="button button--primary button--wide" onClick={ok} disabled={!valid || confirming} data-testid="sign-password-ok">
          {t('sign.ok')}
        </button>
      </div>
      {confirming ? (
        <LastTryDialog
          idPrefix="sign-confirm"
          testId="sign-confirm"
          yesTestId="sign-confirm-yes"
          noTestId="sign-confirm-no"
          title={t('sign.confirmTitle')}
          body={t('sign.lastTryWarning')}
          yesLabel={t('sign.confirmYes')}
          noLabel={t('sign.confirmNo')}
          onYes={() => send(true)}
          onNo={() => {
            setPassword('');
            setConfirming(false);
          }}
        />
      ) : null}
    </section>
  );
}
