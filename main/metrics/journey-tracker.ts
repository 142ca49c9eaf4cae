/**
 * Follows the journeys through the events the kiosk already sends its screens (`session.changed`,
 * `certificate.changed`, `application.changed`), so the metrics need no call inside a journey:
 * a step's duration is the time from its first view to the next step's; a journey is completed
 * when it reaches its last step (the certificate handed over, the application's receipt) and
 * abandoned at the step it was on when the session wiped it. Only step names are kept, never a view's data.
 */
import type { Clock } from '../../platform/clock';

export type TrackedJourney = 'certificate' | 'application';

/** The step that means the citizen got what they came for. */
export const COMPLETED_STEP: Record<TrackedJourney, string> = { certificate: 'take-certificate', application: 'done' };

export interface JourneyObserver {
  stepEnded(journey: TrackedJourney, step: string, seconds: number): void;
  completed(journey: TrackedJourney): void;
  abandoned(journey: TrackedJourney, step: string): void;
  sessionStarted(): void;
  sessionEnded(reason: string): void;
}

interface Position {
  step: string;
  since: number;
  completed: boolean;
}

const JOURNEY_OF_CHANNEL: Record<string, TrackedJourney> = { 'certificate.changed': 'certificate', 'application.changed': 'application' };

function stepOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('step' in payload)) return null;
  const step = (payload as { step: unknown }).step;
  return typeof step === 'string' && /^[a-z-]{1,32}$/.test(step) ? step : null;
}

export class JourneyTracker {
  private readonly at = new Map<TrackedJourney, Position>();
  private sessionId: string | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly observer: JourneyObserver,
  ) {}

  /** An event sink for the event hub. */
  readonly sink = (channel: string, payload: unknown): void => {
    if (channel === 'session.changed') this.session(payload);
    const journey = JOURNEY_OF_CHANNEL[channel];
    const step = stepOf(payload);
    if (journey && step) this.step(journey, step);
  };

  private session(payload: unknown): void {
    const state = payload as { phase?: string; sessionId?: string; endedReason?: string };
    if ((state.phase === 'active' || state.phase === 'prompt') && state.sessionId && state.sessionId !== this.sessionId) {
      this.sessionId = state.sessionId;
      this.observer.sessionStarted();
    } else if (state.phase === 'idle' && this.sessionId !== null) {
      this.sessionId = null;
      this.observer.sessionEnded(state.endedReason ?? 'unknown');
    }
  }

  private step(journey: TrackedJourney, step: string): void {
    const now = this.clock.now();
    const here = this.at.get(journey);
    if (here?.step === step) return;
    if (here && here.step !== 'idle') {
      this.observer.stepEnded(journey, here.step, Math.max(0, now - here.since) / 1000);
      if (step === 'idle' && !here.completed) this.observer.abandoned(journey, here.step);
    }
    const completed = step === COMPLETED_STEP[journey] || (step !== 'idle' && (here?.completed ?? false));
    if (step === COMPLETED_STEP[journey] && !here?.completed) this.observer.completed(journey);
    this.at.set(journey, { step, since: now, completed });
  }
}
