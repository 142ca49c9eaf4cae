/**
 * One screen of the gallery: the state that draws it, how to tell it is drawn, the touches that
 * open it (a dialog, a keyboard, a tab), and what the fit check allows on it. Every scene's state
 * is checked against the contract's schemas before any browser starts (`checkScene`).
 */
import type { Page } from 'playwright-core';
import { applicationViewSchema } from '../../contract/application-journey';
import { certificateViewSchema } from '../../contract/certificate-journey';
import { availabilitySchema, requests, sessionStateSchema, type Journey, type Language, type RequestName } from '../../contract/kiosk-api';
import { staffStateSchema } from '../../contract/staff-console';
import { IDLE_SCENE } from './idle-scene';
import type { PageScene } from './page-scene';

export interface Scene {
  /** `<journey>/<step>[-<variant>]`: names the screen in failures and its screenshots. */
  readonly id: string;
  readonly page: PageScene;
  /** A selector that matches only once this scene is drawn (after `act`). */
  readonly ready: string;
  /** Touches that open the screen once the state is shown (a dialog, the keyboard, a tab). */
  readonly act?: (page: Page) => Promise<void>;
  /** Touches that close what `act` opened, so the next scene starts from the plain screen. */
  readonly leave?: (page: Page) => Promise<void>;
  /**
   * Content that may be longer than the screen (the guide, an event, the review, staff tables):
   * it scrolls under a fixed action bar, and the "more below" cue must show. Elsewhere nothing scrolls.
   */
  readonly long?: boolean;
  /** The question's own keys are measured too (≥ 72 px, ≥ 28 px text), as the interview promises. */
  readonly questionKeys?: boolean;
  /** Only in these languages (default: every language the kiosk has). */
  readonly languages?: readonly Language[];
}

const SESSION_ID = '5f0c6a52-8d2e-4f6b-9a57-0d3c2b1e4a10';

/** A citizen session on `journey` (null: the home screen). */
export function activeSession(journey: Journey | null): PageScene['session'] {
  return { phase: 'active', sessionId: SESSION_ID, journey };
}

/** The resting scene with `over` on top (answers merged). */
export function pageScene(over: Partial<PageScene>): PageScene {
  return { ...IDLE_SCENE, ...over, answers: { ...IDLE_SCENE.answers, ...over.answers } };
}

/** The problems of a scene's state against the contract (empty when it is one main could send). */
export function checkScene(scene: Scene): string[] {
  const problems: string[] = [];
  const check = (what: string, result: { success: boolean; error?: { message: string } }) => {
    if (!result.success) problems.push(`${scene.id}: ${what} does not match the contract: ${result.error?.message ?? ''}`);
  };
  check('session', sessionStateSchema.safeParse(scene.page.session));
  check('certificate view', certificateViewSchema.safeParse(scene.page.certificate));
  check('application view', applicationViewSchema.safeParse(scene.page.application));
  check('staff state', staffStateSchema.safeParse(scene.page.staff));
  check('availability', availabilitySchema.safeParse(scene.page.availability));
  for (const [channel, answer] of Object.entries(scene.page.answers)) {
    if (!Object.prototype.hasOwnProperty.call(requests, channel)) problems.push(`${scene.id}: no request ${channel}`);
    else check(`the answer to ${channel}`, requests[channel as RequestName].output.safeParse(answer));
  }
  return problems;
}
