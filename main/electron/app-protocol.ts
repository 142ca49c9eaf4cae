/**
 * Serves the renderer bundle from `app://kiosk/`, with the content security policy as a header,
 * and the voice prompts' WAVs from `app://kiosk/voice/` (main/speech).
 */
import { securityHeaders } from '../security/content-policy';
import { readPageFile } from '../security/renderer-files';
import type { VoiceGuidance } from '../speech/voice-guidance';
import type { ShellProtocol } from './electron-api';
import { APP_SCHEME, isKioskAppUrl } from './window-options';

/**
 * Must run before the app is ready (Electron: `registerSchemesAsPrivileged` only works then).
 * `stream`: an <audio> element plays from a custom scheme only with it (the voice prompts).
 */
export function registerAppScheme(protocol: ShellProtocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

export function serveRenderer(protocol: ShellProtocol, rendererDir: string, voice?: Pick<VoiceGuidance, 'audio'>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = securityHeaders();
    if (!isKioskAppUrl(request.url) || request.method !== 'GET') return new Response(null, { status: 404, headers });
    const file = await readPageFile(rendererDir, new URL(request.url).pathname, voice);
    if (!file) return new Response(null, { status: 404, headers });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
  });
}
