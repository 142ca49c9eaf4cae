/**
 * The certificate journey (自動交付機): draws the screen for the main side's current step.
 * All state that matters lives on the main side; this only shows it and sends the
 * citizen's answers. The PIN exists only inside the PIN screen until it is sent.
 */
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../contract/certificate-journey';
import { useKiosk } from '../../app/kiosk-context';
import { useCertificateView, type CertificateViewState } from '../../app/use-certificate-view';
import { useScreenStart } from '../../app/use-screen-start';
import { ChooseScreen } from './ChooseScreen';
import { FailedScreen } from './FailedScreen';
import { InsertCardScreen } from '../shared/InsertCardScreen';
import { messageText } from './message-text';
import { PrintingScreen, TakeCardScreen, TakeCertificateScreen } from './OutcomeScreens';
import { PayScreen } from './PayScreen';
import { PinScreen } from '../shared/PinScreen';
import { ProgressScreen } from './ProgressScreen';
import { SimulatorPanel } from '../shared/SimulatorPanel';

export function CertificateJourney({ onFinish }: { onFinish: () => void }) {
  const { client, info } = useKiosk();
  const { t } = useTranslation('certificate');
  const state = useCertificateView(client);
  const { view, callErrorKey, call } = state;
  const step = view?.step ?? 'starting';
  // A new step is a new screen.
  const root = useScreenStart(step);

  return (
    <div className="journey-frame" data-step={step} ref={root}>
      {callErrorKey ? (
        <p className="step-message step-message--error" role="alert" data-testid="cert-call-error">
          {messageText(t, callErrorKey)}
        </p>
      ) : null}
      <StepScreen view={view} send={state.send} shuffle={info.shufflePinPad} onFinish={onFinish} />
      <SimulatorPanel view={view} simulated={info.simulated} call={call} />
    </div>
  );
}

type StepProps = { view: CertificateView | null; send: CertificateViewState['send']; shuffle: boolean; onFinish: () => void };

function StepScreen({ view, send, shuffle, onFinish }: StepProps) {
  const { t } = useTranslation('certificate');
  if (!view) return <ProgressScreen kind="starting" />;
  const onReceipt = (wanted: boolean) => void send('certificate.setReceipt', { wanted });
  switch (view.step) {
    case 'idle':
      return <ProgressScreen kind="starting" />;
    case 'insert-card':
      return <InsertCardScreen message={messageText(t, view.messageKey) || undefined} />;
    case 'reading-card':
      return <ProgressScreen kind="reading" />;
    case 'pin':
      return (
        <PinScreen
          triesLeft={view.triesLeft}
          lastTry={view.lastTry}
          error={messageText(t, view.errorKey) || undefined}
          technicalName={t('pin.technicalName')}
          shuffle={shuffle}
          onSubmit={(pin, confirmedLastTry) => void send('certificate.submitPin', { pin, confirmedLastTry })}
        />
      );
    case 'authenticating':
      return <ProgressScreen kind="authenticating" />;
    case 'choose':
      return (
        <ChooseScreen
          view={view}
          onChoose={(choice) => void send('certificate.choose', choice)}
          onAdd={(choice) => void send('certificate.addToBasket', choice)}
          onRemove={(index) => void send('certificate.removeFromBasket', { index })}
          onCheckout={() => void send('certificate.checkout', {})}
        />
      );
    case 'preparing':
      return <ProgressScreen kind="preparing" />;
    case 'pay':
      return (
        <PayScreen
          view={view}
          onMethod={(method) => void send('certificate.pay', { method })}
          onBack={() => void send('certificate.back', {})}
          onReceipt={onReceipt}
        />
      );
    case 'take-card':
      return <TakeCardScreen changeYen={view.changeYen} owedYen={view.owedYen} voucher={view.voucher} receipt={view.receipt} onReceipt={onReceipt} />;
    case 'printing':
      return <PrintingScreen pagesDone={view.pagesDone} />;
    case 'take-certificate':
      return (
        <TakeCertificateScreen
          owedYen={view.owedYen}
          voucher={view.voucher}
          voucherPrinted={view.voucherPrinted}
          receipt={view.receipt}
          remainingMs={view.remainingMs}
        />
      );
    case 'failed':
      return <FailedScreen view={view} onHome={onFinish} />;
  }
}
