/**
 * Resolves a URL path to a file inside the renderer bundle, refusing anything outside it.
 * Shared by the Electron `app://` protocol handler and the browser shell's HTTP server.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { VOICE_AUDIO_PREFIX } from '../../contract/voice';
import type { VoiceGuidance } from '../speech/voice-guidance';
import { mimeTypeFor } from './content-policy';

export type RendererFile = { body: Buffer; contentType: string };

/**
 * What the page may load from its own origin: a renderer file, or under `/voice/` a synthesised
 * prompt's WAV (main/speech), which is served from memory, never from a path on disk.
 */
export async function readPageFile(rendererDir: string, urlPath: string, voice: Pick<VoiceGuidance, 'audio'> | undefined): Promise<RendererFile | null> {
  if (!urlPath.startsWith(VOICE_AUDIO_PREFIX)) return readRendererFile(rendererDir, urlPath);
  const wav = voice?.audio(urlPath);
  return wav ? { body: wav, contentType: 'audio/wav' } : null;
}

export async function readRendererFile(rendererDir: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const full = resolve(root, relative);
  if (!full.startsWith(root + sep)) return null;
  const contentType = mimeTypeFor(full);
  if (!contentType) return null;
  try {
    return { body: await readFile(full), contentType };
  } catch {
    return null;
  }
}
