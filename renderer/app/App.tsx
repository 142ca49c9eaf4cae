/**
 * The kiosk frame: top bar, the current screen, and the idle prompt.
 *
 * When the main side reports that a session ended (for any reason), the renderer wipes its
 * own state too: back to the home screen, default language and text size, and every screen
 * component remounted so nothing typed survives.
 *
 * The journey shown follows the session's journey as main reports it, so a renderer that
 * reloads in the middle of a session (a crash reload, a technician's F5) comes back to the
 * running journey instead of the home screen while main still holds the session.
 *
 * Once a certificate is paid for, no control goes home in one touch: on 「カードをお取りください」
 * 「最初に戻る」 asks first (the money comes back; the card is asked for once confirmed), and while
 * printing it is not offered, nor is the idle prompt's 「おわる」 (main refuses both ends too).
 *
 * After a session the first screen may first explain how it ended (EndingScreen, for as long as
 * main's idle state carries the ending). Every screen starts at its top with focus on its heading
 * (use-screen-start.ts): here for the first screen, in each journey for its steps.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Journey, Language, SessionEnding } from '../../contract/kiosk-api';
import { switchLanguage } from '../i18n/i18n';
import { ApplicationJourney } from '../screens/application/ApplicationJourney';
import { CancelPaidDialog } from '../screens/certificate/CancelPaidDialog';
import { CertificateJourney } from '../screens/certificate/CertificateJourney';
import { EndingScreen } from '../screens/EndingScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { IdlePrompt } from '../screens/IdlePrompt';
import { MoreBelowCue } from '../screens/shared/MoreBelowCue';
import { StaffEntry } from '../screens/staff/StaffEntry';
import { TopBar } from '../screens/TopBar';
import { useKiosk } from './kiosk-context';
import { usePaidSaleStep } from './use-paid-sale';
import { useScreenStart } from './use-screen-start';
import { useSession } from './use-session';
import { useAvailability } from './use-availability';
import type { TextSize } from './text-size';

export function App() {
  const { client, info } = useKiosk();
  const session = useSession(client);
  const availability = useAvailability(client);
  const [journey, setJourney] = useState<Journey | null>(null);
  const [textSize, setTextSize] = useState<TextSize>('standard');
  const [language, setLanguage] = useState<Language>(info.defaultLanguage);
  const [epoch, setEpoch] = useState(0);
  const paidStep = usePaidSaleStep(client);
  const [askingCancel, setAskingCancel] = useState(false);
  // The question belongs to this card screen only (the card taken starts printing, a wipe ends it).
  useEffect(() => {
    if (paidStep !== 'take-card') setAskingCancel(false);
  }, [paidStep]);

  // The renderer half of the wipe, on the way into idle only: at start the state is already the
  // default, and remounting then would replace the first screen just after it appeared.
  const previousPhase = useRef(session.phase);
  useEffect(() => {
    const entered = session.phase === 'idle' && previousPhase.current !== 'idle';
    previousPhase.current = session.phase;
    if (!entered) return;
    setJourney(null);
    setEpoch((e) => e + 1);
  }, [session.phase]);

  // An ending shows until main clears it, or until the citizen closes it (then the first screen).
  const ending = session.phase === 'idle' ? (session.ending ?? null) : null;
  const [closedEnding, setClosedEnding] = useState<SessionEnding | null>(null);
  const endingShown = ending !== null && ending !== closedEnding;
  // Language and text size stay while an ending explains (read in the citizen's language and size),
  // then go back to the defaults with the first screen.
  const atRest = session.phase === 'idle' && !endingShown;
  useEffect(() => {
    if (!atRest) return;
    setTextSize('standard');
    setLanguage(info.defaultLanguage);
  }, [atRest, info.defaultLanguage]);
  const frame = useScreenStart<HTMLElement>(journey ?? (endingShown ? `ending:${ending.reason}` : 'home'));

  // Main's session knows the journey (it survives a renderer reload): follow it.
  const sessionJourney = session.phase === 'idle' ? null : session.journey;
  useEffect(() => {
    if (sessionJourney !== null) setJourney(sessionJourney);
  }, [sessionJourney]);

  useEffect(() => {
    void switchLanguage(language);
  }, [language]);

  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);

  const ensureSession = useCallback((next: Journey | null) => client.call('session.start', { journey: next }).catch(() => undefined), [client]);

  const choose = async (next: Journey) => {
    await ensureSession(next);
    setJourney(next);
  };
  const chooseLanguage = async (next: Language) => {
    await ensureSession(journey);
    setLanguage(next);
  };
  const toggleTextSize = async () => {
    await ensureSession(journey);
    setTextSize((s) => (s === 'standard' ? 'large' : 'standard'));
  };
  const startOver = () => client.call('session.end', { reason: 'cancel' }).catch(() => undefined);
  // After payment: a confirmation on the card screen, nothing while printing (leaving means finishing).
  const leave = paidStep === 'take-card' ? () => setAskingCancel(true) : paidStep === 'printing' ? null : startOver;

  return (
    <div className="kiosk" key={epoch}>
      <TopBar
        textSize={textSize}
        language={language}
        languages={info.languages}
        onChooseLanguage={chooseLanguage}
        onToggleTextSize={toggleTextSize}
        onStartOver={journey ? leave : null}
        journey={journey}
        ending={endingShown}
        ensureSession={() => ensureSession(journey)}
      />
      <main className="screen" id="main" ref={frame}>
        {endingShown ? (
          <EndingScreen ending={ending} onClose={() => setClosedEnding(ending)} />
        ) : journey === null ? (
          <HomeScreen
            onChoose={choose}
            availability={availability}
            onOpenOutsideHours={info.simulated.card ? (open) => void client.call('simulator.openOutsideHours', { open }).catch(() => undefined) : null}
          />
        ) : journey === 'certificate' ? (
          <CertificateJourney onFinish={startOver} />
        ) : (
          <ApplicationJourney onFinish={startOver} />
        )}
      </main>
      {session.phase === 'prompt' ? (
        <IdlePrompt
          remainingMs={session.remainingMs}
          onExtend={() => client.call('session.extend', {}).catch(() => undefined)}
          onFinish={paidStep ? null : startOver}
        />
      ) : null}
      {askingCancel && paidStep === 'take-card' ? (
        <CancelPaidDialog
          onConfirm={() => client.call('certificate.cancelPaid', { confirmed: true }).catch(() => undefined)}
          onKeepGoing={() => setAskingCancel(false)}
        />
      ) : null}
      {/* Ward staff: a hidden 3-second corner on the home screen, and the staff console above all. */}
      <StaffEntry cornerVisible={journey === null} />
      {/* Over whichever screen is longer than the window, journey or staff. */}
      <MoreBelowCue />
    </div>
  );
}
