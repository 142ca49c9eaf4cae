/**
 * The fit check, run inside the gallery page on the screen as drawn: what a citizen (or staff)
 * cannot see without scrolling, and whether the screen says so. Each problem names the element
 * (its test id, else its tag and text) and by how much it misses.
 *
 * - Nothing scrolls the page, up-down or sideways, and nothing scrolls sideways anywhere.
 * - Every control and heading of the top layer (the open dialog, else the page) is inside the
 *   window and not covered (by the on-screen keyboard, a bar, another layer).
 * - Only a long screen may scroll inside: then its actions (the fixed bar, primary buttons) stay
 *   in view and the "more below" cue shows while there is more. Elsewhere any inner scrolling is
 *   a problem, naming what it hides.
 * - Question screens: the question's keys are at least 72 px with 28 px text.
 */

export interface FitOptions {
  /** The screen may scroll inside, under a fixed action bar with the cue. */
  long: boolean;
  /** Measure the question's keys too. */
  questionKeys: boolean;
}

/** The cue's test id (renderer/screens/shared/MoreBelowCue.tsx). */
const CUE = '[data-testid="more-below"]';
const CONTROLS = 'button, input, select, textarea, a[href], [role="button"], h1';
/** Controls that must stay on screen even on a long screen: the action bar's, a dialog's, the staff console's tabs. */
const ALWAYS_SHOWN = '.step-actions, .dialog__actions, .staff-console__head';

/** How a missing cue is reported. */
export const NO_CUE = 'no "more below" cue';

const px = (n: number) => `${Math.round(n)} px`;

function nameOf(el: Element): string {
  const id = el.getAttribute('data-testid');
  if (id) return id;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
  return `${el.tagName.toLowerCase()}${el.classList.length > 0 ? `.${[...el.classList].join('.')}` : ''}「${text}」`;
}

function isShown(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width >= 2 && r.height >= 2 && getComputedStyle(el).visibility !== 'hidden';
}

function scrollsY(el: Element): boolean {
  return /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1;
}

function scrollsX(el: Element): boolean {
  return /(auto|scroll)/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1;
}

/** The top layer: the last open modal dialog, else the whole page. */
function topLayer(): Element {
  const dialogs = [...document.querySelectorAll('[aria-modal="true"]')].filter(isShown);
  return dialogs[dialogs.length - 1] ?? document.body;
}

/** The nearest ancestor (up to `layer`, included) that scrolls vertically, if any. */
function scroller(el: Element, layer: Element): Element | null {
  for (let at = el.parentElement; at; at = at.parentElement) {
    if (scrollsY(at)) return at;
    if (at === layer) break;
  }
  return null;
}

/**
 * The element painted over `el` at its centre or at the middle of its top or bottom quarter, if
 * any (the corners of a rounded button belong to what is behind it).
 */
function coveredBy(el: Element, r: DOMRect): Element | null {
  const x = r.left + r.width / 2;
  for (const y of [r.top + r.height / 2, r.top + r.height / 4, r.bottom - r.height / 4]) {
    const hit = document.elementFromPoint(x, y);
    if (hit && !el.contains(hit) && !(hit.contains(el) && hit.tagName === 'LABEL')) return hit;
  }
  return null;
}

function cueShownOver(area: Element): boolean {
  const a = area.getBoundingClientRect();
  return [...document.querySelectorAll(CUE)].some((cue) => {
    const c = cue.getBoundingClientRect();
    return isShown(cue) && c.top >= a.top - 1 && c.bottom <= Math.min(a.bottom, window.innerHeight) + 1 && c.bottom > a.top;
  });
}

/** What `area` hides below its visible part (its first few controls and headings). */
function hiddenIn(area: Element): string {
  const bottom = area.getBoundingClientRect().bottom;
  const hidden = [...area.querySelectorAll(CONTROLS)].filter((el) => isShown(el) && el.getBoundingClientRect().bottom > bottom + 0.5);
  return hidden.length === 0
    ? 'no control'
    : hidden
        .slice(0, 4)
        .map((el) => `${nameOf(el)} (to ${px(el.getBoundingClientRect().bottom - bottom)} below)`)
        .join(', ');
}

export function measureFit(options: FitOptions): string[] {
  const problems: string[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollHeight > vh + 1) problems.push(`the page scrolls: ${px(root.scrollHeight - vh)} below the window`);
  if (root.scrollWidth > vw + 1) problems.push(`the page scrolls sideways: ${px(root.scrollWidth - vw)}`);

  const layer = topLayer();
  for (const el of [layer, ...layer.querySelectorAll('*')]) {
    if (scrollsX(el)) problems.push(`${nameOf(el)} scrolls sideways: ${px(el.scrollWidth - el.clientWidth)}`);
    if (!scrollsY(el)) continue;
    const more = el.scrollHeight - el.clientHeight - el.scrollTop;
    if (!options.long)
      problems.push(`${nameOf(el)} scrolls: its content is ${px(el.scrollHeight - el.clientHeight)} taller than its room; below: ${hiddenIn(el)}`);
    else if (more > 1 && !cueShownOver(el)) problems.push(`${nameOf(el)} has ${px(more)} more below and ${NO_CUE}`);
  }

  for (const el of layer.querySelectorAll(CONTROLS)) {
    if (!isShown(el)) continue;
    const inBar = el.closest(ALWAYS_SHOWN) !== null;
    // Inside a scroll area: on a long screen content is reached by scrolling (the cue says so),
    // the bar is not; elsewhere the area's own problem names what it hides.
    if (scroller(el, layer) && (!options.long || !inBar)) continue;
    const r = el.getBoundingClientRect();
    if (r.bottom > vh + 0.5) problems.push(`${nameOf(el)} ends at y = ${px(r.bottom)}, ${px(r.bottom - vh)} below the window (${vh})`);
    else if (r.right > vw + 0.5) problems.push(`${nameOf(el)} ends at x = ${px(r.right)}, ${px(r.right - vw)} right of the window (${vw})`);
    else if (r.top < -0.5 || r.left < -0.5) problems.push(`${nameOf(el)} starts off the window at (${px(r.left)}, ${px(r.top)})`);
    else {
      const over = coveredBy(el, r);
      if (over) problems.push(`${nameOf(el)} is covered by ${nameOf(over)}`);
    }
  }

  if (options.questionKeys)
    for (const b of document.querySelectorAll('.app-question__body button')) {
      if (!isShown(b)) continue;
      const r = b.getBoundingClientRect();
      if (r.width < 72 || r.height < 72) problems.push(`key ${nameOf(b)} is ${Math.round(r.width)}×${Math.round(r.height)} px, under 72 px`);
      const font = parseFloat(getComputedStyle(b).fontSize);
      if (font < 28) problems.push(`key ${nameOf(b)} has ${font} px text, under 28 px`);
    }
  return problems;
}
