/**
 * The staff passcode's pepper: a 32-byte secret of this kiosk that keys the passcode hash
 * (staff-passcode.ts), kept outside the configuration file by the outbox's key providers: wrapped by
 * the OS keystore (`safeStorage`) in Electron, a 0600 key file beside the outbox key in the browser
 * shell. A leaked configuration file without it gives nothing to brute-force.
 *
 * The pepper is made once, by the hash tool (`build/scripts/hash-staff-passcode.ts`, or the Electron
 * app with `--hash-staff-passcode`), on the kiosk that will check the hash. The kiosk never makes
 * one at start: a new pepper would silently lock staff out.
 */
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../config/default-config';
import { ConfigError } from '../config/load-config';
import { resolveProjectPath } from '../config/project-paths';
import { FileKeyProvider, OutboxKeyError, type KeyProvider } from '../outbox';

/**
 * The demo hash's pepper. As public as the demo passcode itself (README), so that the fixed demo
 * hash in default-config.ts checks on every machine; the deployment guard refuses the demo hash.
 */
export const DEMO_STAFF_PEPPER = Buffer.from('madoguchi-demo-staff-pepper-0001', 'utf8'); // 32 bytes

export interface StaffPepperPaths {
  /** The browser shell's raw pepper file (0600). */
  keyFile: string;
  /** Electron's safeStorage-wrapped pepper file. */
  wrappedKeyFile: string;
}

/** Beside the outbox key, in `<dataDir>/keys/`. */
export function staffPepperPaths(dataDir: string): StaffPepperPaths {
  const keys = join(resolveProjectPath(dataDir), 'keys');
  return { keyFile: join(keys, 'staff-pepper.key'), wrappedKeyFile: join(keys, 'staff-pepper.key.wrapped') };
}

/** The browser shell's (and the default) pepper provider for a data folder. */
export function fileStaffPepperProvider(dataDir: string): KeyProvider {
  return new FileKeyProvider(staffPepperPaths(dataDir).keyFile);
}

/**
 * The pepper that checks `passcodeHash`: the demo pepper for the demo hash, else this kiosk's.
 * No pepper yet is a configuration error that says how to make the hash here.
 */
export function loadStaffPepper(passcodeHash: string, provider: KeyProvider): Buffer {
  if (passcodeHash === DEFAULT_CONFIG.staff.passcodeHash) return DEMO_STAFF_PEPPER;
  return existingPepper(
    provider,
    `staff.passcodeHash was not made on this kiosk: its staff pepper (${provider.description}) does not exist. ` +
      'Make the hash on this kiosk with build/scripts/hash-staff-passcode.ts (Electron: --hash-staff-passcode), which creates the pepper.',
  );
}

/** This kiosk's own pepper (never the demo's), which the staff accounts' hashes are keyed with; missing is a configuration error. */
export function loadKioskStaffPepper(provider: KeyProvider): Buffer {
  return existingPepper(
    provider,
    `the staff accounts were not made on this kiosk: its staff pepper (${provider.description}) does not exist. Add them again with npm run staff:accounts.`,
  );
}

/** The provider's pepper; a missing one is a configuration error saying `missing`. */
function existingPepper(provider: KeyProvider, missing: string): Buffer {
  try {
    return provider.getKey();
  } catch (err) {
    if (!(err instanceof OutboxKeyError && err.code === 'key-missing')) throw err;
    throw new ConfigError(missing);
  }
}

/** The hash tool's pepper: this kiosk's, made now if it has none yet. */
export function getOrCreateStaffPepper(provider: KeyProvider): Buffer {
  try {
    return provider.getKey();
  } catch (err) {
    if (err instanceof OutboxKeyError && err.code === 'key-missing') return provider.createKey();
    throw err;
  }
}
