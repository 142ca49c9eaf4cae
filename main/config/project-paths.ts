/** Resolves configured file paths: absolute as given, relative to the project (app) folder. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** The folder holding package.json: the repo in development, the app folder when packaged. */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function resolveProjectPath(path: string): string {
  return isAbsolute(path) ? path : resolve(projectRoot(), path);
}

/**
 * The fixtures folder (simulator and demo data). Passed explicitly to every simulator: in the
 * bundled main process a module's own `__dirname` no longer says where the repo is.
 */
export function fixturesDir(): string {
  return process.env.MADOGUCHI_FIXTURES_DIR ?? resolveProjectPath('fixtures');
}
