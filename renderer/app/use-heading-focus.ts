/**
 * A journey shows one screen at a time inside one root element. When `screenKey` changes (a new
 * screen), focus moves to the new screen's heading so a screen reader starts reading there
 * (without scrolling: the screen is drawn from its top anyway).
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useHeadingFocus(screenKey: string): RefObject<HTMLDivElement | null> {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const heading = root.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [screenKey]);
  return root;
}
