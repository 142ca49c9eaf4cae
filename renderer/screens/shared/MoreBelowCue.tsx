/**
 * The "more below" cue (「▼ 下に続きがあります」) of a screen longer than the window: the guide,
 * a life event, the review, the staff tables. Such a screen scrolls inside its own area while its
 * action bar (`.step-actions`, sticky at the area's bottom) stays in view; the cue sits just above
 * that bar for as long as there is more to see, and a touch on it scrolls down a screenful (a
 * first-time user may not know that the page can be swiped).
 *
 * One cue for the whole kiosk, mounted once by the frame (App.tsx): it watches every scroll area
 * (`SCROLL_AREAS`) of the top layer, so a new screen gets it by being one. The fit test
 * (test/e2e/every-screen-fits.test.ts) fails a long screen whose cue does not show.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What scrolls on a long screen: a journey step's screen, the staff layer, or an area that says so. */
export const SCROLL_AREAS = '.step-screen, .staff-layer, [data-scroll-area]';

type Cue = { area: HTMLElement; centre: number; bottom: number };

/** A scroll area with more below its visible part, in the top layer (none under an open dialog). */
function findCue(): Cue | null {
  const modals = [...document.querySelectorAll<HTMLElement>('[aria-modal="true"]')];
  const top = modals[modals.length - 1] ?? null;
  for (const area of document.querySelectorAll<HTMLElement>(SCROLL_AREAS)) {
    if (top && !top.contains(area) && !area.contains(top)) continue;
    if (area.scrollHeight - area.clientHeight - area.scrollTop <= 1) continue;
    const rect = area.getBoundingClientRect();
    if (rect.height === 0) continue;
    const bar = area.querySelector<HTMLElement>(':scope > .step-actions');
    const edge = Math.min(bar ? bar.getBoundingClientRect().top : rect.bottom, window.innerHeight);
    return { area, centre: rect.left + rect.width / 2, bottom: window.innerHeight - edge };
  }
  return null;
}

export function MoreBelowCue() {
  const { t } = useTranslation();
  const [cue, setCue] = useState<Cue | null>(null);

  useEffect(() => {
    let frame = 0;
    const check = () => {
      frame = 0;
      setCue(findCue());
    };
    // Every change that can move a screen's end: new content, a scroll, the window, the text size, fonts.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(check);
    };
    const mutations = new MutationObserver(schedule);
    mutations.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'lang', 'data-text-size'],
    });
    document.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    // A face loaded for new text (a language, larger text) moves the end without changing the DOM.
    document.fonts.addEventListener('loadingdone', schedule);
    schedule();
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      mutations.disconnect();
      document.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
      document.fonts.removeEventListener('loadingdone', schedule);
    };
  }, []);

  if (!cue) return null;
  return (
    <button
      type="button"
      className="more-below"
      style={{ left: cue.centre, bottom: cue.bottom }}
      onClick={() => cue.area.scrollBy({ top: cue.area.clientHeight * 0.8, behavior: 'smooth' })}
      data-testid="more-below"
    >
      <span aria-hidden="true">▼ </span>
      {t('controls.moreBelow')}
    </button>
  );
}
