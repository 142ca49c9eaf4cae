/**
 * The staff passcode hash tool inside the Electron app: `madoguchi --hash-staff-passcode
 * [--data-dir <dir>]`, run by the administrator on the kiosk itself, because the pepper that keys
 * the hash is wrapped by this machine's OS keystore (safeStorage) and exists nowhere else.
 * No window opens; the app exits with the tool's code.
 */
import { SafeStorageKeyProvider } from '../outbox';
import { runHashPasscodeCli, type HashPasscodeIo } from '../staff/hash-passcode-cli';
import type { PasscodeTestSeam } from '../staff/staff-passcode';
import { staffPepperPaths } from '../staff/staff-pepper';
import type { ElectronMainApi } from './electron-api';

export const HASH_PASSCODE_FLAG = '--hash-staff-passcode';

/**
 * When `argv` asks for the tool, runs it once the app is ready and exits with its code (a thrown
 * error goes to `fail`); returns true, and the caller starts no kiosk. False otherwise.
 */
export function runHashPasscodeToolIfAsked(
  api: Pick<ElectronMainApi, 'app' | 'safeStorage'>,
  argv: readonly string[],
  io: HashPasscodeIo,
  fail: (err: unknown) => void,
  seam: PasscodeTestSeam & { N?: number } = {},
): boolean {
  const at = argv.indexOf(HASH_PASSCODE_FLAG);
  if (at < 0) return false;
  const pepperProvider = (dataDir: string) =>
    new SafeStorageKeyProvider({ safeStorage: api.safeStorage, wrappedKeyPath: staffPepperPaths(dataDir).wrappedKeyFile, allowBasicText: !api.app.isPackaged });
  api.app
    .whenReady()
    .then(() => runHashPasscodeCli(argv.slice(at + 1), io, pepperProvider, seam))
    .then((code) => api.app.exit(code), fail);
  return true;
}
