/**
 * `BrowserWindow` as documented: only after 'ready'; its web contents is announced with the app's
 * 'web-contents-created' before the constructor returns; `loadURL` is a programmatic navigation (no
 * 'will-navigate'), loads through the protocol handler, rejects when the load fails, and emits
 * 'ready-to-show' for a window created with `show: false`.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { FakeApp } from './fake-app';
import { FakeEvent, requireReady } from './fake-event';
import type { FakeProtocol } from './fake-protocol';
import { FakeWebContents } from './fake-web-contents';

/** Chromium's net::ERR_UNKNOWN_URL_SCHEME and net::ERR_FAILED. */
const ERR_UNKNOWN_URL_SCHEME = -302;
const ERR_FAILED = -2;

export interface FakeWindowWorld {
  app: FakeApp;
  protocol: FakeProtocol;
  windows: FakeBrowserWindow[];
}

/** Builds the `BrowserWindow` class of one fake Electron. */
export function browserWindowClass(world: FakeWindowWorld) {
  return class BrowserWindow extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions = {}) {
      super(world, options);
    }
  };
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  visible: boolean;
  focused = false;
  /** The body of the last page loaded, as the protocol handler served it. */
  page: { status: number; headers: Headers; body: string } | null = null;

  constructor(
    private readonly world: FakeWindowWorld,
    readonly options: BrowserWindowConstructorOptions,
  ) {
    super();
    requireReady(world.app.isReady, 'BrowserWindow');
    this.visible = options.show !== false;
    this.webContents = new FakeWebContents(world.protocol.standardSchemes);
    world.windows.push(this);
    world.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  async loadURL(url: string): Promise<void> {
    let response: Response;
    try {
      response = await this.world.protocol.fetch(url);
    } catch {
      const code = this.world.protocol.isProtocolHandled(new URL(url).protocol.slice(0, -1)) ? ERR_FAILED : ERR_UNKNOWN_URL_SCHEME;
      this.webContents.failLoad(code, 'load failed', url);
      throw new Error(`ERR_FAILED (${code}) loading '${url}'`);
    }
    this.page = { status: response.status, headers: response.headers, body: await response.text() };
    this.webContents.commit(url);
    if (!this.visible) this.emit('ready-to-show', new FakeEvent());
  }
  /** The renderer stops answering. */
  hang(): void {
    this.emit('unresponsive', new FakeEvent());
  }
}
