/**
 * `npm run staff:accounts -- <list | add <id> | reset <id> | disable <id> | enable <id>> [--config kiosk.json]`:
 * the staff directory's administration (main/staff/staff-accounts-cli.ts) on this terminal.
 */
import { runStaffAccountsCli } from '../../main/staff/staff-accounts-cli';
import { terminalHashPasscodeIo } from '../../main/staff/read-passcode';

void runStaffAccountsCli(process.argv.slice(2), terminalHashPasscodeIo).then((code) => process.exit(code));
