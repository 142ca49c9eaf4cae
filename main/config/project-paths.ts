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
