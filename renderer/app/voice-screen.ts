/**
 * Which spoken prompt each screen has (the `voice` namespace of every locale). Every step of both
 * journeys maps to one, checked by the compiler here and by test/unit/i18n/voice-prompts.test.ts
 * in every language; steps that say the same thing (a card being read, a wait) share a prompt.
 */
import type { ApplicationStep } from '../../contract/application-journey';
import type { CertificateStep } from '../../contract/certificate-journey';

export type VoiceScreen =
  { kind: 'home' } | { kind: 'ending' } | { kind: 'certificate'; step: CertificateStep } | { kind: 'application'; step: ApplicationStep };

export const CERTIFICATE_PROMPTS: Readonly<Record<CertificateStep, string>> = {
  idle: 'shared.wait',
  'insert-card': 'shared.insertCard',
  'reading-card': 'shared.readingCard',
  pin: 'certificate.pin',
  authenticating: 'shared.checkingCard',
  choose: 'certificate.choose',
  preparing: 'certificate.preparing',
  pay: 'certificate.pay',
  'take-card': 'certificate.takeCard',
  printing: 'shared.printing',
  'take-certificate': 'certificate.takeCertificate',
  failed: 'shared.failed',
};

export const APPLICATION_PROMPTS: Readonly<Record<ApplicationStep, string>> = {
  idle: 'shared.wait',
  guide: 'application.guide',
  event: 'application.event',
  identify: 'application.identify',
  'insert-card': 'shared.insertCard',
  'reading-card': 'shared.readingCard',
  pin: 'application.pin',
  question: 'application.question',
  review: 'application.review',
  'sign-choice': 'application.signChoice',
  'sign-insert-card': 'application.signInsertCard',
  'sign-password': 'application.signPassword',
  signing: 'shared.checkingCard',
  submitting: 'application.submitting',
  printing: 'shared.printing',
  done: 'application.done',
  failed: 'shared.failed',
};

/** The screen's prompt key in the `voice` namespace. */
export function promptKeyOf(screen: VoiceScreen): string {
  switch (screen.kind) {
    case 'home':
    case 'ending':
      return screen.kind;
    case 'certificate':
      return CERTIFICATE_PROMPTS[screen.step];
    case 'application':
      return APPLICATION_PROMPTS[screen.step];
  }
}

/** A stable string for a screen (effects depend on it). */
export function screenId(screen: VoiceScreen): string {
  return 'step' in screen ? `${screen.kind}:${screen.step}` : screen.kind;
}
