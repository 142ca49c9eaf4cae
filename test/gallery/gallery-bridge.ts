/**
 * The screen gallery's stand-in for the main side, inside the page: a `KioskBridge` that answers
 * every request from the scene on show and pushes each new scene as the events main would send.
 * The renderer above it is the real one (same bundle code, same kiosk client and validation), so
 * a screen in the gallery is drawn exactly as in a live journey, without walking one.
 *
 * The scene is built and validated against the contract on the Node side (scenes.ts); this only
 * hands it over. Requests that would move a journey on answer the scene's view unchanged.
 */
import type { KioskBridge } from '../../contract/bridge-api';
import type { WireResult } from '../../contract/envelope';
import { measureFit, NO_CUE, type FitOptions } from './measure-fit';
import type { PageScene } from './page-scene';

type Listener = (channel: string, payload: unknown) => void;

/** The global through which the test drives the page (`window.gallery.show(scene)`). */
export const GALLERY_GLOBAL = 'gallery';

/** One screen to draw and measure in the page, without a round trip per step. */
export interface DrawRequest extends FitOptions {
  page: PageScene;
  /** A selector that matches once the screen is drawn. */
  ready: string;
}

export interface GalleryControl {
  /** Shows a scene: its session, journeys and staff state, pushed as main's events. */
  show(scene: PageScene): void;
  /** Once `ready` matches (at most `READY_MS`) and two frames later, the fit problems of the screen as drawn (measure-fit.ts). */
  measureWhen(ready: string, options: FitOptions): Promise<string[]>;
  /** Shows and measures each screen in turn: its problems, in order. */
  drawAll(requests: DrawRequest[]): Promise<string[][]>;
}

/** How long a screen may take to draw before it counts as not drawn (a busy machine draws slowly). */
const READY_MS = 30_000;

/** How many frames the "more below" cue may take to follow a new screen. */
const CUE_FRAMES = 30;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function measureWhen(ready: string, options: FitOptions): Promise<string[]> {
  const started = performance.now();
  while (document.querySelector(ready) === null) {
    if (performance.now() - started > READY_MS) return [`did not draw (${ready})`];
    await nextFrame();
  }
  // The faces the new text needs, then one frame for the frame's own reactions (the "more
  // below" cue), one for their paint.
  await document.fonts.ready;
  await nextFrame();
  await nextFrame();
  let problems = measureFit(options);
  // The cue follows the screen within a few frames (a large review renders slower than its cue).
  for (let frame = 0; frame < CUE_FRAMES && problems.some((p) => p.includes(NO_CUE)); frame++) {
    await nextFrame();
    problems = measureFit(options);
  }
  return problems;
}

export function createGalleryBridge(first: PageScene): { bridge: KioskBridge; control: GalleryControl } {
  let scene = first;
  const listeners = new Set<Listener>();
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners) l(channel, payload);
  };
  const value = (channel: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(scene.answers, channel)) return scene.answers[channel];
    if (channel.startsWith('session.')) return scene.session;
    if (channel.startsWith('certificate.')) return scene.certificate;
    if (channel.startsWith('staff.')) return scene.staff;
    if (channel.startsWith('application.')) return scene.application;
    if (channel === 'kiosk.getAvailability') return scene.availability;
    return undefined;
  };
  const bridge: KioskBridge = {
    invoke(channel) {
      const answerNow = (): WireResult => {
        const answer = value(channel);
        return answer === undefined ? { ok: false, error: { code: 'not-available', messageKey: 'errors.not-available' } } : { ok: true, value: answer };
      };
      // Answered on a later task, like a real bridge: never inside React's render. From the scene on
      // show when answered, as main answers with its state then: an answer computed for the scene
      // before would arrive after the next scene's event and draw the old screen again.
      return new Promise((resolve) => setTimeout(() => resolve(answerNow()), 0));
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const control: GalleryControl = {
    show(next) {
      scene = next;
      emit('kiosk.availabilityChanged', scene.availability);
      emit('staff.changed', scene.staff);
      emit('session.changed', scene.session);
      emit('certificate.changed', scene.certificate);
      emit('application.changed', scene.application);
    },
    measureWhen,
    async drawAll(requests) {
      const out: string[][] = [];
      for (const r of requests) {
        control.show(r.page);
        out.push(await measureWhen(r.ready, r));
      }
      return out;
    },
  };
  return { bridge, control };
}
