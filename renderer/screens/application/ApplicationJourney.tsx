/**
 * The no-writing applications journey (書かない窓口): draws the screen for the main side's
 * current step and sends the citizen's choices and answers. Everything that matters (the
 * plan, the answers, the card's facts, the submission) lives on the main side; this keeps
 * only what is being typed on the current screen, and the address start picked from a
 * postal code until the address question comes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../contract/application-journey';
import { useKiosk } from '../../app/kiosk-context';
import { useApplicationView, type ApplicationViewState } from '../../app/use-application-view';
import { useScreenStart } from '../../app/use-screen-start';
import { InsertCardScreen } from '../shared/InsertCardScreen';
import { PinScreen } from '../shared/PinScreen';
import { SimulatorPanel } from '../shared/SimulatorPanel';
import { ApplicationProgress } from './ApplicationProgress';
import { EventScreen } from './EventScreen';
import { GuideScreen } from './GuideScreen';
import { IdentifyScreen } from './IdentifyScreen';
import { appMessageText } from './message-text';
import { ApplicationFailedScreen, DoneScreen } from './OutcomeScreens';
import { QuestionScreen } from './QuestionScreen';
import { ReviewScreen } from './ReviewScreen';
import { SignChoiceScreen, SignPasswordScreen } from './SignScreens';

/** A key that changes with every new screen (each question is a screen of its own). */
function screenKey(view: ApplicationView | null): string {
  if (!view) return 'starting';
  return view.step === 'question' ? `question:${view.question.id}:${view.index}` : view.step;
}

export function ApplicationJourney({ onFinish }: { onFinish: () => void }) {
  const { client, info } = useKiosk();
  const { t } = useTranslation('application');
  const state = useApplicationView(client);
  const { view, callErrorKey, call } = state;
  const key = screenKey(view);
  const root = useScreenStart(key);
  // Kept above the per-screen key: picked on the postal question, used by the next address question.
  const [addressStart, setAddressStart] = useState<string | null>(null);

  return (
    <div className="journey-frame app" data-step={view?.step ?? 'starting'} ref={root}>
      {callErrorKey ? (
        <p className="step-message step-message--error" role="alert" data-testid="app-call-error">
          {appMessageText(t, callErrorKey)}
        </p>
      ) : null}
      <StepScreen
        key={key}
        view={view}
        state={state}
        shuffle={info.shufflePinPad}
        addressStart={addressStart}
        onAddressStart={setAddressStart}
        onFinish={onFinish}
      />
      <SimulatorPanel view={view} simulated={info.simulated} call={call} />
    </div>
  );
}

type StepProps = {
  view: ApplicationView | null;
  state: ApplicationViewState;
  shuffle: boolean;
  addressStart: string | null;
  onAddressStart: (start: string) => void;
  onFinish: () => void;
};

function StepScreen({ view, state, shuffle, addressStart, onAddressStart, onFinish }: StepProps) {
  const { t } = useTranslation('application');
  const { send, call } = state;
  const back = () => void send('application.back', {});
  if (!view) return <ApplicationProgress kind="starting" />;
  switch (view.step) {
    case 'idle':
      return <ApplicationProgress kind="starting" />;
    case 'guide':
      return <GuideScreen events={view.events} call={call} onOpen={(eventId) => void send('application.openEvent', { eventId })} />;
    case 'event':
      return (
        <EventScreen
          event={view.event}
          included={view.included}
          onToggle={(procedureId, included) => void send('application.toggleProcedure', { procedureId, included })}
          onStart={() => void send('application.start', {})}
          onBack={back}
        />
      );
    case 'identify':
      return (
        <IdentifyScreen
          message={view.messageKey ? appMessageText(t, view.messageKey) : undefined}
          onCard={() => void send('application.identify', { method: 'card' })}
          onManual={() => void send('application.identify', { method: 'manual' })}
          onBack={back}
        />
      );
    case 'insert-card':
      return <InsertCardScreen message={appMessageText(t, view.messageKey) || undefined} />;
    case 'reading-card':
      return <ApplicationProgress kind="reading" />;
    case 'pin':
      return (
        <PinScreen
          triesLeft={view.triesLeft}
          lastTry={view.lastTry}
          error={appMessageText(t, view.errorKey) || undefined}
          technicalName={t('pin.technicalName')}
          shuffle={shuffle}
          onSubmit={(pin, confirmedLastTry) => void send('application.submitPin', { pin, confirmedLastTry })}
        />
      );
    case 'question':
      return (
        <QuestionScreen
          view={view}
          addressStart={addressStart}
          onAddressStart={onAddressStart}
          onAnswer={(value) => void send('application.answer', { questionId: view.question.id, value })}
          onBack={back}
          call={call}
        />
      );
    case 'review':
      return (
        <ReviewScreen
          forms={view.forms}
          errorKey={view.errorKey}
          onEdit={(questionId) => void send('application.edit', { questionId })}
          onSubmit={() => void send(view.canSign ? 'application.offerSignature' : 'application.submit', {})}
          onBack={back}
          canSign={view.canSign === true}
        />
      );
    case 'sign-choice':
      return (
        <SignChoiceScreen
          canSign={view.canSign}
          message={view.messageKey ? appMessageText(t, view.messageKey) : undefined}
          onSign={() => void send('application.sign', {})}
          onUnsigned={() => void send('application.submit', {})}
          onBack={back}
        />
      );
    case 'sign-insert-card':
      return (
        <>
          <InsertCardScreen message={appMessageText(t, view.messageKey) || undefined} />
          <div className="step-actions app-actions">
            <button type="button" className="button button--secondary button--outlined" onClick={back} data-testid="app-back">
              {t('sign.back')}
            </button>
          </div>
        </>
      );
    case 'sign-password':
      return (
        <SignPasswordScreen
          triesLeft={view.triesLeft}
          lastTry={view.lastTry}
          errorText={view.errorKey ? appMessageText(t, view.errorKey) : undefined}
          onSubmit={(password, confirmedLastTry) => void send('application.submitSignPassword', { password, confirmedLastTry })}
          onBack={back}
        />
      );
    case 'signing':
      return <ApplicationProgress kind="signing" />;
    case 'submitting':
      return <ApplicationProgress kind="submitting" />;
    case 'printing':
      return <ApplicationProgress kind="printing" formsDone={view.formsDone} formsTotal={view.formsTotal} />;
    case 'done':
      return <DoneScreen view={view} onHome={onFinish} />;
    case 'failed':
      return <ApplicationFailedScreen view={view} onHome={onFinish} />;
  }
}
