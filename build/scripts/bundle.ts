/**
 * `npm run build`: bundles main, preload and renderer with esbuild, one tool for all three.
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

const node: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

export async function bundle(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'renderer'), { recursive: true });
  await Promise.all([
    build({
      ...node,
      entryPoints: {
        start: 'main/start.ts',
        'electron-main': 'main/electron/electron-main.ts',
      },
      outdir: join(out, 'main'),
      external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
      absWorkingDir: root,
    }),
    build({
      ...node,
      entryPoints: { preload: 'main/electron/preload.ts' },
      outdir: join(out, 'main'),
      external: ['electron'],
      absWorkingDir: root,
    }),
    build({
      entryPoints: { main: 'renderer/main.tsx' },
      outdir: join(out, 'renderer'),
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
    }),
  ]);
  copyFileSync(join(root, 'renderer', 'index.html'), join(out, 'renderer', 'index.html'));
}

if (require.main === module) {
  bundle().then(
    () => console.log('built dist/main and dist/renderer'),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
