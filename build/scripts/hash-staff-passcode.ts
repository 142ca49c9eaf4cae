/**
 * Makes the `staff.passcodeHash` value for a kiosk run by the browser shell, on that kiosk:
 *
 *     npx tsx build/scripts/hash-staff-passcode.ts [--data-dir <dir>]          # asks twice, nothing echoed
 *     printf '%s\n' "$PASSCODE" | npx tsx build/scripts/hash-staff-passcode.ts  # provisioning
 *
 * The passcode (8-12 digits) is read from the terminal or standard input, never from the command
 * line. The hash is keyed with the kiosk's staff pepper, `<dataDir>/keys/staff-pepper.key` (0600),
 * made on first use; `--data-dir` is the configuration's `dataDir` (default `.madoguchi`). The
 * Electron app does the same with `--hash-staff-passcode` (pepper wrapped by the OS keystore).
 * Prints only the hash (format: main/staff/staff-passcode.ts).
 */
import { runHashPasscodeCli } from '../../main/staff/hash-passcode-cli';
import { terminalHashPasscodeIo } from '../../main/staff/read-passcode';
import { fileStaffPepperProvider } from '../../main/staff/staff-pepper';

void runHashPasscodeCli(process.argv.slice(2), terminalHashPasscodeIo, fileStaffPepperProvider).then((code) => process.exit(code));
