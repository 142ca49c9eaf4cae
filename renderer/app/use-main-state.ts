/**
 * The renderer's view of a piece of state the main side owns (the citizen session, the staff
 * console): follow its `changed` event, ask for its current value once the listener is in place
 * (so no change is missed between the two), and report touches while it is active so its idle
 * timer, which lives on the main side, restarts.
 */
import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';

/** The channels of each piece of main-side state the renderer follows. */
const FEEDS = {
  session: { changed: 'session.changed', get: 'session.getState', activity: 'session.activity' },
  staff: { changed: 'staff.changed', get: 'staff.getState', activity: 'staff.activity' },
  /** What works now (no touches to report: it has no idle timer). */
  availability: { changed: 'kiosk.availabilityChanged', get: 'kiosk.getAvailability', activity: null },
  /** The ward queue's waits per service (refreshed by main on the kiosk clock). */
  queue: { changed: 'queue.changed', get: 'queue.getState', activity: null },
} as const;

export type MainFeed = keyof typeof FEEDS;
export type MainState<F extends MainFeed> = EventPayload<(typeof FEEDS)[F]['changed']>;

/** The current value of `feed` (`initial` until the first answer or event arrives), and its setter. */
export function useMainState<F extends MainFeed>(client: KioskClient, feed: F, initial: MainState<F>): [MainState<F>, (state: MainState<F>) => void] {
  const [state, setState] = useState<MainState<F>>(initial);
  useEffect(() => {
    const { changed, get } = FEEDS[feed];
    const apply = (s: unknown) => setState(s as MainState<F>);
    const off = client.on(changed, apply);
    client.call(get, {}).then(apply, () => undefined);
    return off;
  }, [client, feed]);
  return [state, setState];
}

/**
 * While `active`, reports the user's touches and key presses on `feed` (at most one report per
 * `throttleMs`: the timer needs to know someone is there, not every tap). Reports that fail are
 * dropped: the main side's timer is the one that decides, and a later touch reports again.
 */
export function useActivityReports(client: KioskClient, feed: 'session' | 'staff', active: boolean, throttleMs: number): void {
  const isActive = useRef(active);
  isActive.current = active;
  useEffect(() => {
    let last = 0;
    const onTouch = () => {
      const now = Date.now();
      if (!isActive.current || now - last < throttleMs) return;
      last = now;
      client.call(FEEDS[feed].activity, {}).catch(() => undefined);
    };
    window.addEventListener('pointerdown', onTouch, true);
    window.addEventListener('keydown', onTouch, true);
    return () => {
      window.removeEventListener('pointerdown', onTouch, true);
      window.removeEventListener('keydown', onTouch, true);
    };
  }, [client, feed, throttleMs]);
}
