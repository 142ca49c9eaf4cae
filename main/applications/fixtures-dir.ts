/**
 * Finds the `fixtures/` folder: `MADOGUCHI_FIXTURES_DIR` if set, else the nearest `fixtures/`
 * above this file (works from sources under tsx and from a bundle in dist/ next to fixtures/).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function fixturesDir(): string {
  const fromEnv = process.env.MADOGUCHI_FIXTURES_DIR;
  if (fromEnv) return resolve(fromEnv);
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'fixtures');
    if (existsSync(join(candidate, 'forms'))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return resolve(process.cwd(), 'fixtures');
}

/** Dotted path of a zod issue; an unknown key is named itself (`layout.elements.5.fieldd`). */
export function issuePath(issue: { path: PropertyKey[]; code: string; keys?: string[] }): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys?.[0]) path.push(issue.keys[0]);
  return path.join('.');
}
