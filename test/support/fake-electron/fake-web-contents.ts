/**
 * `webContents` and `WebFrameMain` as Electron documents them, with real URL strings:
 * - a frame's `url` is its current URL ('' for a frame opened to about:blank), `parent` null on the top frame;
 * - `origin` is the RFC 6454 serialization Chromium computes: `app://kiosk` for the privileged standard
 *   `app:` scheme, "null" for opaque origins (data:, about:blank opened alone, sandboxed frames);
 * - 'will-frame-navigate' fires for renderer-initiated navigations in any frame, then 'will-navigate' for
 *   the main frame only; `loadURL` (programmatic) fires neither; `preventDefault()` cancels;
 * - `send` structured-clones its arguments and throws on a destroyed web contents.
 */
import { EventEmitter } from 'node:events';
import type { FakeIpcRenderer } from './fake-ipc';
import { FakeEvent, FakeNavigationEvent } from './fake-event';

let nextId = 1;

/** The origin Chromium gives a URL, given which custom schemes are registered as standard. */
export function chromiumOrigin(url: string, standardSchemes: ReadonlySet<string>): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'null';
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (standardSchemes.has(scheme)) return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
  return parsed.origin;
}

export class FakeWebFrameMain {
  readonly frames: FakeWebFrameMain[] = [];
  readonly routingId = nextId++;
  readonly processId: number;
  /** Set by the test to model Chromium's origin for cases the URL does not decide (sandboxed frames). */
  originOverride: string | null = null;
  constructor(
    private readonly contents: FakeWebContents,
    public url: string,
    readonly parent: FakeWebFrameMain | null,
  ) {
    this.processId = contents.processId;
  }
  get top(): FakeWebFrameMain {
    return this.parent ? this.parent.top : this;
  }
  get origin(): string {
    if (this.originOverride !== null) return this.originOverride;
    if (this.url === '' && this.parent) return this.parent.origin;
    return chromiumOrigin(this.url, this.contents.standardSchemes);
  }
}

export type WindowOpenResponse = { action: 'deny' } | { action: 'allow' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly processId = nextId++;
  readonly mainFrame: FakeWebFrameMain;
  /** The renderer side of this page (preload's `ipcRenderer`), once connected. */
  renderer: FakeIpcRenderer | null = null;
  reloads = 0;
  zoomLimits: [number, number] | null = null;
  private windowOpenHandler: ((details: { url: string; frameName: string; features: string; disposition: string }) => unknown) | null = null;
  private destroyed = false;

  constructor(readonly standardSchemes: ReadonlySet<string>) {
    super();
    this.mainFrame = new FakeWebFrameMain(this, '', null);
  }

  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  reload(): void {
    this.reloads += 1;
  }
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void> {
    this.zoomLimits = [minimumLevel, maximumLevel];
    return Promise.resolve();
  }
  setWindowOpenHandler(handler: (details: { url: string; frameName: string; features: string; disposition: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.renderer?.deliver(channel, structuredClone(args));
  }

  /** Adds a child frame (an iframe) under `parent`, already at `url`. */
  addSubframe(url: string, parent: FakeWebFrameMain = this.mainFrame): FakeWebFrameMain {
    const frame = new FakeWebFrameMain(this, url, parent);
    parent.frames.push(frame);
    return frame;
  }

  /** Programmatic navigation (`loadURL`): no will-navigate; commits at once. */
  commit(url: string): void {
    this.mainFrame.url = url;
  }

  /**
   * A navigation the page starts (link, `location = …`): emits 'will-frame-navigate', then for the main
   * frame 'will-navigate'; returns true when it went ahead (and the frame is now at `url`).
   */
  navigateFromPage(url: string, frame: FakeWebFrameMain = this.mainFrame): boolean {
    const resolved = new URL(url, frame.url || undefined).href;
    const isMainFrame = frame.parent === null;
    const frameEvent = new FakeNavigationEvent(resolved, isMainFrame, frame, frame);
    this.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) return false;
    if (isMainFrame) {
      const event = new FakeNavigationEvent(resolved, true, frame, frame);
      // The positional arguments after the details are deprecated, and still passed.
      this.emit('will-navigate', event, resolved, false, true, this.processId, frame.routingId);
      if (event.defaultPrevented) return false;
    }
    frame.url = resolved;
    return true;
  }

  /** A server redirect during a navigation; true when it is followed. */
  redirect(url: string, frame: FakeWebFrameMain = this.mainFrame): boolean {
    const event = new FakeNavigationEvent(url, frame.parent === null, frame, null);
    this.emit('will-redirect', event, url, false, frame.parent === null, this.processId, frame.routingId);
    return !event.defaultPrevented;
  }

  /** `window.open(url)` from the page: the handler decides; no handler, or `allow`, opens it. */
  openWindow(url: string, frameName = '', features = ''): WindowOpenResponse {
    if (!this.windowOpenHandler) return { action: 'allow' };
    const resolved = new URL(url, this.mainFrame.url || undefined).href;
    const answer = this.windowOpenHandler({ url: resolved, frameName, features, disposition: 'new-window' });
    // Docs: an unrecognized value logs a console error and has the effect of `deny`.
    const action = (answer as { action?: unknown } | null)?.action;
    return action === 'allow' ? { action: 'allow' } : { action: 'deny' };
  }

  /** A `<webview>` about to attach; true when it attaches (preventDefault destroys the guest). */
  attachWebview(src: string): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src });
    return !event.defaultPrevented;
  }

  /** A key press before the page sees it; true when the page receives it. */
  pressKey(key: string, modifiers: { control?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}): boolean {
    const event = new FakeEvent();
    const input = {
      type: 'keyDown',
      key,
      code: key,
      isAutoRepeat: false,
      isComposing: false,
      location: 0,
      modifiers: [],
      control: false,
      meta: false,
      alt: false,
      shift: false,
      ...modifiers,
    };
    this.emit('before-input-event', event, input);
    return !event.defaultPrevented;
  }

  /** The renderer process disappears ('crashed', 'oom', 'killed', …). */
  crash(reason: string, exitCode = 1): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode });
  }

  /** A load fails with a Chromium net error code (negative, e.g. -6 ERR_FILE_NOT_FOUND). */
  failLoad(errorCode: number, errorDescription: string, validatedURL: string, isMainFrame = true): void {
    this.emit('did-fail-load', new FakeEvent(), errorCode, errorDescription, validatedURL, isMainFrame, this.processId, this.mainFrame.routingId);
  }
}
