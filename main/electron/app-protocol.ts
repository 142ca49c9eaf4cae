/**
 * Serves the renderer bundle from `app://kiosk/`, with the content security policy as a header.
 */
import { protocol } from 'electron';
import { securityHeaders } from '../security/content-policy';
import { readRendererFile } from '../security/renderer-files';
import { APP_HOST, APP_SCHEME } from './window-options';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = securityHeaders();
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response(null, { status: 404, headers });
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response(null, { status: 404, headers });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
  });
}
