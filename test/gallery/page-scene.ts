/**
 * What the gallery page needs to draw one scene: the state main would hold (session, both
 * journeys' views, the staff session) and the answers to the other requests a screen makes
 * (kiosk info, staff lists, guide search, postal look-up). Plain JSON: it crosses into the page.
 */
import type { ApplicationView } from '../../contract/application-journey';
import type { CertificateView } from '../../contract/certificate-journey';
import type { Availability, SessionState } from '../../contract/kiosk-api';
import type { StaffState } from '../../contract/staff-console';

export interface PageScene {
  session: SessionState;
  certificate: CertificateView;
  application: ApplicationView;
  staff: StaffState;
  /** What works now and the service hours (the home screen shows it). */
  availability: Availability;
  /** Request channel → its answer (checked against the channel's output schema in scenes.ts). */
  answers: Record<string, unknown>;
}
