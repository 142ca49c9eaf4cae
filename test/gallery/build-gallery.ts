/**
 * Builds the screen gallery's page (gallery-page.ts over the kiosk's renderer) with the same
 * esbuild options as the kiosk's own page, into a fresh temporary folder, and serves it to a
 * browser context from there through Playwright's routing (no server, no port).
 */
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { RENDERER_HTML, rendererBuild } from '../../build/scripts/bundle';

/** The address the gallery page is served at (never resolved: every request is routed). */
export const GALLERY_ORIGIN = 'http://gallery.invalid';

export interface GalleryBundle {
  readonly dir: string;
  /** Serves the bundle to every page of `context`. */
  serve(context: BrowserContext): Promise<void>;
  remove(): void;
}

export async function buildGallery(): Promise<GalleryBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-gallery-'));
  try {
    await build(rendererBuild('test/gallery/gallery-page.ts', dir));
    copyFileSync(RENDERER_HTML, join(dir, 'index.html'));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    dir,
    serve: async (context) => {
      await context.route(`${GALLERY_ORIGIN}/**`, (route) => {
        const path = decodeURIComponent(new URL(route.request().url()).pathname);
        const file = normalize(join(dir, path === '/' ? 'index.html' : path));
        if (!file.startsWith(dir + sep)) return route.fulfill({ status: 404 });
        return route.fulfill({ path: file }).catch(() => route.fulfill({ status: 404 }));
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
