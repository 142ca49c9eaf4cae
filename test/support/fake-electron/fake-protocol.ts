/**
 * `protocol` as documented: `registerSchemesAsPrivileged` only before 'ready' and only once;
 * `handle` only after 'ready', one handler per scheme; the handler gets a WHATWG `Request` and returns
 * a `Response` (or a promise of one). `fetch` is what the page's loads go through.
 */
import type { CustomScheme } from 'electron';
import type { FakeApp } from './fake-app';
import { requireReady } from './fake-event';

type Handler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  readonly privileged: CustomScheme[] = [];
  /** Schemes Chromium treats as standard (`scheme://host/path`, tuple origins). */
  readonly standardSchemes = new Set<string>();
  private registered = false;
  private readonly handlers = new Map<string, Handler>();

  constructor(private readonly app: FakeApp) {}

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.app.isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (this.registered) throw new Error('protocol.registerSchemesAsPrivileged can only be called once');
    this.registered = true;
    for (const scheme of customSchemes) {
      this.privileged.push(scheme);
      if (scheme.privileges?.standard) this.standardSchemes.add(scheme.scheme);
    }
  }
  handle(scheme: string, handler: Handler): void {
    requireReady(this.app.isReady, 'protocol.handle');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
  /** A request from the page to a handled scheme; throws (net::ERR_UNKNOWN_URL_SCHEME) for any other. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error('net::ERR_UNKNOWN_URL_SCHEME');
    return handler(new Request(url, init));
  }
}
