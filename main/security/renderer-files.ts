/**
 * Resolves a URL path to a file inside the renderer bundle, refusing anything outside it.
 * Shared by the Electron `app://` protocol handler and the browser shell's HTTP server.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { mimeTypeFor } from './content-policy';

export type RendererFile = { body: Buffer; contentType: string };

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
