/**
 * Where the ward's content lives: the guide, the form templates, the postal data and the office
 * seal image. A kiosk reads the folder its configuration names (`contentDir`, see
 * ward-content.ts); the loaders' default, for tests and command-line tools, is the demo content.
 */
import { resolveProjectPath } from '../config/project-paths';

/** The demo ward's content, relative to the project (app) folder; `contentDir`'s default. */
export const DEMO_CONTENT_DIR = 'content/demo-ward';

/** The demo content folder, absolute. */
export function demoContentDir(): string {
  return resolveProjectPath(DEMO_CONTENT_DIR);
}

/** Dotted path of a zod issue; an unknown key is named itself (`layout.elements.5.fieldd`). */
export function issuePath(issue: { path: PropertyKey[]; code: string; keys?: string[] }): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys?.[0]) path.push(issue.keys[0]);
  return path.join('.');
}
