/**
 * Serves the renderer bundle from `app://kiosk/`, with the content security policy as a header.
 */
import { securityHeaders } from '../security/content-policy';
import { readRendererFile } from '../security/renderer-files';
import type { ShellProtocol } from './electron-api';
import { APP_SCHEME, isKioskAppUrl } from './window-options';

/** Must run before the app is ready (Electron: `registerSchemesAsPrivileged` only works then). */
export function registerAppScheme(protocol: ShellProtocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(protocol: ShellProtocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = securityHeaders();
    if (!isKioskAppUrl(request.url) || request.method !== 'GET') return new Response(null, { status: 404, headers });
    const file = await readRendererFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response(null, { status: 404, headers });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
  });
}
