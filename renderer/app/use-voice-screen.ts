/**
 * The screen the citizen sees, for its spoken prompt: the first screen, an ending, or a journey's
 * current step as main reports it.
 */
import type { Journey } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';
import { useJourneyStep } from './use-journey-step';
import type { VoiceScreen } from './voice-screen';

export function useVoiceScreen(client: KioskClient, journey: Journey | null, ending: boolean): VoiceScreen {
  const certificate = useJourneyStep(client, 'certificate');
  const application = useJourneyStep(client, 'application');
  if (journey === 'certificate') return { kind: 'certificate', step: certificate ?? 'idle' };
  if (journey === 'application') return { kind: 'application', step: application ?? 'idle' };
  return { kind: ending ? 'ending' : 'home' };
}
