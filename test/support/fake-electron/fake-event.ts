/**
 * Electron's `Event`: `preventDefault()` cancels the default action, and the emitter reads
 * `defaultPrevented` synchronously after the listeners ran (docs: the call must be synchronous).
 */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** `Event<WebContentsWillNavigateEventParams>` (also will-frame-navigate, will-redirect). */
export class FakeNavigationEvent extends FakeEvent {
  readonly isSameDocument = false;
  constructor(
    readonly url: string,
    readonly isMainFrame: boolean,
    readonly frame: unknown,
    readonly initiator: unknown,
  ) {
    super();
  }
}

/** Throws like Electron's "must be called before/after ready" checks. */
export function requireReady(ready: boolean, what: string): void {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
}
