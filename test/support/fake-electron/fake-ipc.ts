/**
 * `ipcMain`, `ipcRenderer` and `contextBridge` as Electron documents and implements them
 * (lib/browser/ipc-main-impl.ts, lib/browser/ipc-dispatch.ts, lib/renderer/api/ipc-renderer.ts):
 * - `ipcMain.handle` throws for a second handler on one channel;
 * - `ipcRenderer.invoke` structured-clones its arguments and the answer; the handler gets an
 *   `IpcMainInvokeEvent` whose `sender` is the page's web contents and `senderFrame` the frame that
 *   sent it (null once that frame navigated away or was destroyed);
 * - a handler that throws, or no handler, rejects the invoke with
 *   "Error invoking remote method '<channel>': <error>";
 * - `contextBridge.exposeInMainWorld` refuses a key already on `window` and hands the page a frozen copy.
 */
import type { FakeWebContents, FakeWebFrameMain } from './fake-web-contents';

export interface FakeInvokeEvent {
  readonly type: 'frame';
  readonly processId: number;
  readonly frameId: number;
  readonly sender: FakeWebContents;
  readonly senderFrame: FakeWebFrameMain | null;
}

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipc-dispatch.ts does with one '-ipc-invoke' message. */
  async dispatchInvoke(event: FakeInvokeEvent, channel: string, args: unknown[]): Promise<{ result?: unknown; error?: string }> {
    const handler = this.handlers.get(channel);
    if (!handler) return { error: new Error(`No handler registered for '${channel}'`).toString() };
    try {
      return { result: await Promise.resolve(handler(event, ...args)) };
    } catch (err) {
      return { error: String(err) };
    }
  }
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** The preload's `ipcRenderer` in one frame of one web contents. */
export class FakeIpcRenderer {
  private readonly listeners = new Map<string, Set<RendererListener>>();
  /** The frame as main will see it; a test sets null to model a frame that navigated away mid-call. */
  senderFrame: FakeWebFrameMain | null;

  constructor(
    private readonly ipcMain: FakeIpcMain,
    private readonly contents: FakeWebContents,
    frame: FakeWebFrameMain,
  ) {
    this.senderFrame = frame;
    if (frame.parent === null) contents.renderer = this;
  }

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const event: FakeInvokeEvent = {
      type: 'frame',
      processId: this.contents.processId,
      frameId: this.senderFrame?.routingId ?? -1,
      sender: this.contents,
      senderFrame: this.senderFrame,
    };
    const { error, result } = await this.ipcMain.dispatchInvoke(event, channel, structuredClone(args));
    if (error) throw new Error(`Error invoking remote method '${channel}': ${error}`);
    return structuredClone(result);
  }
  on(channel: string, listener: RendererListener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, listener: RendererListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
  /** A message from `webContents.send` arriving (args already cloned). */
  deliver(channel: string, args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }
}

/** `contextBridge` with the page's `window` it exposes into. */
export class FakeContextBridge {
  readonly mainWorld: Record<string, unknown> = {};

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (apiKey in this.mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.mainWorld[apiKey] = api !== null && typeof api === 'object' ? Object.freeze({ ...api }) : api;
  }
}
