/**
 * Child process for fatal-errors.test.ts: installs the policy, then fails the way argv[2] says.
 * Its stop writes a marker so the test sees the normal stop ran before the exit.
 */
import { createLogger } from '../../../platform/log';
import { installFatalErrorPolicy } from '../../../main/fatal-errors';

const how = process.argv[2];
const log = createLogger('fatal-test');
installFatalErrorPolicy({
  log,
  graceMs: 300,
  shutdown: () => (how === 'hanging-stop' ? new Promise<void>(() => undefined) : Promise.resolve().then(() => void process.stdout.write('STOPPED-NORMALLY\n'))),
  exit: (code) => process.exit(code),
});
// A message that quotes a citizen's data, as a library's error might.
const secret = new Error('could not parse 山田太郎 123456789012');
if (how === 'rejection') void Promise.reject(secret);
else
  setTimeout(() => {
    throw secret;
  }, 10);
// Keeps the process alive the way a kiosk's servers do.
setInterval(() => undefined, 1_000);
