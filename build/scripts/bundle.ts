/**
 * `npm run build`: bundles main, preload, renderer and the demo entry with esbuild, one tool for all.
 *
 * - main (Node, CommonJS): dependencies stay external, since native modules (better-sqlite3,
 *   pcsclite, node-hid) and pdfkit's font data must load from node_modules (unpacked from
 *   asar in the packaged app).
 * - preload (sandboxed, CommonJS): everything but `electron` is bundled in.
 * - renderer (browser): one script, one stylesheet, the fonts as files; no eval, no inline
 *   code, so the strict CSP holds. The same bundle is loaded by both shells.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const out = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const production = process.env.NODE_ENV !== 'development';

/**
 * The kiosk's main-process entries: what a package carries (electron-builder.yml packs dist/main).
 * test/unit/foundation/packaging-config.test.ts bundles them and checks no backend/ code is inside.
 */
export const kioskMainEntries = { start: 'main/start.ts', 'electron-main': 'main/electron/electron-main.ts' };
/** Packages the main-side bundles load from node_modules (native modules, pdfkit's font data). */
export const mainExternal = ['electron', ...Object.keys(pkg.dependencies ?? {})];

export const node: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The renderer's page bundle: one script, one stylesheet, the fonts as files, from `entry` into
 * `outdir` (the kiosk's page, and the test screen gallery's page over the same renderer).
 */
export function rendererBuild(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { main: entry },
    outdir,
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    target: ['chrome120'],
    format: 'iife',
    jsx: 'automatic',
    minify: production,
    sourcemap: production ? false : 'linked',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    loader: { '.woff2': 'file', '.woff': 'file' },
    assetNames: 'fonts/[name]-[hash]',
    logLevel: 'warning',
    legalComments: 'none',
  };
}

/** The page every renderer bundle is loaded by. */
export const RENDERER_HTML = join(root, 'renderer', 'index.html');

export async function bundle(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'renderer'), { recursive: true });
  await Promise.all([
    build({
      ...node,
      entryPoints: kioskMainEntries,
      outdir: join(out, 'main'),
      external: mainExternal,
      absWorkingDir: root,
    }),
    // The demo entry (`npm start`): the reference back end, the queue service and the kiosk's
    // launcher. Its own folder, so the kiosk's bundles (what a package carries) hold no backend/ or
    // queue/ code. The queue's database drivers stay external: PGlite finds its WebAssembly and data
    // files beside its own module, which a bundle would move.
    build({
      ...node,
      entryPoints: { 'start-demo': 'demo/start-demo.ts' },
      outdir: join(out, 'demo'),
      external: [...mainExternal, '@electric-sql/pglite', 'pg'],
      absWorkingDir: root,
    }),
    build({
      ...node,
      entryPoints: { preload: 'main/electron/preload.ts' },
      outdir: join(out, 'main'),
      external: ['electron'],
      absWorkingDir: root,
    }),
    build(rendererBuild('renderer/main.tsx', join(out, 'renderer'))),
  ]);
  copyFileSync(RENDERER_HTML, join(out, 'renderer', 'index.html'));
}

if (require.main === module) {
  bundle().then(
    () => console.log('built dist/main, dist/renderer and dist/demo'),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
