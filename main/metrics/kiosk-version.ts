/** The kiosk software's version (package.json of the app folder), for `madoguchi_kiosk_info`. */
import { readFileSync } from 'node:fs';
import { resolveProjectPath } from '../config/project-paths';

export function kioskVersion(): string {
  try {
    const version = (JSON.parse(readFileSync(resolveProjectPath('package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' && /^[0-9A-Za-z.+-]{1,32}$/.test(version) ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
