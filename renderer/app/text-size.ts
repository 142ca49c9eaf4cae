/**
 * The citizen's text size: standard, or larger (the top bar's toggle). The app keeps it for the
 * session (the wipe sets it back) and the page's root carries it as `data-text-size`.
 */
export type TextSize = 'standard' | 'large';
