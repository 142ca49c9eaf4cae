/**
 * The ward's content, read at start from the folder the configuration names (`contentDir`,
 * default the demo content `content/demo-ward/`): the guide and form templates (the catalog),
 * the postal codes, and the office seal image printed on certificates. A broken folder stops the
 * start with an error naming the file, before a citizen is served.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/load-config';
import { resolveProjectPath } from '../config/project-paths';
import { loadCatalog, type ApplicationsCatalog } from './catalog';
import { loadPostalDirectory, type PostalDirectory } from './postal-lookup';

export interface WardContent {
  readonly catalog: ApplicationsCatalog;
  readonly postal: PostalDirectory;
  /** `<contentDir>/documents/city-seal.png`. */
  readonly sealImageFile: string;
}

export function loadWardContent(contentDir: string): WardContent {
  const dir = resolveProjectPath(contentDir);
  const sealImageFile = join(dir, 'documents', 'city-seal.png');
  if (!existsSync(sealImageFile)) throw new ConfigError(`${sealImageFile}: the office seal image is missing (contentDir ${contentDir})`);
  return { catalog: loadCatalog(dir), postal: loadPostalDirectory(dir), sealImageFile };
}
