/**
 * Every screen starts at its top, with focus on its heading: the one place that does it for both
 * journeys and the first screen (issue 16). A journey shows one screen at a time inside one root
 * element; when `screenKey` changes (a new screen), the page, every scrolled box around the
 * root and the step's own scroll area go back to the top (a long guide or review left scrolled would otherwise open the next
 * screen half-way down, its top bar cut off), and focus moves to the new heading so a screen
 * reader starts reading there. Focus never scrolls: the screen is drawn from its top.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { SCROLL_AREAS } from '../screens/shared/MoreBelowCue';

export function useScreenStart<T extends HTMLElement = HTMLDivElement>(screenKey: string): RefObject<T | null> {
  const root = useRef<T>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    for (let box: HTMLElement | null = el; box; box = box.parentElement) box.scrollTop = 0;
    // The step's own scroll area too (a long step scrolls inside, not the page), should React keep it for the new step.
    for (const area of el.querySelectorAll<HTMLElement>(SCROLL_AREAS)) area.scrollTop = 0;
    document.scrollingElement?.scrollTo(0, 0);
    const heading = el.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [screenKey]);
  return root;
}

/**
 * The control a dialog focuses when it opens (the safe choice), focused without scrolling the
 * page under the dialog (the idle prompt used to move the screen the citizen was reading).
 */
export function useOpeningFocus<T extends HTMLElement>(): RefObject<T | null> {
  const control = useRef<T>(null);
  useEffect(() => control.current?.focus({ preventScroll: true }), []);
  return control;
}
